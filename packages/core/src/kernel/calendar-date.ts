/**
 * Calendar dates in valid time. A {@link CalendarDate} is a day in the Asia/Ho_Chi_Minh calendar
 * written `YYYY-MM-DD` (proleptic Gregorian, years 1900–2999), validated for real: 2019-02-29 and
 * 2018-13-01 are refused. Being fixed-width, two dates compare correctly as strings.
 *
 * Valid intervals are half-open: effective on D means from the start of D; ending on D means the
 * last day in force was D-1 (docs/reference/domain.md "Details").
 */
import * as t from 'io-ts';
import { struct } from './codec.js';

/** The brand of a {@link CalendarDate}. */
export interface CalendarDateBrand {
  readonly CalendarDate: unique symbol;
}
/** A real calendar date, `YYYY-MM-DD`, in the Asia/Ho_Chi_Minh calendar. */
export type CalendarDate = string & CalendarDateBrand;

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The number of days in a month (1–12) of a year. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? isLeapYear(year)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;

const HYPHEN = 0x2d;

/** The value of the `count` ASCII digits from `i` of `s`, or -1 when one of them is not a digit. */
function digitsAt(s: string, i: number, count: number): number {
  let value = 0;
  for (let j = i; j < i + count; j++) {
    const digit = s.charCodeAt(j) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

// Read character by character rather than by a regular expression and `Number`: every event read
// checks two or three dates.
function parts(s: string): readonly [number, number, number] | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== HYPHEN || s.charCodeAt(7) !== HYPHEN) return undefined;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return [year, month, day];
}

/** True when `u` is a real calendar date written `YYYY-MM-DD`. */
export const isCalendarDate = (u: unknown): u is CalendarDate =>
  typeof u === 'string' && parts(u) !== undefined;

/** Decodes `YYYY-MM-DD` strings that name a real day. */
export const CalendarDate = new t.Type<CalendarDate, string, unknown>(
  'CalendarDate',
  isCalendarDate,
  (u, c) =>
    isCalendarDate(u)
      ? t.success(u)
      : t.failure(
          u,
          c,
          `CalendarDate must be a real date written YYYY-MM-DD (${MIN_YEAR}-${MAX_YEAR})`,
        ),
  (a) => a,
);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Builds a date from its parts, or `undefined` when they name no real day. */
export function calendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  const s = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return isCalendarDate(s) ? s : undefined;
}

/** Parses a date literal known to be valid; throws (a defect) otherwise. For fixtures and tests. */
export function unsafeCalendarDate(s: string): CalendarDate {
  if (!isCalendarDate(s)) throw new Error(`Not a calendar date: ${s}`);
  return s;
}

/** The year, month (1–12) and day of a date. */
export function dateParts(date: CalendarDate): { year: number; month: number; day: number } {
  const [year, month, day] = parts(date) as readonly [number, number, number];
  return { year, month, day };
}

/** Compares two dates: negative, zero or positive. */
export const compareDates = (a: CalendarDate, b: CalendarDate): number =>
  a < b ? -1 : a > b ? 1 : 0;

/** The later of two dates. */
export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  // Stryker disable next-line EqualityOperator: equivalent, when a equals b either one is the answer
  return a < b ? b : a;
}

/** The earlier of two dates. */
export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  // Stryker disable next-line EqualityOperator: equivalent, when a equals b either one is the answer
  return a < b ? a : b;
}

const MS_PER_DAY = 86_400_000;
const epochDay = (date: CalendarDate): number => {
  const { year, month, day } = dateParts(date);
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
};

/** The date `days` days after (or before, when negative) `date`; `undefined` beyond the range. */
export function addDays(date: CalendarDate, days: number): CalendarDate | undefined {
  const d = new Date((epochDay(date) + days) * MS_PER_DAY);
  return calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The number of days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: CalendarDate, b: CalendarDate): number => epochDay(b) - epochDay(a);

/** Asia/Ho_Chi_Minh has kept UTC+07:00, without daylight saving, since 1975. */
const HO_CHI_MINH_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The Asia/Ho_Chi_Minh calendar date of an instant given in epoch milliseconds (from 1975 on). */
export function hoChiMinhDateOf(epochMilliseconds: number): CalendarDate | undefined {
  const d = new Date(epochMilliseconds + HO_CHI_MINH_OFFSET_MS);
  return calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A half-open interval of valid time: from the start of `from` until the start of `to`. */
export const ValidInterval = struct('ValidInterval', { from: CalendarDate }, { to: CalendarDate });
/** A half-open interval of valid time: from the start of `from` until the start of `to`. */
export type ValidInterval = t.TypeOf<typeof ValidInterval>;

/** True when `date` lies in `[from, to)`. */
export const contains = (interval: ValidInterval, date: CalendarDate): boolean =>
  interval.from <= date && (interval.to === undefined || date < interval.to);

/** True when two half-open intervals share at least one day. */
export const overlaps = (a: ValidInterval, b: ValidInterval): boolean =>
  (b.to === undefined || a.from < b.to) && (a.to === undefined || b.from < a.to);
