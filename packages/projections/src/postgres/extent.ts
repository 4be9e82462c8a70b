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

/** The valid extent of a fact about `subject`, as an `int8range` literal. */
export function validExtent(subject: string, valid: ValidInterval): string {
  const base = validBase(subject);
  const to = valid.to === undefined ? base + DAY_SPAN : base + validOffset(valid.to);
  return `[${base + validOffset(valid.from)},${to})`;
}

/** The point of the valid axis asked about for `subject` on `on`. */
export const validPoint = (subject: string, on: CalendarDate): string =>
  String(validBase(subject) + validOffset(on));

/** The epoch milliseconds of an instant, as an `int8` literal. */
export const recordedPosition = (at: Instant): string => String(Date.parse(at));

/** The recorded extent of a row recorded at `from` (and superseded at `to`), as an `int8range`. */
export const recordedExtent = (from: Instant, to: Instant | null): string =>
  `[${recordedPosition(from)},${to === null ? '' : recordedPosition(to)})`;

/** The point of the recorded axis asked about: `at`, or current knowledge. */
export const recordedPoint = (at: Instant | undefined): string =>
  at === undefined ? CURRENT : recordedPosition(at);
