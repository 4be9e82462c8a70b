/**
 * Rule 7: a report refers to an obligation (of this body) that was in force during its period;
 * the period fits the cadence; at most one report counts per obligation and period — a second
 * one must be filed as a correction, which supersedes the counted report and never deletes it.
 * Checked after every accepted command against the event history read directly (validity as the
 * whole history now knows it, so a retroactive lift or end cannot strand a report); and filing or
 * correcting is accepted exactly when those conditions say it may be.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Body from '../../src/body/index.js';
import type { CalendarDate, ReportDocument, ReportId } from '../../src/kernel/index.js';
import { addDays, maxDate, overlaps } from '../../src/kernel/index.js';
import {
  BODY,
  PROVINCE,
  basis,
  bodyCommands,
  cadenceLabel,
  endOf,
  replayBodyCommands,
  windowDate,
} from '../../src/testing/body-arbitraries.js';
import { deepEqual } from '../../src/testing/deep-equal.js';

type ReportEvent = Extract<Body.Event, { type: 'ReportFiled' | 'ReportCorrected' }>;
const reportsOf = (history: ReadonlyArray<Body.Event>): ReportEvent[] =>
  history.filter((e): e is ReportEvent => e.type === 'ReportFiled' || e.type === 'ReportCorrected');

/** The obligation as the history states it: its terms and its validity. */
function naiveObligation(history: ReadonlyArray<Body.Event>, obligationId: string) {
  const imposed = history.find(
    (e) => e.type === 'ReportingObligationImposed' && e.data.obligationId === obligationId,
  );
  if (imposed?.type !== 'ReportingObligationImposed') return undefined;
  const lifted = history.find(
    (e) => e.type === 'ReportingObligationLifted' && e.data.obligationId === obligationId,
  );
  const to = lifted?.data.effectiveOn ?? endOf(history);
  return {
    cadence: imposed.data.cadence,
    index: history.indexOf(imposed),
    validity: { from: imposed.data.effectiveOn, ...(to === undefined ? {} : { to }) },
  };
}

/** The report events of one obligation and period, in stream order. */
const chainOf = (history: ReadonlyArray<Body.Event>, obligationId: string, period: string) =>
  reportsOf(history).filter(
    (r) => r.data.obligationId === obligationId && r.data.period === period,
  );

const anyIssuer = { jurisdiction: { mayChange: () => true } };

/** Lifts one of the pooled obligations on a date in the window. */
const liftObligation: fc.Arbitrary<Body.Command> = fc
  .tuple(fc.constantFrom('annual-review', 'quarterly-report', 'ad-hoc-report'), basis, windowDate)
  .map(([obligationId, instrument, effectiveOn]) => ({
    type: 'AmendBody',
    data: {
      bodyId: BODY,
      basis: { ...instrument, issuer: PROVINCE },
      effectiveOn,
      changes: [
        {
          change: 'LiftReportingObligation',
          obligationId: obligationId as Body.Obligation['obligationId'],
        },
      ],
    },
  }));

