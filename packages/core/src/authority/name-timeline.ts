/**
 * Name timelines: a renamed authority or office keeps its identity, and every earlier name stays
 * searchable with its validity (docs/reference/domain.md "Renames keep identity"). A timeline lists names by the
 * date each took effect; a name is in force from its date until the next entry's date.
 */
import type { BilingualName, CalendarDate } from '../kernel/index.js';

/** One name and the date it took effect. */
export interface NameEntry {
  readonly from: CalendarDate;
  readonly name: BilingualName;
}

/** Names in order of the date each took effect, at most one per date, never empty. */
export type NameTimeline = readonly [NameEntry, ...NameEntry[]];

/** A timeline holding one name, in force from `from`. */
export const nameTimeline = (name: BilingualName, from: CalendarDate): NameTimeline => [
  { from, name },
];

/** The name in force on `date`; for a date before the first entry, the first name. */
export function nameInForce(timeline: NameTimeline, date: CalendarDate): BilingualName {
  let current = timeline[0].name;
  for (const entry of timeline) {
    if (entry.from > date) break;
    current = entry.name;
  }
  return current;
}

/**
 * The timeline with `name` in force from `from`: inserted in date order, replacing an entry that
 * took effect on the same date (a later decision about that date supersedes the earlier one).
 */
export function withName(
  timeline: NameTimeline,
  from: CalendarDate,
  name: BilingualName,
): NameTimeline {
  const before = timeline.filter((entry) => entry.from < from);
  const after = timeline.filter((entry) => entry.from > from);
  const result: [NameEntry, ...NameEntry[]] = [{ from, name }, ...after];
  result.unshift(...before);
  return result;
}
