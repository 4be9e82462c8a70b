/**
 * The extent of a fact row, for the PostgreSQL read model's GiST index (the counterpart of the
 * SQLite model's R*Tree): the row's valid interval as a range of day numbers, shifted by a bucket
 * of its subject so that rows about different subjects (almost) never overlap, and its recorded
 * interval as a range of epoch milliseconds. "The facts about S valid on D as known at T" is then
 * one index probe for the point (S, D, T) instead of a scan of S's whole history. Dates and
 * instants are canonical, so both ranges are exact; subjects sharing a bucket only widen a probe,
 * and every query checks the exact conditions on the row again.
 *
 * @see DOMAIN.md "Time"
 */
import type { CalendarDate, Instant, ValidInterval } from '@mandate/core';

/** Day numbers occupy 23 bits (about ±11,000 years around 1970); subject buckets 24 above them. */
const DAY_SPAN = 2 ** 23;
const DAY_ORIGIN = 2 ** 22;
const BUCKETS = 2 ** 24;
const MILLISECONDS_PER_DAY = 86_400_000;
/** Beyond every instant: where "current knowledge" is asked (open recorded ranges contain it). */
const CURRENT = String(2 ** 53);

/** A subject's bucket: its 32-bit FNV-1a hash, cut to 24 bits. */
function bucketOf(subject: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < subject.length; i += 1) {
    hash ^= subject.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % BUCKETS;
}

/** The position of a date on the subject's stretch of the valid axis. */
const validPosition = (base: number, date: CalendarDate): number =>
  base + DAY_ORIGIN + Date.parse(`${date}T00:00:00.000Z`) / MILLISECONDS_PER_DAY;

/** The valid extent of a fact about `subject`, as an `int8range` literal. */
export function validExtent(subject: string, valid: ValidInterval): string {
  const base = bucketOf(subject) * DAY_SPAN;
  const to = valid.to === undefined ? base + DAY_SPAN : validPosition(base, valid.to);
  return `[${validPosition(base, valid.from)},${to})`;
}

/** The point of the valid axis asked about for `subject` on `on`. */
export const validPoint = (subject: string, on: CalendarDate): string =>
  String(validPosition(bucketOf(subject) * DAY_SPAN, on));

/** The epoch milliseconds of an instant, as an `int8` literal. */
export const recordedPosition = (at: Instant): string => String(Date.parse(at));

/** The recorded extent of a row recorded at `from` (and superseded at `to`), as an `int8range`. */
export const recordedExtent = (from: Instant, to: Instant | null): string =>
  `[${recordedPosition(from)},${to === null ? '' : recordedPosition(to)})`;

/** The point of the recorded axis asked about: `at`, or current knowledge. */
export const recordedPoint = (at: Instant | undefined): string =>
  at === undefined ? CURRENT : recordedPosition(at);