describe('rule 7: reports', () => {
  it('every report answers an obligation in force in its period; one counts per period', () => {
    let corrections = 0;
    fc.assert(
      fc.property(bodyCommands(), (commands) => {
        for (const step of replayBodyCommands(commands)) {
          expect(step.untouched).toBe(true);
          if (step.decision._tag === 'Left') {
            expect(deepEqual(step.after, step.before)).toBe(true);
            continue;
          }
          const { history, after } = step;
          const reports = reportsOf(history);
          expect(new Set(reports.map((r) => r.data.reportId)).size).toBe(reports.length);
          for (const report of reports) {
            const { obligationId, period, document } = report.data;
            const obligation = naiveObligation(history, obligationId);
            expect(obligation).toBeDefined();
            if (obligation === undefined) continue;
            expect(obligation.index).toBeLessThan(history.indexOf(report));
            expect(Body.periodFitsCadence(period, obligation.cadence)).toBe(true);
            expect(overlaps(obligation.validity, Body.periodInterval(period))).toBe(true);
            expect(document.filedBy).toBe(BODY);
            expect(document.submittedOn >= Body.periodInterval(period).from).toBe(true);
            // One filing per period; each correction supersedes the one counted before it.
            const chain = chainOf(history, obligationId, period);
            expect(chain[0]?.type).toBe('ReportFiled');
            chain.slice(1).forEach((correction, i) => {
              expect(correction.type).toBe('ReportCorrected');
              if (correction.type === 'ReportCorrected')
                expect(correction.data.supersedes).toBe(chain[i]?.data.reportId);
            });
            expect(Body.countedReport(after, obligationId, period)?.reportId).toBe(
              chain[chain.length - 1]?.data.reportId,
            );
          }
          if (step.command.type === 'CorrectReport') corrections++;
        }
      }),
      { numRuns: 200 },
    );
    expect(corrections).toBeGreaterThan(10);
  });

  it('files a report exactly when the obligation, period, date and count allow it', () => {
    const outcomes = { accepted: 0, alreadyFiled: 0, refused: 0 };
    fc.assert(
      fc.property(
        fc.tuple(bodyCommands(), fc.array(liftObligation, { maxLength: 2 })),
        fc.nat(),
        fc.constantFrom('own-cadence', 'any-cadence', 'filed-before', 'validity-edge'),
        fc.constantFrom(...Body.Cadence.literals),
        windowDate,
        ([commands, lifts], pick, how, otherCadence, someDate) => {
          const steps = replayBodyCommands([...commands, ...lifts]);
          const last = steps[steps.length - 1];
          const state = last?.after;
          if (state === undefined || state.status === 'unestablished' || last === undefined) return;
          const { history } = last;
          const filed = reportsOf(history);
          fc.pre(state.obligations.size > 0 && (how !== 'filed-before' || filed.length > 0));
          // An obligation and period: one already reported on; or any obligation and a period of
          // its own cadence, of any cadence, or next to either end of its validity.
          const reported = filed[pick % filed.length];
          const obligationId =
            how === 'filed-before' && reported !== undefined
              ? reported.data.obligationId
              : ([...state.obligations.keys()][pick % state.obligations.size] as string);
          const obligation = naiveObligation(history, obligationId);
          if (obligation === undefined) throw new Error('obligation not in history');
          const { from, to } = obligation.validity;
          const edges = [
            from,
            addDays(from, -1),
            to,
            to === undefined ? undefined : addDays(to, -1),
          ]
            .filter((d): d is CalendarDate => d !== undefined)
            .map((d) => Body.periodOf(obligation.cadence, d) as Body.PeriodLabel);
          const period =
            how === 'filed-before' && reported !== undefined
              ? reported.data.period
              : how === 'validity-edge'
                ? (edges[pick % edges.length] as Body.PeriodLabel)
                : (fc.sample(
                    cadenceLabel(how === 'own-cadence' ? obligation.cadence : otherCadence),
                    {
                      numRuns: 1,
                      seed: pick,
                    },
                  )[0] as Body.PeriodLabel);
          const interval = Body.periodInterval(period);
          // At a validity edge, date the report within its period, so only validity decides.
          const submittedOn = how === 'validity-edge' ? maxDate(someDate, interval.from) : someDate;
          const end = endOf(history);
          const established = history[0]?.data.effectiveOn as CalendarDate;
          const chain = chainOf(history, obligationId, period);
          const allowed =
            Body.periodFitsCadence(period, obligation.cadence) &&
            (end === undefined || interval.to <= end) &&
            overlaps(obligation.validity, interval) &&
            submittedOn >= maxDate(interval.from, established);
          const document = { reference: '7/BC', filedBy: BODY, submittedOn } as ReportDocument;
          const command: Body.Command = {
            type: 'FileReport',
            data: {
              bodyId: BODY,
              reportId: 'fresh-report' as ReportId,
              obligationId: obligationId as Body.Obligation['obligationId'],
              period,
              document,
            },
          };
          const decision = Body.decide(command, state, anyIssuer);
          if (allowed && chain.length === 0) {
            outcomes.accepted++;
            expect(decision._tag).toBe('Right');
          } else if (allowed) {
            outcomes.alreadyFiled++;
            expect(decision._tag === 'Left' && decision.left).toMatchObject({
              _tag: 'ReportAlreadyFiled',
              counted: chain[chain.length - 1]?.data.reportId,
            });
            expect(decision._tag === 'Left' && decision.left.message).toContain('CorrectReport');
          } else {
            outcomes.refused++;
            expect(decision._tag).toBe('Left');
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(outcomes.accepted).toBeGreaterThan(10);
    expect(outcomes.alreadyFiled).toBeGreaterThan(5);
    expect(outcomes.refused).toBeGreaterThan(10);
  });

  it('lifts an obligation exactly when no report was filed under it for a later period', () => {
    const outcomes = { accepted: 0, refused: 0, laterReports: 0 };
    fc.assert(
      fc.property(
        bodyCommands(),
        fc.nat(),
        fc.nat(),
        windowDate,
        basis,
        (commands, pick, datePick, someDate, instrument) => {
          const steps = replayBodyCommands(commands);
          const last = steps[steps.length - 1];
          const state = last?.after;
          if (state?.status !== 'active' || last === undefined) return;
          fc.pre(state.obligations.size > 0);
          const obligationId = [...state.obligations.keys()][
            pick % state.obligations.size
          ] as string;
          const filed = reportsOf(last.history).filter((r) => r.data.obligationId === obligationId);
          // Often lift just inside or after a reported period, where the answer changes.
          const candidates = [
            someDate,
            ...filed.flatMap((r) => {
              const { from, to } = Body.periodInterval(r.data.period);
              return [from, to];
            }),
          ];
          const on = candidates[datePick % candidates.length] as CalendarDate;
          const imposed = last.history.find(
            (e) => e.type === 'ReportingObligationImposed' && e.data.obligationId === obligationId,
          )?.data.effectiveOn as CalendarDate;
          const lifted = last.history.some(
            (e) => e.type === 'ReportingObligationLifted' && e.data.obligationId === obligationId,
          );
          const later = filed.some((r) => Body.periodInterval(r.data.period).from >= on);
          const command: Body.Command = {
            type: 'AmendBody',
            data: {
              bodyId: state.bodyId,
              basis: { ...instrument, issuer: state.authority },
              effectiveOn: on,
              changes: [
                {
                  change: 'LiftReportingObligation',
                  obligationId: obligationId as Body.Obligation['obligationId'],
                },
              ],
            },
          };
          const decision = Body.decide(command, state, anyIssuer);
          const allowed = !lifted && on > imposed && !later;
          if (allowed) outcomes.accepted++;
          else outcomes.refused++;
          if (!lifted && on > imposed && later) outcomes.laterReports++;
          expect(decision._tag).toBe(allowed ? 'Right' : 'Left');
        },
      ),
      { numRuns: 300 },
    );
    expect(outcomes.accepted).toBeGreaterThan(10);
    expect(outcomes.laterReports).toBeGreaterThan(5);
  });

  it('accepts a correction exactly when it supersedes the counted report, on or after it', () => {
    const outcomes = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(bodyCommands(), fc.nat(), windowDate, (commands, pick, submittedOn) => {
        const steps = replayBodyCommands(commands);
        const last = steps[steps.length - 1];
        const state = last?.after;
        const reports = reportsOf(last?.history ?? []);
        fc.pre(state !== undefined && reports.length > 0);
        if (state === undefined || last === undefined) return;
        const superseded = reports[pick % reports.length] as ReportEvent;
        const { obligationId, period, reportId, document } = superseded.data;
        const chain = chainOf(last.history, obligationId, period);
        const end = endOf(last.history);
        const allowed =
          chain[chain.length - 1]?.data.reportId === reportId &&
          (end === undefined || Body.periodInterval(period).to <= end) &&
          submittedOn >= document.submittedOn;
        const command: Body.Command = {
          type: 'CorrectReport',
          data: {
            bodyId: BODY,
            reportId: 'fresh-correction' as ReportId,
            supersedes: reportId,
            document: { reference: '8/BC', filedBy: BODY, submittedOn } as ReportDocument,
          },
        };
        const decision = Body.decide(command, state, anyIssuer);
        if (allowed) outcomes.accepted++;
        else outcomes.refused++;
        expect(decision._tag).toBe(allowed ? 'Right' : 'Left');
      }),
      { numRuns: 300 },
    );
    expect(outcomes.accepted).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(10);
  });
});
