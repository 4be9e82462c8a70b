import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  AuthorityId,
  BodyId,
  CalendarDate,
  DocumentNumber,
  ObligationId,
  ReportId,
} from '../kernel/index.js';
import { addDays, compareDates, unsafeCalendarDate } from '../kernel/index.js';
import type { ComplianceInput, PeriodCompliance, PeriodStatus } from './compliance.js';
import { periodsOn } from './compliance.js';
import type { PeriodLabel } from './period.js';
import { Cadence, dueDate, periodInterval, periodsBetween } from './period.js';
import type { Obligation, Report } from './state.js';

const OBLIGATION = 'bao-cao' as ObligationId;
const WINDOW_START = unsafeCalendarDate('2018-01-01');
const WINDOW_END = unsafeCalendarDate('2022-01-01');

const later = (date: CalendarDate, days: number): CalendarDate => addDays(date, days) ?? date;
const dayIn = (from: CalendarDate, span: number) =>
  fc.integer({ min: 0, max: span }).map((n) => later(from, n));

/** A report chain for one period: the first filing, on time or late, then corrections no earlier. */
const chainFor = (period: PeriodLabel): fc.Arbitrary<ReadonlyArray<Report>> =>
  fc
    .tuple(
      fc.integer({ min: 0, max: 500 }),
      fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 2 }),
    )
    .map(([delay, gaps]) => {
      let submittedOn = later(periodInterval(period).from, delay);
      return [0, ...gaps].map((gap, i): Report => {
        submittedOn = later(submittedOn, gap);
        return {
          reportId: `${period}#${i}` as ReportId,
          obligationId: OBLIGATION,
          period,
          document: {
            reference: `${i}/BC` as DocumentNumber,
            filedBy: 'bcd' as BodyId,
            submittedOn,
          },
          ...(i === 0 ? {} : { supersedes: `${period}#${i - 1}` as ReportId }),
        };
      });
    });

/** An obligation, the body's end if it ended, and reports for some of its periods, in order filed. */
const scenario: fc.Arbitrary<Omit<ComplianceInput, 'on'>> = fc
  .record({
    cadence: fc.constantFrom(...Cadence.literals),
    dueDays: fc.integer({ min: 0, max: 60 }),
    imposedOn: dayIn(WINDOW_START, 700),
    life: fc.option(fc.integer({ min: 1, max: 900 }), { nil: undefined }),
    bodyEnded: fc.boolean(),
  })
  .chain(({ cadence, dueDays, imposedOn, life, bodyEnded }) => {
    const liftedOn = life === undefined ? undefined : later(imposedOn, life);
    const obligation: Obligation = {
      obligationId: OBLIGATION,
      kind: 'report',
      cadence,
      dueDaysAfterPeriodEnd: dueDays,
      recipients: [{ kind: 'authority', authority: 'ubnd-tinh' as AuthorityId }],
      imposedOn,
      ...(liftedOn === undefined ? {} : { liftedOn }),
    };
    const lifeEnd = liftedOn ?? WINDOW_END;
    const periods =
      cadence === 'ad-hoc'
        ? fc.uniqueArray(dayIn(imposedOn, Math.max(0, life ?? 700) - 1), { maxLength: 4 })
        : fc.subarray(periodsBetween(cadence, { from: imposedOn, to: lifeEnd }));
    return periods
      .chain((labels) => fc.tuple(...labels.map((p) => chainFor(p as string as PeriodLabel))))
      .map((chains) => ({
        obligation,
        // Filed in order of submission, chains interleaved; the sort is stable within a chain.
        reports: chains
          .flat()
          .sort((a, b) => compareDates(a.document.submittedOn, b.document.submittedOn)),
        ...(bodyEnded && liftedOn !== undefined ? { bodyEndedOn: liftedOn } : {}),
      }));
  });

const date = dayIn(WINDOW_START, 4 * 365);

const byPeriod = (periods: ReadonlyArray<PeriodCompliance>) =>
  new Map(periods.map((p) => [p.period, p]));

