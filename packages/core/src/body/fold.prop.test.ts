import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../kernel/index.js';
import { fold, unsafeCalendarDate } from '../kernel/index.js';
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

/** A few dates, so that generated timelines hold several entries of one date. */
const DATES = ['2018-01-01', '2018-06-30', '2019-12-31'].map(unsafeCalendarDate);

/** `event` moved to another valid date. */
const redated = (event: Event, effectiveOn: CalendarDate): Event =>
  ({ ...event, data: { ...event.data, effectiveOn } }) as Event;

/**
 * A history as no decider records it: after its first event, its events shuffled among copies of
 * them at other dates — backdated and same-day changes, facts before their seat or duty exists or
 * after the body ended, repeated creations — all of which evolve must still fold.
 */
const scrambledHistories = histories.chain((history) => {
  const [first, ...rest] = history;
  if (first === undefined) return fc.constant(history);
  const copies = fc.array(
    fc.tuple(fc.constantFrom(first, ...rest), windowDate).map(([e, on]) => redated(e, on)),
    { maxLength: history.length },
  );
  return copies
    .chain((extra) =>
      fc.shuffledSubarray([...rest, ...extra], { minLength: rest.length + extra.length }),
    )
    .map((events) => [first, ...events]);
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
        expect(show(foldHistory(history.values()))).toBe(show(expected));
      }),
      { numRuns: 150 },
    );
  });

  it('equals reducing with evolve when events come in any order and at any date', () => {
    fc.assert(
      fc.property(scrambledHistories, (events) => {
        expect(show(foldHistory(events))).toBe(show(reduced(events)));
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

  it('replaces every entry of the date, even in a timeline holding several', () => {
    const entries = fc.array(fc.record({ from: fc.constantFrom(...DATES), n: fc.nat() }), {
      maxLength: 8,
    });
    const entry = fc.record({ from: fc.constantFrom(...DATES), n: fc.nat() });
    fc.assert(
      fc.property(entries, entry, (list, inserted) => {
        const sorted = [...list].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
        const owned = [...sorted];
        insertEntry(owned, inserted);
        expect(owned).toEqual(withEntry(sorted, inserted));
      }),
    );
  });
});
