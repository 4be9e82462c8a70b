/**
 * Rule 1: a body is established once; after it is merged or dissolved it accepts no new
 * appointments, duties or obligations; reports for periods that ended before the end date may
 * still be filed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Body from '../../src/body/index.js';
import {
  bodyCommand,
  bodyCommands,
  dissolveBody,
  establishBody,
  replayBodyCommands,
} from '../../src/testing/body-arbitraries.js';
import { deepEqual } from '../../src/testing/deep-equal.js';

/** Streams that often end part-way: commands, a dissolution, more commands. */
const streamsThatEnd = fc
  .tuple(
    bodyCommands(10),
    fc.array(dissolveBody, { minLength: 1, maxLength: 2 }),
    fc.array(bodyCommand, { maxLength: 12 }),
  )
  .map(([before, dissolutions, after]) => [...before, ...dissolutions, ...after]);

describe('rule 1: established once; an ended body takes only late reports', () => {
  it('holds after every accepted command, and a refused command changes nothing', () => {
    let lateReports = 0;
    let refusedAfterEnd = 0;
    fc.assert(
      fc.property(fc.oneof(bodyCommands(), streamsThatEnd), (commands) => {
        for (const step of replayBodyCommands(commands)) {
          expect(step.untouched).toBe(true);
          if (step.decision._tag === 'Left') {
            expect(deepEqual(step.after, step.before)).toBe(true);
            if (step.before.status === 'ended') refusedAfterEnd++;
            continue;
          }
          const history = step.history;
          // Every accepted command names the stream's own body.
          expect(step.command.data.bodyId).toBe(history[0]?.data.bodyId);
          // Established once, by the stream's first event.
          expect(history[0]?.type).toBe('BodyEstablished');
          expect(history.filter((e) => e.type === 'BodyEstablished')).toHaveLength(1);
          // Ended at most once; after the end, only reports for periods that ended by then, and
          // corrections of what was recorded (rule 14).
          const ends = history.filter((e) => e.type === 'BodyEnded');
          expect(ends.length).toBeLessThanOrEqual(1);
          const endIndex = history.findIndex((e) => e.type === 'BodyEnded');
          if (endIndex >= 0) {
            const endedOn = history[endIndex]?.data
              .effectiveOn as Body.Event['data']['effectiveOn'];
            for (const event of history.slice(endIndex + 1)) {
              expect(['ReportFiled', 'ReportCorrected', 'SeatHoldingCorrected']).toContain(
                event.type,
              );
              if (event.type === 'ReportFiled' || event.type === 'ReportCorrected')
                expect(Body.periodInterval(event.data.period).to <= endedOn).toBe(true);
            }
            expect(step.after).toMatchObject({ status: 'ended', endedOn });
          } else expect(step.after.status).toBe('active');
          if (step.before.status === 'ended') {
            expect(['FileReport', 'CorrectReport', 'CorrectBodyRecord']).toContain(
              step.command.type,
            );
            if (step.command.type !== 'CorrectBodyRecord') lateReports++;
          }
          if (step.command.type === 'EstablishBody')
            expect(step.before.status).toBe('unestablished');
        }
      }),
      { numRuns: 250 },
    );
    expect(lateReports).toBeGreaterThan(0);
    expect(refusedAfterEnd).toBeGreaterThan(20);
  });

  it('refuses a second establishment, whatever the state of the stream', () => {
    fc.assert(
      fc.property(fc.oneof(bodyCommands(), streamsThatEnd), establishBody, (commands, again) => {
        const steps = replayBodyCommands(commands);
        const state = steps[steps.length - 1]?.after ?? Body.initialState;
        fc.pre(state.status !== 'unestablished');
        const decision = Body.decide(again, state, { jurisdiction: { mayChange: () => true } });
        expect(decision._tag === 'Left' && decision.left._tag).toBe('AlreadyEstablished');
      }),
      { numRuns: 100 },
    );
  });

  it('refuses every amendment or dissolution of an ended body, whoever issues it', () => {
    fc.assert(
      fc.property(streamsThatEnd, bodyCommand, (commands, command) => {
        const steps = replayBodyCommands(commands);
        const state = steps[steps.length - 1]?.after ?? Body.initialState;
        fc.pre(
          state.status === 'ended' &&
            (command.type === 'AmendBody' || command.type === 'DissolveBody'),
        );
        fc.pre(command.data.bodyId === (state.status === 'ended' ? state.bodyId : ''));
        const decision = Body.decide(command, state, { jurisdiction: { mayChange: () => true } });
        expect(decision._tag === 'Left' && decision.left._tag).toBe('BodyHasEnded');
      }),
      { numRuns: 100 },
    );
  });
});
