/**
 * Whether a body's record, as a correction would leave it, still keeps the rules every command
 * keeps: each fact within the life of what it belongs to (rule 4; an obligation tied to a duty
 * within the duty's), each timeline in date order and within its record's life (so a moved date
 * never passes a change of the same record), each filed report within its obligation's validity
 * (rule 7) and, if filed after the body's end, for a period that had ended by then (rule 1), each
 * absorption and transfer to another authority within the body's life (a transfer may fall on
 * the establishment date, as `TransferBody` allows, never on or after the end), one head and one
 * seat per holder (rules 2 and 3).
 *
 * @see docs/reference/domain.md rules 1, 2, 3, 4, 7, 9 and 14
 */
import type { CalendarDate, ValidInterval } from '../../kernel/index.js';
import { contains, overlaps } from '../../kernel/index.js';
import { rosterViolation } from '../invariants.js';
import { periodInterval } from '../period.js';
import type { Refusal } from '../refusals.js';
import type { EstablishedBody } from '../state.js';
import { bodyLife, dutyLife, obligationLife, seatLife } from '../state.js';
import type { Dated } from '../timeline.js';
import type { CorrectionRefusal } from './refusals.js';
import {
  correctionCrossesChange,
  correctionOutsideLife,
  correctionStrandsReport,
} from './refusals.js';

/**
 * Why a record with life `life` is out of order: an end not after its start, a timeline whose
 * first entry is not at the start (a change moved before it, or the first value moved away), or
 * a timeline entry on or before the previous one or on or after the end.
 */
function orderBreak(
  record: string,
  life: ValidInterval,
  timelines: ReadonlyArray<ReadonlyArray<Dated>>,
): CorrectionRefusal | undefined {
  if (
    // Stryker disable next-line ConditionalExpression: equivalent, `undefined <= life.from` is false as well; the test narrows the type
    life.to !== undefined &&
    life.to <= life.from
  )
    return correctionCrossesChange(record, life.to, life.from);
  for (const timeline of timelines) {
    // Stryker disable next-line OptionalChaining: equivalent, evolve begins every timeline with an entry and never removes one
    const first = timeline[0]?.from;
    if (
      // Stryker disable next-line ConditionalExpression: equivalent, `undefined < life.from` is false as well; the test narrows the type
      first !== undefined &&
      first < life.from
    )
      return correctionOutsideLife(record, first, life);
    if (
      // Stryker disable next-line ConditionalExpression: equivalent, `undefined > life.from` is false as well; the test narrows the type
      first !== undefined &&
      first > life.from
    )
      return correctionCrossesChange(record, life.from, first);
    for (const [i, { from }] of timeline.entries()) {
      const before = timeline[i - 1]?.from;
      if (
        // Stryker disable next-line ConditionalExpression: equivalent, `from <= undefined` is false as well; the test narrows the type
        before !== undefined &&
        from <= before
      )
        return correctionCrossesChange(record, from, before);
      if (
        // Stryker disable next-line ConditionalExpression: equivalent, `from >= undefined` is false as well; the test narrows the type
        life.to !== undefined &&
        from >= life.to
      )
        return correctionCrossesChange(record, life.to, from);
    }
  }
  return undefined;
}

/** Why a fact on `on` lies outside `life`, if it does. */
const outside = (fact: string, on: CalendarDate, life: ValidInterval) =>
  contains(life, on) ? undefined : correctionOutsideLife(fact, on, life);

/** Why the body's record breaks a rule, if it does (the first reason found). */
export function recordViolation(body: EstablishedBody): Refusal | undefined {
  const life = bodyLife(body);
  const withinEnd = (fact: string, end: CalendarDate | undefined) =>
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, `end > life.to` is false when either is undefined; the tests narrow the types
    end !== undefined && life.to !== undefined && end > life.to
      ? correctionOutsideLife(fact, end, life)
      : undefined;
  const found =
    outside('the establishment', body.establishedOn, life) ??
    orderBreak('the body’s name', life, [body.names]);
  if (found !== undefined) return found;
  for (const seat of body.seats.values()) {
    const fact = `seat ${seat.seatId}`;
    const broken =
      outside(fact, seat.createdOn, life) ??
      withinEnd(fact, seat.abolishedOn) ??
      orderBreak(fact, seatLife(seat), [seat.roles, seat.holders]);
    if (broken !== undefined) return broken;
  }
  for (const duty of body.duties.values()) {
    const fact = `duty ${duty.dutyId}`;
    const broken =
      outside(fact, duty.assignedOn, life) ??
      withinEnd(fact, duty.revokedOn) ??
      orderBreak(fact, dutyLife(duty), [duty.categories, duty.texts]);
    if (broken !== undefined) return broken;
  }
  for (const obligation of body.obligations.values()) {
    const fact = `reporting obligation ${obligation.obligationId}`;
    // Stryker disable next-line ConditionalExpression: equivalent, `body.duties.get(undefined)` is undefined, as duties are keyed by their ids; the test narrows the type
    const duty = obligation.dutyId === undefined ? undefined : body.duties.get(obligation.dutyId);
    const broken =
      outside(fact, obligation.imposedOn, life) ??
      withinEnd(fact, obligation.liftedOn) ??
      orderBreak(fact, obligationLife(obligation), []) ??
      (duty === undefined ? undefined : outside(fact, obligation.imposedOn, dutyLife(duty)));
    if (broken !== undefined) return broken;
  }
  for (const report of body.reports.values()) {
    const obligation = body.obligations.get(report.obligationId);
    const { submittedOn } = report.document;
    if (submittedOn < body.establishedOn)
      return correctionOutsideLife(`report ${report.reportId}`, submittedOn, life);
    // After its end a body files only reports for periods that had ended by then (rule 1).
    if (
      // Stryker disable next-line ConditionalExpression: equivalent, `submittedOn >= undefined` is false as well; the test narrows the type
      life.to !== undefined &&
      submittedOn >= life.to &&
      periodInterval(report.period).to > life.to
    )
      return correctionOutsideLife(
        `report ${report.reportId} for period ${report.period}`,
        submittedOn,
        life,
      );
    if (
      obligation !== undefined &&
      !overlaps(obligationLife(obligation), periodInterval(report.period))
    )
      return correctionStrandsReport(obligation.obligationId, report.reportId, report.period);
  }
  for (const { on, absorbed } of body.absorptions) {
    const broken = outside(`the absorption of ${absorbed.join(', ')}`, on, life);
    if (broken !== undefined) return broken;
  }
  for (const { from, authority } of body.transfers) {
    const broken = outside(`the transfer to ${authority}`, from, life);
    if (broken !== undefined) return broken;
  }
  return rosterViolation(body);
}
