/**
 * The extent of a fact row, for the PostgreSQL read model's GiST index (the counterpart of the
 * SQLite model's R*Tree): a `box` on two axes, the row's valid interval as day numbers shifted by
 * a bucket of its subject (so that rows about different subjects (almost) never overlap) and its
 * recorded interval as epoch milliseconds. "The facts about S valid on D as known at T" is then
 * one probe of a two-dimensional R-tree for the point (S, D, T) instead of a scan of S's whole
 * history (a GiST over two range columns splits its pages by the first column only, and read
 * four times the pages on a 10,000-event body). Intervals are half-open and positions whole
 * numbers, so a box runs to one before each end, inclusive; every position is below 2^53, exact
 * in the box's float8 coordinates. Subjects sharing a bucket only widen a probe, and every query
 * checks the exact conditions on the row again.
 *
 * @see docs/reference/domain.md "Time"
 */
import type { CalendarDate, Instant, ValidInterval } from '@mandate/core';

/** Day numbers occupy 23 bits (about ±11,000 years around 1970); subject buckets 24 above them. */
const DAY_SPAN = 2 ** 23;
const DAY_ORIGIN = 2 ** 22;
const BUCKETS = 2 ** 24;
const MILLISECONDS_PER_DAY = 86_400_000;
/** Beyond every instant: where "current knowledge" is asked (open recorded intervals reach it). */
const CURRENT = 2 ** 53;

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const utf8 = new TextEncoder();

/**
 * A subject's bucket: the 32-bit FNV-1a hash of its UTF-8 bytes, cut to 24 bits. The database
 * computes the same (see {@link subjectBaseFunction}).
 */
function bucketOf(subject: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of utf8.encode(subject)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash % BUCKETS;
}

/** Where a subject's stretch of the valid axis starts. */
export const validBase = (subject: string): number => bucketOf(subject) * DAY_SPAN;

/** The position of a date on any subject's stretch, from the stretch's start. */
export const validOffset = (date: CalendarDate): number =>
  DAY_ORIGIN + Date.parse(`${date}T00:00:00.000Z`) / MILLISECONDS_PER_DAY;

/**
 * The statement creating `name(subject text) RETURNS bigint`, the database's {@link validBase}:
 * so that a query can find the facts about subjects it reads from other rows (a seat's office)
 * through the extent index, in the same round trip.
 */
export const subjectBaseFunction = (name: string): string =>
  `CREATE OR REPLACE FUNCTION ${name}(subject text) RETURNS bigint
     LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
   DECLARE
     bytes bytea := convert_to(subject, 'UTF8');
     hash bigint := ${FNV_OFFSET_BASIS};
   BEGIN
     FOR i IN 0 .. length(bytes) - 1 LOOP
       hash := ((hash # get_byte(bytes, i)) * ${FNV_PRIME}) % ${2 ** 32};
     END LOOP;
     RETURN (hash % ${BUCKETS}) * ${DAY_SPAN};
   END $$`;

/** The position of an instant on the recorded axis: its epoch milliseconds. */
export const recordedPosition = (at: Instant): number => Date.parse(at);

/** The position asked about on the recorded axis: `at`, or current knowledge. */
export const recordedPoint = (at: Instant | undefined): number =>
  at === undefined ? CURRENT : recordedPosition(at);

/** A `box` literal from its lower-left and upper-right corners. */
const box = (x0: number, y0: number, x1: number, y1: number): string =>
  `((${x0},${y0}),(${x1},${y1}))`;

/**
 * The extent of a row never known (superseded at the instant it was recorded): left of every
 * subject's stretch, where no probe falls. A box cannot be empty, and one spanning zero
 * milliseconds backwards would be read as the millisecond before.
 */
const NOWHERE = box(-1, 0, -1, 0);

/** The extent of a fact about `subject` valid over `valid`, recorded from `from` until `to`. */
export function extentOf(
  subject: string,
  valid: ValidInterval,
  from: Instant,
  to: Instant | null,
): string {
  const base = validBase(subject);
  const validLast = valid.to === undefined ? base + DAY_SPAN - 1 : base + validOffset(valid.to) - 1;
  const recordedLast = to === null ? CURRENT : recordedPosition(to) - 1;
  if (recordedLast < recordedPosition(from)) return NOWHERE;
  return box(base + validOffset(valid.from), recordedPosition(from), validLast, recordedLast);
}

/** The point asked about for `subject` on `on` as known at `at` (a box of one point). */
export function probeOf(subject: string, on: CalendarDate, at: Instant | undefined): string {
  const x = validBase(subject) + validOffset(on);
  const y = recordedPoint(at);
  return box(x, y, x, y);
}

/**
 * The SQL of the extent `extent` cut short: its recorded interval ending (exclusive) at the
 * position `until`, or nowhere when that leaves nothing.
 */
export const closedExtentSql = (extent: string, until: string): string =>
  `CASE WHEN ${until} > ((${extent})[1])[1]
        THEN box((${extent})[1], point(((${extent})[0])[0], ${until} - 1))
        ELSE '${NOWHERE}'::box END`;

/**
 * The SQL of the probe for the subject `subject` at the valid offset `offset` and the recorded
 * position `at`, the base computed by the database function `subjectBase`.
 */
export const probeSql = (
  subjectBase: string,
  subject: string,
  offset: string,
  at: string,
): string =>
  `box(point(${subjectBase}(${subject}) + ${offset}, ${at}), point(${subjectBase}(${subject}) + ${offset}, ${at}))`;
