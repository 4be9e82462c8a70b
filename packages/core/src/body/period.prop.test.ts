import fc from 'fast-check';
import { isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../kernel/index.js';
import { addDays, contains, daysBetween, unsafeCalendarDate } from '../kernel/index.js';
import type { Cadence } from './period.js';
import {
  Cadence as CadenceCodec,
  PeriodLabel,
  dueDate,
  periodFitsCadence,
  periodInterval,
  periodOf,
  periodsBetween,
} from './period.js';

const FIRST = unsafeCalendarDate('1900-01-01');
const LAST_DAY = daysBetween(FIRST, unsafeCalendarDate('2997-12-31'));
const date = fc.integer({ min: 0, max: LAST_DAY }).map((n) => addDays(FIRST, n) as CalendarDate);
const cadence = fc.constantFrom(...CadenceCodec.literals);
const recurring = fc.constantFrom<Cadence>('annual', 'semi-annual', 'quarterly', 'monthly');

const periodAt = (c: Cadence, on: CalendarDate) => {
  const period = periodOf(c, on);
  if (period === undefined) throw new Error(`no ${c} period for ${on}`);
  return period;
};

describe('periods', () => {
  it('every date lies in the period periodOf names, which fits the cadence and decodes', () => {
    fc.assert(
      fc.property(cadence, date, (c, on) => {
        const period = periodAt(c, on);
        expect(contains(periodInterval(period), on)).toBe(true);
        expect(isRight(PeriodLabel.decode(period))).toBe(true);
        for (const other of CadenceCodec.literals)
          expect(periodFitsCadence(period, other)).toBe(other === c);
      }),
    );
  });

  it('every date lies in exactly one period of a cadence', () => {
    // Any period of the cadence that contains the date is the one periodOf names: labels near
    // the date (one period before and after, by construction) contain it only when they are it.
    fc.assert(
      fc.property(cadence, date, fc.integer({ min: -400, max: 400 }), (c, on, shift) => {
        const near = addDays(on, shift);
        fc.pre(near !== undefined && periodOf(c, near) !== undefined);
        const other = periodAt(c, near as CalendarDate);
        expect(contains(periodInterval(other), on)).toBe(other === periodAt(c, on));
      }),
    );
  });

  it('periods of a recurring cadence tile time: each ends where the next begins', () => {
    fc.assert(
      fc.property(recurring, date, (c, on) => {
        const { from, to } = periodInterval(periodAt(c, on));
        expect(from <= on && on < to).toBe(true);
        const next = periodOf(c, to);
        if (next !== undefined) expect(periodInterval(next).from).toBe(to);
        const dayBefore = addDays(from, -1);
        if (dayBefore !== undefined && periodOf(c, dayBefore) !== undefined)
          expect(periodInterval(periodAt(c, dayBefore)).to).toBe(from);
      }),
    );
  });

  it('periodsBetween lists exactly the periods containing a day of the interval, in order', () => {
    fc.assert(
      fc.property(cadence, date, fc.integer({ min: 0, max: 200 }), (c, from, length) => {
        const to = addDays(from, length);
        fc.pre(to !== undefined && to <= '2997-12-31');
        const expected: string[] = [];
        if (c !== 'ad-hoc')
          for (let day = from; day < (to as CalendarDate); day = addDays(day, 1) as CalendarDate) {
            const period = periodAt(c, day);
            if (expected[expected.length - 1] !== period) expected.push(period);
          }
        expect(periodsBetween(c, { from, to: to as CalendarDate })).toEqual(expected);
      }),
    );
  });

  it('the due date lies the given number of days after the period’s last day', () => {
    fc.assert(
      fc.property(cadence, date, fc.integer({ min: 0, max: 366 }), (c, on, days) => {
        const period = periodAt(c, on);
        const lastDay = addDays(periodInterval(period).to, -1) as CalendarDate;
        expect(daysBetween(lastDay, dueDate(period, days))).toBe(days);
      }),
    );
  });
});
