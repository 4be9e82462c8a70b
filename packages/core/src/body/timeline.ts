/**
 * Timelines in valid time: a list of entries, each in force from its `from` date until the next
 * entry's, kept sorted by `from` with at most one entry per date. Decisions may be retroactive,
 * so an entry is inserted in date order; an entry for a date already present supersedes it (a
 * later decision, or a correction, about the same date wins).
 */
import type { CalendarDate } from '../kernel/index.js';

/** Anything that takes effect on a date. */
export interface Dated {
  readonly from: CalendarDate;
}

/** The entry in force on `date`: the last one from on or before it, if any. */
export function entryOn<E extends Dated>(
  timeline: ReadonlyArray<E>,
  date: CalendarDate,
): E | undefined {
  let current: E | undefined;
  for (const entry of timeline) {
    if (entry.from > date) break;
    current = entry;
  }
  return current;
}

/** The timeline with `entry` inserted in date order, replacing any entry of the same date. */
export const withEntry = <E extends Dated>(
  timeline: ReadonlyArray<E>,
  entry: E,
): ReadonlyArray<E> => [
  ...timeline.filter((e) => e.from < entry.from),
  entry,
  ...timeline.filter((e) => e.from > entry.from),
];

/** The date of the timeline's last entry (timelines are never empty where this is asked). */
export const lastFrom = (timeline: ReadonlyArray<Dated>): CalendarDate | undefined =>
  timeline[timeline.length - 1]?.from;

/**
 * Inserts `entry` into `timeline` in place, with the same result as `withEntry`: found by binary
 * search, replacing any entry of the same date. Appending after the last entry, or replacing the
 * last entry alone (a second change on the same day), is O(1). Only for an array the caller owns.
 */
export function insertEntry<E extends Dated>(timeline: E[], entry: E): void {
  const end = timeline.length - 1;
  const last = timeline[end];
  // Stryker disable next-line ConditionalExpression: equivalent, a fast path only: without it the search below appends the entry too
  if (last === undefined || last.from < entry.from) {
    timeline.push(entry);
    return;
  }
  // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, a fast path only: without it the search below replaces the last entry too
  if (last.from === entry.from && timeline[end - 1]?.from !== entry.from) {
    timeline[end] = entry;
    return;
  }
  let low = 0;
  let high = timeline.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((timeline[middle] as E).from < entry.from) low = middle + 1;
    else high = middle;
  }
  let same = 0;
  while (timeline[low + same]?.from === entry.from) same += 1;
  timeline.splice(low, same, entry);
}
