import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  CalendarDate,
  calendarDate,
  compareDates,
  contains,
  daysBetween,
  hoChiMinhDateOf,
  maxDate,
  minDate,
  overlaps,
  unsafeCalendarDate,
} from './calendar-date.js';

describe('CalendarDate', () => {
  it.each([
    '2019-02-29',
    '2018-13-01',
    '2018-00-10',
    '2018-04-31',
    '2018-01-00',
    '2018-1-01',
    '18-01-01',
    '1899-12-31',
    '',
    // The characters either side of the ASCII digits, where a digit's value would still fit.
    '2018-01-1:',
    '201:-01-01',
    '2018-0:-01',
    '2018-01-0/',
    '2018-01-1/',
    '２０１８-01-01',
  ])('refuses %j', (s) => expect(isLeft(CalendarDate.decode(s))).toBe(true));

  it.each(['2020-02-29', '2000-02-29', '2018-12-04', '1900-01-01', '2999-12-31'])(
    'accepts %s',
    (s) => expect(CalendarDate.decode(s)).toEqual({ _tag: 'Right', right: s }),
  );

  it('refuses a value that is not a string, even one whose text is a date', () => {
    for (const u of [['2018-12-04'], { toString: () => '2018-12-04' }, 20181204]) {
      expect(CalendarDate.is(u)).toBe(false);
      expect(isLeft(CalendarDate.decode(u))).toBe(true);
    }
  });

  it('says what a date must be when it refuses one', () => {
    expect(CalendarDate.decode('2019-02-29')).toMatchObject({
      left: [{ message: 'CalendarDate must be a real date written YYYY-MM-DD (1900-2999)' }],
    });
  });

  it('builds a date from its parts, zero-padded, and nothing from parts that name no day', () => {
    expect(calendarDate(2018, 1, 4)).toBe('2018-01-04');
    expect(calendarDate(2019, 2, 29)).toBeUndefined();
    expect(() => unsafeCalendarDate('2019-02-29')).toThrow('Not a calendar date: 2019-02-29');
  });

  it('orders dates: compare, the earlier and the later', () => {
    const [early, late] = [unsafeCalendarDate('2018-12-04'), unsafeCalendarDate('2019-01-01')];
    expect(compareDates(early, late)).toBe(-1);
    expect(compareDates(late, early)).toBe(1);
    expect(compareDates(early, early)).toBe(0);
    expect([minDate(early, late), minDate(late, early)]).toEqual([early, early]);
    expect([maxDate(early, late), maxDate(late, early)]).toEqual([late, late]);
  });

  it('refuses 1900-02-29 and 2100-02-29 (not leap years)', () => {
    expect(isLeft(CalendarDate.decode('1900-02-29'))).toBe(true);
    expect(isLeft(CalendarDate.decode('2100-02-29'))).toBe(true);
  });

  it('agrees with the Gregorian calendar of the platform on every day from 1900 to 2999', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const s = `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          expect(isRight(CalendarDate.decode(s))).toBe(real);
        },
      ),
    );
  });

  it('adds days across months, leap days and years', () => {
    const d = unsafeCalendarDate('2019-12-31');
    expect(addDays(d, 1)).toBe('2020-01-01');
    expect(addDays(unsafeCalendarDate('2020-02-28'), 1)).toBe('2020-02-29');
    expect(addDays(unsafeCalendarDate('2020-03-01'), -1)).toBe('2020-02-29');
    expect(addDays(unsafeCalendarDate('2999-12-31'), 1)).toBeUndefined();
    expect(daysBetween(unsafeCalendarDate('2018-12-04'), unsafeCalendarDate('2019-12-04'))).toBe(
      365,
    );
  });

  it('reads instants in the Asia/Ho_Chi_Minh calendar (UTC+7)', () => {
    expect(hoChiMinhDateOf(Date.parse('2018-12-03T16:59:59.999Z'))).toBe('2018-12-03');
    expect(hoChiMinhDateOf(Date.parse('2018-12-03T17:00:00.000Z'))).toBe('2018-12-04');
  });

  it('treats intervals as half-open', () => {
    const from = unsafeCalendarDate('2018-12-04');
    const to = unsafeCalendarDate('2025-07-01');
    expect(contains({ from, to }, from)).toBe(true);
    expect(contains({ from, to }, unsafeCalendarDate('2025-06-30'))).toBe(true);
    expect(contains({ from, to }, to)).toBe(false);
    expect(overlaps({ from, to }, { from: to })).toBe(false);
    expect(overlaps({ from: to }, { from, to })).toBe(false);
    expect(overlaps({ from }, { from: to })).toBe(true);
    expect(overlaps({ from: to }, { from })).toBe(true);
    expect(overlaps({ from, to }, { from: unsafeCalendarDate('2025-06-30'), to })).toBe(true);
  });

  it('reads an interval without an end as open: it contains every later day', () => {
    const from = unsafeCalendarDate('2018-12-04');
    expect(contains({ from }, unsafeCalendarDate('2999-12-31'))).toBe(true);
    expect(contains({ from }, unsafeCalendarDate('2018-12-03'))).toBe(false);
  });
});
