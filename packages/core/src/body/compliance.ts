/**
 * Reporting compliance on a date: for each reporting obligation of a body, every period owed so
 * far and whether its report was filed on time, filed late, is still due or is missing.
 *
 * - The periods owed are the periods of the obligation's cadence that lie wholly within its life
 *   (from its imposition until it is lifted or the body ends) and have ended by the date asked
 *   about: a committee set up in December owes no review of that year, and a body that ends
 *   mid-year owes none of the year it ended in, since no report may be filed for a period ending
 *   after its end (rule 1); its successor's obligations cover that. Ad-hoc obligations owe no period of their own: their periods are the dates of
 *   requests, known only from the reports filed.
 * - A period with a report on record on the date is listed too, even before it has ended (a
 *   report filed early) or when it was never owed (ad hoc).
 * - Only reports submitted on or before the date count on it. The first filing decides
 *   timeliness — on or before the due date is `filed`, after it `filed-late` — and a correction
 *   keeps it; the counted report is the latest correction submitted by the date.
 * - A period with no report is `due` until its due date has passed, `missing` after.
 *
 * @see docs/reference/domain.md rule 7 and "Questions the read models answer"
 */
import type { CalendarDate, ObligationId, ReportId } from '../kernel/index.js';
import { minDate } from '../kernel/index.js';
import type { ObligationKind, Recipient } from './obligation.js';
import type { Cadence, PeriodLabel } from './period.js';
import { dueDate, periodInterval, periodsBetween } from './period.js';
import type { Obligation, Report, State } from './state.js';

/** Where a period stands on a date. */
export type PeriodStatus = 'filed' | 'filed-late' | 'due' | 'missing';

/** One report of a period: its id and the date it was submitted. */
export interface Filing {
  readonly reportId: ReportId;
  readonly submittedOn: CalendarDate;
}

/** A period with no report on record on the date: still due, or missing. */
export interface UnfiledPeriod {
  readonly period: PeriodLabel;
  /** The last day on which a report is on time. */
  readonly dueOn: CalendarDate;
  readonly status: 'due' | 'missing';
}

/** A period with a report on record on the date, on time or late. */
export interface FiledPeriod {
  readonly period: PeriodLabel;
  /** The last day on which a report is on time. */
  readonly dueOn: CalendarDate;
  readonly status: 'filed' | 'filed-late';
  /** The first filing, which decides timeliness. */
  readonly filed: Filing;
  /** The report that counts on the date: the latest correction submitted by then. */
  readonly counted: Filing;
}

/** One period of an obligation as it stands on a date. */
export type PeriodCompliance = UnfiledPeriod | FiledPeriod;

/** An obligation's terms, and each of its periods as it stands on a date. */
export interface ObligationCompliance {
  readonly obligationId: ObligationId;
  readonly kind: ObligationKind;
  readonly cadence: Cadence;
  readonly dueDaysAfterPeriodEnd: number;
  readonly recipients: readonly [Recipient, ...Recipient[]];
  readonly imposedOn: CalendarDate;
  /** The date the obligation ceased (lifted, or closed when the body ended), if it has. */
  readonly liftedOn?: CalendarDate;
  /** The periods listed on the date, in order. */
  readonly periods: ReadonlyArray<PeriodCompliance>;
}

/** What the status of one obligation's periods on a date depends on. */
export interface ComplianceInput {
  readonly obligation: Obligation;
  /**
   * The body's reports, in the order filed (others' obligations are ignored); each correction
   * supersedes the report that counted before it, and is submitted no earlier, as the decider
   * guarantees.
   */
  readonly reports: ReadonlyArray<Report>;
  readonly on: CalendarDate;
  /** The date the body ended, if it has: no period ending later is owed. */
  readonly bodyEndedOn?: CalendarDate;
}

