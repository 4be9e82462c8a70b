/**
 * The extents of the PostgreSQL read model are exact: a date is in a fact's valid interval
 * exactly when the subject's point for that date is in the fact's valid extent (for the same
 * subject), and an instant is in a recorded interval exactly when its point is in the recorded
 * extent; current knowledge is inside open recorded extents only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contains, instantOf, type CalendarDate, type Instant } from '@mandate/core';
import { calendarDateArbitrary } from '@mandate/core/testing';
import { knownAtInstant } from '../recorded.js';
import { recordedExtent, recordedPoint, validExtent, validPoint } from './extent.js';

/** Whether an `int8range` literal `[lo,hi)` (or `[lo,)`) contains the `int8` literal `point`. */
function inRange(range: string, point: string): boolean {
  const [lo = '', hi = ''] = range.slice(1, -1).split(',');
  return BigInt(lo) <= BigInt(point) && (hi === '' || BigInt(point) < BigInt(hi));
}

const subject = fc.string({ minLength: 1, maxLength: 12 });
const date = calendarDateArbitrary('1900-01-01', '2999-12-31').map((d) => d as CalendarDate);
const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
  .map((ms): Instant => instantOf(ms));

describe('the extents of the PostgreSQL read model', () => {
  it('contain a date exactly when the valid interval does', () => {
    fc.assert(
      fc.property(
        subject,
        date,
        fc.option(date, { nil: undefined }),
        date,
        (about, from, to, on) => {
          const valid = to === undefined ? { from } : { from, to };
          fc.pre(to === undefined || from < to);
          expect(inRange(validExtent(about, valid), validPoint(about, on))).toBe(
            contains(valid, on),
          );
        },
      ),
    );
  });

  it('keep subjects apart unless they share a bucket', () => {
    fc.assert(
      fc.property(subject, subject, date, (a, b, on) => {
        fc.pre(a !== b);
        const extent = validExtent(a, { from: on });
        const shared = inRange(extent, validPoint(b, on));
        expect(shared).toBe(validExtent(b, { from: on }) === extent);
      }),
    );
  });

  it('contain an instant exactly when the recorded interval does', () => {
    fc.assert(
      fc.property(
        instant,
        fc.option(instant, { nil: undefined }),
        fc.option(instant, { nil: undefined }),
        (from, to, at) => {
          fc.pre(to === undefined || from < to);
          const row =
            to === undefined ? { recordedFrom: from } : { recordedFrom: from, recordedTo: to };
          expect(inRange(recordedExtent(from, to ?? null), recordedPoint(at))).toBe(
            knownAtInstant(row, at),
          );
        },
      ),
    );
  });
});
