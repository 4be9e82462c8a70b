import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Jurisdiction, ReportDocument, ReportId } from '../kernel/index.js';
import { addDays, unsafeCalendarDate } from '../kernel/index.js';
import {
  BODY,
  PROVINCE,
  anyBodyCommand,
  basis,
  anyBodyEvent,
  bodyCommand,
  bodyCommands,
  replayBodyCommands,
} from '../testing/body-arbitraries.js';
import { show } from '../testing/deep-equal.js';
import type { Command } from './commands.js';
import { decider, isTerminal } from './decider.js';
import { periodOf } from './period.js';
import { countedReport } from './state.js';

/** A generated stream, then its dissolution on a day after its last fact. */
const endedStates = fc
  .tuple(bodyCommands(8), fc.integer({ min: 1, max: 400 }), basis)
  .map(([commands, days, instrument]) => {
    const steps = replayBodyCommands(commands);
    const last = steps[steps.length - 1];
    const state = last?.after ?? decider.initialState;
    const latest = [...(last?.history ?? [])]
      .map((e) => e.data.effectiveOn)
      .sort()
      .pop();
    if (state.status !== 'active' || latest === undefined) return state;
    const effectiveOn = addDays(latest, days) ?? latest;
    const dissolve: Command = {
      type: 'DissolveBody',
      data: { bodyId: BODY, basis: { ...instrument, issuer: PROVINCE }, effectiveOn },
    };
    const decision = decider.decide(dissolve, state, { jurisdiction: { mayChange: () => true } });
    return decision._tag === 'Right' ? decision.right.reduce(decider.evolve, state) : state;
  });

/** The states a generated stream passes through. */
const states = bodyCommands(12).map((commands) => [
  decider.initialState,
  ...replayBodyCommands(commands).map((step) => step.after),
]);

const jurisdiction = fc.constantFrom<Jurisdiction>(
  { mayChange: () => true },
  { mayChange: () => false },
  { mayChange: (issuer, establisher) => issuer === establisher },
);

describe('decide and evolve are total', () => {
  it('decide never throws, nor changes the state it is given, for any decodable command', () => {
    fc.assert(
      fc.property(
        states,
        fc.array(fc.oneof(anyBodyCommand, bodyCommand), { minLength: 1, maxLength: 4 }),
        jurisdiction,
        (visited, commands, j) => {
          for (const state of visited)
            for (const command of commands) {
              const snapshot = show(state);
              decider.decide(command, state, { jurisdiction: j });
              expect(show(state)).toBe(snapshot);
            }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('evolve never throws on any event in any state', () => {
    fc.assert(
      fc.property(
        states,
        fc.array(anyBodyEvent, { minLength: 1, maxLength: 6 }),
        (visited, events) => {
          for (const state of visited) {
            const next = events.reduce(decider.evolve, state);
            expect(['unestablished', 'active', 'ended']).toContain(next.status);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('isTerminal exactly when an ended body can take no report nor correction ever again', () => {
    let terminalSeen = 0;
    let openSeen = 0;
    fc.assert(
      fc.property(endedStates, fc.array(bodyCommand, { maxLength: 10 }), (state, commands) => {
        if (state.status !== 'ended') return;
        const anyIssuer = { jurisdiction: { mayChange: () => true } };
        if (isTerminal(state)) {
          terminalSeen++;
          for (const command of commands)
            expect(decider.decide(command, state, anyIssuer)._tag).toBe('Left');
          return;
        }
        openSeen++;
        // Some obligation's first period ended by the body's end: a report, or a correction of
        // the one that counts, is still accepted for it.
        const late = unsafeCalendarDate('2022-01-01');
        const document = { reference: '9/BC', filedBy: BODY, submittedOn: late } as ReportDocument;
        const accepted = [...state.obligations.values()].some((o) => {
          const period = periodOf(o.cadence, o.imposedOn);
          if (period === undefined) return false;
          const counted = countedReport(state, o.obligationId, period);
          const reportId = 'late-report' as ReportId;
          const command: Command =
            counted === undefined
              ? {
                  type: 'FileReport',
                  data: { bodyId: BODY, reportId, obligationId: o.obligationId, period, document },
                }
              : {
                  type: 'CorrectReport',
                  data: { bodyId: BODY, reportId, supersedes: counted.reportId, document },
                };
          return decider.decide(command, state, anyIssuer)._tag === 'Right';
        });
        expect(accepted).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(terminalSeen).toBeGreaterThan(10);
    expect(openSeen).toBeGreaterThan(10);
  });
});
