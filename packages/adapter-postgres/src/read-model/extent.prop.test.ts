/**
 * The extents of the PostgreSQL read model are exact: a fact's extent contains the probe for a
 * date and an instant exactly when its valid interval contains the date and its recorded interval
 * the instant (current knowledge: only rows not yet superseded), for the same subject; subjects
 * stay apart unless they share a bucket.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contains, instantOf, type CalendarDate, type Instant } from '@mandate/core';
import { calendarDateArbitrary } from '@mandate/core/testing';
import { knownAtInstant } from '@mandate/projections';
import { extentOf, probeOf } from './extent.js';

/** The corners of a `box` literal `((x0,y0),(x1,y1))` as exact integers. */
function corners(box: string): [bigint, bigint, bigint, bigint] {
  const [x0, y0, x1, y1] = box.replace(/[()]/g, '').split(',').map(BigInt);
  if (x0 === undefined || y0 === undefined || x1 === undefined || y1 === undefined)
    throw new Error(`not a box: ${box}`);
  return [x0, y0, x1, y1];
}

/** Whether the box `outer` contains the box `inner`, edges included, as PostgreSQL's `@>`. */
function boxContains(outer: string, inner: string): boolean {
  const [ox0, oy0, ox1, oy1] = corners(outer);
  const [ix0, iy0, ix1, iy1] = corners(inner);
  return ox0 <= ix0 && ix1 <= ox1 && oy0 <= iy0 && iy1 <= oy1;
}

const subject = fc.string({ minLength: 1, maxLength: 12 });
const date = calendarDateArbitrary('1900-01-01', '2999-12-31').map((d) => d as CalendarDate);
const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
  .map((ms): Instant => instantOf(ms));
const valid = fc
  .tuple(date, fc.option(date, { nil: undefined }))
  .filter(([from, to]) => to === undefined || from < to)
  .map(([from, to]) => (to === undefined ? { from } : { from, to }));
/** A recorded interval, now and then superseded at the very instant it was recorded. */
const recorded = fc.oneof(
  fc
    .tuple(instant, fc.option(instant, { nil: undefined }))
    .filter(([from, to]) => to === undefined || from < to),
  instant.map((at): [Instant, Instant] => [at, at]),
);

describe('the extents of the PostgreSQL read model', () => {
  it('contain a probe exactly when the valid and recorded intervals contain its date and instant', () => {
    fc.assert(
      fc.property(
        subject,
        valid,
        recorded,
        date,
        fc.option(instant, { nil: undefined }),
        (about, interval, [from, to], on, at) => {
          const row =
            to === undefined ? { recordedFrom: from } : { recordedFrom: from, recordedTo: to };
          expect(
            boxContains(extentOf(about, interval, from, to ?? null), probeOf(about, on, at)),
          ).toBe(contains(interval, on) && knownAtInstant(row, at));
        },
      ),
    );
  });

  it('keep subjects apart unless they share a bucket', () => {
    fc.assert(
      fc.property(subject, subject, date, instant, (a, b, on, from) => {
        fc.pre(a !== b);
        const extent = extentOf(a, { from: on }, from, null);
        const shared = boxContains(extent, probeOf(b, on, undefined));
        expect(shared).toBe(extentOf(b, { from: on }, from, null) === extent);
      }),
    );
  });
});
