import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BilingualName, EventId, Jurisdiction } from '../kernel/index.js';
import { addDays, instrumentSource } from '../kernel/index.js';
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
import { bodyEstablished } from './events.js';

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

  it('never terminal: every ended body still takes a correction of its founding name (rule 14)', () => {
    let endedSeen = 0;
    fc.assert(
      fc.property(endedStates, basis, (state, instrument) => {
        expect(isTerminal(state)).toBe(false);
        if (state.status !== 'ended') return;
        endedSeen++;
        const established = bodyEstablished({
          bodyId: state.bodyId,
          effectiveOn: state.establishedOn,
          source: instrumentSource(instrument),
          kind: state.kind,
          name: state.names[0]?.name ?? ({ vi: 'Ban' } as BilingualName),
          authority: state.authority,
          origin: state.origin,
        });
        const command: Command = {
          type: 'CorrectBodyRecord',
          data: {
            bodyId: BODY,
            corrects: 'event-1' as EventId,
            basis: instrument,
            correction: {
              correct: 'Name',
              name: { vi: 'Ban Chỉ đạo (đính chính)' } as BilingualName,
            },
          },
        };
        const recorded = new Map([['event-1' as EventId, established]]);
        const decision = decider.decide(command, state, {
          jurisdiction: { mayChange: () => true },
          recorded,
        });
        expect(decision._tag).toBe('Right');
      }),
      { numRuns: 300 },
    );
    expect(endedSeen).toBeGreaterThan(10);
  });
});