/** The periods of the obligation owed by `on`: wholly within its life, and ended by `on`. */
function owedPeriods({ obligation, on, bodyEndedOn }: ComplianceInput): PeriodLabel[] {
  // Stryker disable next-line ConditionalExpression: equivalent, `minDate(undefined, on)` gives `on` too; the test narrows the type
  const lifted = obligation.liftedOn === undefined ? on : minDate(obligation.liftedOn, on);
  // Stryker disable next-line ConditionalExpression: equivalent, `minDate(undefined, lifted)` gives `lifted` too; the test narrows the type
  const until = bodyEndedOn === undefined ? lifted : minDate(bodyEndedOn, lifted);
  return periodsBetween(obligation.cadence, { from: obligation.imposedOn, to: until }).filter(
    (period) => {
      const { from, to } = periodInterval(period);
      return obligation.imposedOn <= from && to <= until;
    },
  );
}

const filingOf = (report: Report): Filing => ({
  reportId: report.reportId,
  submittedOn: report.document.submittedOn,
});

/** The status on `on` of one period, given its reports on record then, in the order filed. */
function periodOn(
  period: PeriodLabel,
  dueOn: CalendarDate,
  reports: ReadonlyArray<Report>,
  on: CalendarDate,
): PeriodCompliance {
  const [first] = reports;
  const last = reports.at(-1);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, `first` and `last` are both undefined exactly when there is no report; the test narrows both types
  if (first === undefined || last === undefined)
    return { period, dueOn, status: on > dueOn ? 'missing' : 'due' };
  const filed = filingOf(first);
  return {
    period,
    dueOn,
    status: filed.submittedOn > dueOn ? 'filed-late' : 'filed',
    filed,
    counted: filingOf(last),
  };
}

/** Each listed period of one obligation, in order, as it stands on `input.on`. */
export function periodsOn(input: ComplianceInput): ReadonlyArray<PeriodCompliance> {
  const { obligation, on } = input;
  const onRecord = new Map<PeriodLabel, Report[]>();
  for (const report of input.reports) {
    if (report.obligationId !== obligation.obligationId || report.document.submittedOn > on)
      continue;
    const reports = onRecord.get(report.period);
    if (reports === undefined) onRecord.set(report.period, [report]);
    else reports.push(report);
  }
  const listed = [...new Set([...owedPeriods(input), ...onRecord.keys()])];
  const dated = listed.map((period) => ({ period, from: periodInterval(period).from }));
  // Stryker disable next-line EqualityOperator: equivalent, distinct periods of one cadence never start on one day (an ad hoc one is a single day)
  dated.sort((a, b) => (a.from < b.from ? -1 : 1));
  return dated.map(({ period }) =>
    periodOn(
      period,
      dueDate(period, obligation.dueDaysAfterPeriodEnd),
      onRecord.get(period) ?? [],
      on,
    ),
  );
}

/** One obligation's terms and its periods as they stand on `input.on`. */
export function obligationCompliance(input: ComplianceInput): ObligationCompliance {
  const { obligationId, kind, cadence, dueDaysAfterPeriodEnd, recipients, imposedOn, liftedOn } =
    input.obligation;
  return {
    obligationId,
    kind,
    cadence,
    dueDaysAfterPeriodEnd,
    recipients,
    imposedOn,
    ...(liftedOn === undefined ? {} : { liftedOn }),
    periods: periodsOn(input),
  };
}

/**
 * The compliance of every obligation of a body imposed on or before `on` (lifted ones included:
 * their past periods may still be missing), in order of imposition. A body's end closed every
 * obligation still in force, so their own ends bound what is owed.
 */
export function complianceOn(state: State, on: CalendarDate): ReadonlyArray<ObligationCompliance> {
  if (state.status === 'unestablished') return [];
  const reports = [...state.reports.values()];
  return [...state.obligations.values()]
    .filter((obligation) => obligation.imposedOn <= on)
    .map((obligation) => obligationCompliance({ obligation, reports, on }));
}
