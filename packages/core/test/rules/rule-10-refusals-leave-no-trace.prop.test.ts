/**
 * docs/reference/domain.md rule 10: a refused command appends nothing; a command applied twice (same command id)
 * appends once. The core's share, for every decider over generated histories: a refusal comes
 * with no events and leaves the state exactly as it was; deciding never changes the state it is
 * given; and deciding is deterministic — the same command against the same state gives the same
 * outcome — which is what lets the application answer a repeated command id with its first
 * outcome. (The command-id half, against real stores and racing processes, is proven in
 * packages/application/src/handle.prop.test.ts and sqlite.int.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Authority, Office, Person, establisherOnly } from '../../src/index.js';
import type { Decider } from '../../src/index.js';
import { arbitraryOf, deepEqual, show } from '../../src/testing/index.js';
import { bodyCommands, replayBodyCommands } from '../../src/testing/body-arbitraries.js';
import {
  authorityHistoryArbitrary,
  officeHistoryArbitrary,
} from '../../src/testing/office-arbitraries.js';

interface Tally {
  accepted: number;
  refused: number;
}

/** Replays commands through a decider, checking rule 10 at every step. */
function replayChecking<C, E, S, R, X>(
  decider: Decider<C, E, S, R, X>,
  commands: ReadonlyArray<C>,
  context: X,
  tally: Tally,
): void {
  let state = decider.initialState;
  for (const command of commands) {
    const before = show(state);
    const first = decider.decide(command, state, context);
    const second = decider.decide(command, state, context);
    expect(show(state)).toBe(before);
    expect(deepEqual(first, second)).toBe(true);
    if (first._tag === 'Left') {
      tally.refused += 1;
      continue;
    }
    tally.accepted += 1;
    state = first.right.reduce(decider.evolve, state);
  }
}

describe('rule 10: refusals leave no trace, decisions are deterministic', () => {
  it('bodies', () => {
    const tally = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(bodyCommands(25), (commands) => {
        for (const step of replayBodyCommands(commands)) {
          expect(step.untouched).toBe(true);
          if (step.decision._tag === 'Left') {
            tally.refused += 1;
            expect(step.after).toBe(step.before);
          } else tally.accepted += 1;
        }
      }),
      { numRuns: 150 },
    );
    expect(tally.accepted).toBeGreaterThan(100);
    expect(tally.refused).toBeGreaterThan(100);
  });

  it('offices', () => {
    const tally = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(officeHistoryArbitrary(), (commands) =>
        replayChecking(Office.decider, commands, { jurisdiction: establisherOnly }, tally),
      ),
      { numRuns: 150 },
    );
    expect(tally.accepted).toBeGreaterThan(100);
    expect(tally.refused).toBeGreaterThan(100);
  });

  it('the authority registry', () => {
    const tally = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(authorityHistoryArbitrary, (commands) =>
        replayChecking(Authority.decider, commands, undefined, tally),
      ),
      { numRuns: 150 },
    );
    expect(tally.accepted).toBeGreaterThan(100);
    expect(tally.refused).toBeGreaterThan(20);
  });

  it('persons', () => {
    const tally = { accepted: 0, refused: 0 };
    const command = arbitraryOf(Person.Command, { PersonId: fc.constantFrom('p1', 'p2') });
    fc.assert(
      fc.property(fc.array(command, { maxLength: 10 }), (commands) =>
        replayChecking(Person.decider, commands, {}, tally),
      ),
      { numRuns: 100 },
    );
    expect(tally.accepted).toBeGreaterThan(20);
    expect(tally.refused).toBeGreaterThan(20);
  });
});
