/**
 * Reporting periods. A report is filed for one period of its obligation's cadence, written as a
 * label: annual `2019`, semi-annual `2019-H1`/`2019-H2`, quarterly `2019-Q1`…`2019-Q4`, monthly
 * `2019-05`, and ad hoc `2019-05-17` — a one-day period, the date of the request. The periods of
 * one cadence (other than ad hoc) tile time: every date lies in exactly one of them.
 *
 * Labels run from 1900 to 2997, so that every period's end and due date are calendar dates.
 *
 * @see docs/reference/domain.md rule 7 ("the period fits the cadence")
 */
import * as t from 'io-ts';
import {
  type CalendarDate,
  addDays,
  calendarDate,
  dateParts,
  isCalendarDate,
  oneOf,
} from '../kernel/index.js';

/** How often an obligation recurs. */
export const Cadence = oneOf('Cadence', [
  'annual',
  'semi-annual',
  'quarterly',
  'monthly',
  'ad-hoc',
] as const);
/** How often an obligation recurs. */
export type Cadence = t.TypeOf<typeof Cadence>;

/** The first year a period label may name. */
export const MIN_PERIOD_YEAR = 1900;
/** The last year a period label may name (its due date must still be a calendar date). */
export const MAX_PERIOD_YEAR = 2997;

/** The brand of a {@link PeriodLabel}. */
export interface PeriodLabelBrand {
  readonly PeriodLabel: unique symbol;
}
/** A reporting period: `2019`, `2019-H1`, `2019-Q3`, `2019-05` or `2019-05-17`. */
export type PeriodLabel = string & PeriodLabelBrand;

/** A half-open interval of valid time with both ends known. */
export interface BoundedInterval {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

interface Period extends BoundedInterval {
  readonly cadence: Cadence;
}

/** Unwraps a date that the period arithmetic guarantees to exist; a miss is a defect. */
function known(date: CalendarDate | undefined): CalendarDate {
  // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable, labels run from 1900 to 2997 so every period's ends and due dates are calendar dates
  if (date === undefined) throw new Error('Period arithmetic left the calendar range');
  return date;
}

const inRange = (year: number) => year >= MIN_PERIOD_YEAR && year <= MAX_PERIOD_YEAR;

/** The first day of the month `months` months after month `month` of `year`. */
const monthStart = (year: number, month: number, months = 0): CalendarDate => {
  const index = year * 12 + (month - 1) + months;
  return known(calendarDate(Math.floor(index / 12), (index % 12) + 1, 1));
};

const months = (cadence: Cadence, year: number, firstMonth: number, count: number): Period => ({
  cadence,
  from: monthStart(year, firstMonth),
  to: monthStart(year, firstMonth, count),
});

const SHAPES: ReadonlyArray<{
  readonly pattern: RegExp;
  readonly period: (year: number, part: number) => Period | undefined;
}> = [
  { pattern: /^(\d{4})$/, period: (year) => months('annual', year, 1, 12) },
  { pattern: /^(\d{4})-H([12])$/, period: (y, h) => months('semi-annual', y, 6 * h - 5, 6) },
  { pattern: /^(\d{4})-Q([1-4])$/, period: (y, q) => months('quarterly', y, 3 * q - 2, 3) },
  {
    pattern: /^(\d{4})-(\d{2})$/,
    period: (y, m) => (m >= 1 && m <= 12 ? months('monthly', y, m, 1) : undefined),
  },
];

function parse(label: string): Period | undefined {
  if (isCalendarDate(label)) {
    if (!inRange(dateParts(label).year)) return undefined;
    return { cadence: 'ad-hoc', from: label, to: known(addDays(label, 1)) };
  }
  for (const { pattern, period } of SHAPES) {
    const match = pattern.exec(label);
    if (match === null) continue;
    const year = Number(match[1]);
    return inRange(year) ? period(year, Number(match[2] ?? 0)) : undefined;
  }
  return undefined;
}

/** True when `u` is a well-formed period label of a year from 1900 to 2997. */
export const isPeriodLabel = (u: unknown): u is PeriodLabel =>
  typeof u === 'string' && parse(u) !== undefined;

/** Decodes a period label: `2019`, `2019-H1`, `2019-Q3`, `2019-05` or `2019-05-17`. */
export const PeriodLabel = new t.Type<PeriodLabel, string, unknown>(
  'PeriodLabel',
  isPeriodLabel,
  (u, c) =>
    isPeriodLabel(u)
      ? t.success(u)
      : t.failure(
          u,
          c,
          `PeriodLabel must be YYYY, YYYY-H1|H2, YYYY-Q1..Q4, YYYY-MM or YYYY-MM-DD (${MIN_PERIOD_YEAR}-${MAX_PERIOD_YEAR})`,
        ),
  (a) => a,
);

const periodOfLabel = (label: PeriodLabel): Period => {
  const period = parse(label);
  // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable, a value of type PeriodLabel was decoded by parse
  if (period === undefined) throw new Error(`Not a period label: ${label}`);
  return period;
};

/** The days a period covers, half-open: `2019-Q2` is from 2019-04-01 until 2019-07-01. */
export function periodInterval(label: PeriodLabel): BoundedInterval {
  const { from, to } = periodOfLabel(label);
  return { from, to };
}

/** The cadence a period label belongs to. */
export const periodCadence = (label: PeriodLabel): Cadence => periodOfLabel(label).cadence;

/** True when the label names a period of this cadence (`2019-Q2` fits quarterly only). */
export const periodFitsCadence = (label: PeriodLabel, cadence: Cadence): boolean =>
  periodCadence(label) === cadence;

/**
 * The period of a cadence that contains `date` (for ad hoc, the one-day period of that date), or
 * `undefined` for a date after {@link MAX_PERIOD_YEAR}.
 */
export function periodOf(cadence: Cadence, date: CalendarDate): PeriodLabel | undefined {
  const { year, month } = dateParts(date);
  if (!inRange(year)) return undefined;
  const label = (suffix: string) => `${year}${suffix}` as PeriodLabel;
  switch (cadence) {
    case 'annual':
      return label('');
    case 'semi-annual':
      return label(month <= 6 ? '-H1' : '-H2');
    case 'quarterly':
      return label(`-Q${Math.ceil(month / 3)}`);
    case 'monthly':
      return label(`-${String(month).padStart(2, '0')}`);
    case 'ad-hoc':
      return date as string as PeriodLabel;
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = cadence;
      return _exhaustive;
    }
  }
}

/**
 * Every period of a cadence that overlaps the interval, in order; none for ad hoc (whose periods
 * are the dates of requests) and none for an empty interval.
 */
export function periodsBetween(cadence: Cadence, interval: BoundedInterval): PeriodLabel[] {
  const periods: PeriodLabel[] = [];
  if (cadence === 'ad-hoc' || interval.from >= interval.to) return periods;
  let period = periodOf(cadence, interval.from);
  while (period !== undefined) {
    const { from, to } = periodInterval(period);
    if (from >= interval.to) break;
    periods.push(period);
    period = periodOf(cadence, to);
  }
  return periods;
}

/**
 * The last day on which a report for the period is on time: `days` days after the period's last
 * day (with 0, the period's last day itself).
 */
export const dueDate = (label: PeriodLabel, days: number): CalendarDate =>
  known(addDays(periodInterval(label).to, days - 1));
