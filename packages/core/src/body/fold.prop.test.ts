import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../kernel/index.js';
import { bodyCommands, replayBodyCommands, windowDate } from '../testing/body-arbitraries.js';
import { deepEqual, show } from '../testing/deep-equal.js';
import { decider } from './decider.js';
import type { Event } from './events.js';
import { evolve } from './evolve.js';
import { foldHistory } from './fold.js';
import { initialState } from './state.js';
import { insertEntry, withEntry } from './timeline.js';

/** A generated stream's accepted events. */
const histories = bodyCommands(30).map((commands): ReadonlyArray<Event> => {
  const steps = replayBodyCommands(commands);
  return steps[steps.length - 1]?.history ?? [];
});

/** A history and a point to split it at. */
const splitHistories = histories.chain((history) =>
  fc.nat({ max: history.length }).map((at) => [history.slice(0, at), history.slice(at)] as const),
);

const reduced = (events: ReadonlyArray<Event>, from = initialState) => events.reduce(evolve, from);

describe('foldHistory', () => {
  it('equals reducing the history with evolve', () => {
    fc.assert(
      fc.property(histories, (history) => {
        const folded = foldHistory(history);
        const expected = reduced(history);
        expect(deepEqual(folded, expected)).toBe(true);
        expect(show(folded)).toBe(show(expected));
        expect(show(fold(decider, history))).toBe(show(expected));
      }),
      { numRuns: 150 },
    );
  });

  it('folds from a state mid-history without changing it', () => {
    fc.assert(
      fc.property(splitHistories, ([before, after]) => {
        const expected = show(reduced([...before, ...after]));
        const from = reduced(before);
        const snapshot = show(from);
        expect(show(foldHistory(after, from))).toBe(expected);
        expect(show(fold(decider, after, from))).toBe(expected);
        expect(show(from)).toBe(snapshot);
        // A folded draft is a starting state like any other: folding on from it leaves it alone.
        const draft = foldHistory(before);
        const drafted = show(draft);
        expect(show(foldHistory(after, draft))).toBe(expected);
        expect(show(draft)).toBe(drafted);
        expect(show(reduced(after, draft))).toBe(expected);
        expect(show(draft)).toBe(drafted);
      }),
      { numRuns: 150 },
    );
  });
});

describe('insertEntry', () => {
  it('leaves a timeline as withEntry returns it, in any order of dates', () => {
    const entries = fc.array(fc.record({ from: windowDate, n: fc.nat() }), { maxLength: 40 });
    fc.assert(
      fc.property(entries, (list) => {
        const owned: Array<(typeof list)[number]> = [];
        let copied: ReadonlyArray<(typeof list)[number]> = [];
        for (const entry of list) {
          insertEntry(owned, entry);
          copied = withEntry(copied, entry);
        }
        expect(owned).toEqual(copied);
      }),
    );
  });
});