/** The status changes a period may go through as the date moves forward. */
const AS_TIME_PASSES: Readonly<Record<PeriodStatus, ReadonlyArray<PeriodStatus>>> = {
  due: ['due', 'missing', 'filed', 'filed-late'],
  missing: ['missing', 'filed-late'],
  filed: ['filed'],
  'filed-late': ['filed-late'],
};

/** The status changes a period may go through when a later report (in the order filed) is added. */
const AS_REPORTS_ARRIVE: Readonly<Record<PeriodStatus, ReadonlyArray<PeriodStatus>>> = {
  due: ['due', 'filed', 'filed-late'],
  missing: ['missing', 'filed', 'filed-late'],
  filed: ['filed'],
  'filed-late': ['filed-late'],
};

describe('reporting compliance (property)', () => {
  it('lists each owed or reported period once, with the status its reports give it', () => {
    const seen: Record<PeriodStatus | 'corrected', number> = {
      filed: 0,
      'filed-late': 0,
      due: 0,
      missing: 0,
      corrected: 0,
    };
    fc.assert(
      fc.property(scenario, date, (input, on) => {
        const periods = periodsOn({ ...input, on });
        const labels = periods.map((p) => p.period);
        expect(new Set(labels).size).toBe(labels.length);
        const starts = labels.map((p) => periodInterval(p).from);
        expect(starts).toEqual([...starts].sort());
        const { obligation, bodyEndedOn } = input;
        if (obligation.cadence !== 'ad-hoc') {
          const lifeEnd = obligation.liftedOn ?? WINDOW_END;
          for (const period of periodsBetween(obligation.cadence, {
            from: obligation.imposedOn,
            to: lifeEnd,
          })) {
            const { from, to } = periodInterval(period);
            const owed =
              obligation.imposedOn <= from &&
              to <= lifeEnd &&
              to <= on &&
              (bodyEndedOn === undefined || to <= bodyEndedOn);
            if (owed) expect(labels).toContain(period);
          }
        }
        for (const period of periods) {
          seen[period.status] += 1;
          if ('counted' in period && period.counted.reportId !== period.filed.reportId)
            seen.corrected += 1;
          const onRecord = input.reports.filter(
            (r) => r.period === period.period && r.document.submittedOn <= on,
          );
          expect(period.dueOn).toBe(dueDate(period.period, obligation.dueDaysAfterPeriodEnd));
          const [first] = onRecord;
          if (first === undefined) {
            expect(periodInterval(period.period).to <= on).toBe(true);
            expect(period.status).toBe(on > period.dueOn ? 'missing' : 'due');
          } else {
            expect(period).toMatchObject({
              status: first.document.submittedOn <= period.dueOn ? 'filed' : 'filed-late',
              filed: { reportId: first.reportId },
              counted: { reportId: onRecord.at(-1)?.reportId },
            });
          }
        }
      }),
      { numRuns: 300 },
    );
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0);
  });

  it('moves statuses only forward as the date advances; on time is never late', () => {
    fc.assert(
      fc.property(scenario, date, fc.integer({ min: 0, max: 400 }), (input, on, days) => {
        const before = periodsOn({ ...input, on });
        const after = byPeriod(periodsOn({ ...input, on: later(on, days) }));
        for (const period of before) {
          const next = after.get(period.period);
          expect(next).toBeDefined();
          if (next === undefined) continue;
          expect(AS_TIME_PASSES[period.status]).toContain(next.status);
          if (period.status === 'filed' || period.status === 'filed-late')
            expect(next).toMatchObject({ filed: period.filed });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never turns a filed period missing, nor a timely one late, when a report is added', () => {
    fc.assert(
      fc.property(scenario, date, (input, on) => {
        const last = input.reports.at(-1);
        fc.pre(last !== undefined);
        const without = byPeriod(periodsOn({ ...input, reports: input.reports.slice(0, -1), on }));
        for (const period of periodsOn({ ...input, on })) {
          const earlier = without.get(period.period);
          if (earlier === undefined) continue;
          expect(AS_REPORTS_ARRIVE[earlier.status]).toContain(period.status);
        }
      }),
      { numRuns: 300 },
    );
  });
});
