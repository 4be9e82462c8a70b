/**
 * The body's rules checked over the whole valid-time line, not just on a command's date: a
 * retroactive change can break a rule on any later date. Between two dates on which something
 * about the seats changes, nothing about them does, so checking every such date checks them all.
 *
 * @see docs/reference/domain.md rules 2, 3 and 4
 */
import type { CalendarDate, SeatId } from '../kernel/index.js';
import { holderIdentities } from '../kernel/index.js';
import { periodInterval } from './period.js';
import type { HolderInTwoSeats, TwoHeads } from './refusals.js';
import { holderInTwoSeats, twoHeads } from './refusals.js';
import { hasRole } from './roles.js';
import type { EstablishedBody } from './state.js';
import { holderOn, rolesOn } from './state.js';

/** Every date on which a seat is created, or its roles or holder change, in order. */
function seatChangeDates(body: EstablishedBody): ReadonlyArray<CalendarDate> {
  const dates = new Set<CalendarDate>();
  for (const seat of body.seats.values()) {
    dates.add(seat.createdOn);
    for (const { from } of seat.roles) dates.add(from);
    for (const { from } of seat.holders) dates.add(from);
  }
  return [...dates].sort();
}

/**
 * The first date on which the body has two heads (rule 2) or one office or person holds two of
 * its seats (rule 3), as a refusal; `undefined` when both rules hold on every date.
 */
export function rosterViolation(body: EstablishedBody): TwoHeads | HolderInTwoSeats | undefined {
  for (const on of seatChangeDates(body)) {
    let head: SeatId | undefined;
    const seatOf = new Map<string, SeatId>();
    for (const seat of body.seats.values()) {
      const roles = rolesOn(seat, on);
      if (roles === undefined) continue;
      if (hasRole(roles, 'head')) {
        if (head !== undefined) return twoHeads(on, [head, seat.seatId]);
        head = seat.seatId;
      }
      const holder = holderOn(seat, on);
      // Stryker disable next-line ConditionalExpression: equivalent, a seat with roles on the date is alive then, so its holder is a holder or null, never undefined
      if (holder === null || holder === undefined) continue;
      for (const identity of holderIdentities(holder)) {
        const other = seatOf.get(identity);
        if (other !== undefined) return holderInTwoSeats(on, identity, [other, seat.seatId]);
        seatOf.set(identity, seat.seatId);
      }
    }
  }
  return undefined;
}

/** A recorded fact and its date. */
export interface DatedFact {
  readonly on: CalendarDate;
  readonly fact: string;
}

/**
 * The earliest recorded fact that ending the body on `date` would leave outside its life: any
 * change dated on or after `date` (a transfer to another authority too), or a report submitted on or after it for a period that had
 * not ended by it (after its end a body files only reports for periods that ended by then).
 *
 * @see docs/reference/domain.md rules 1 and 4
 */
export function firstFactFrom(body: EstablishedBody, date: CalendarDate): DatedFact | undefined {
  const facts: DatedFact[] = [{ on: body.establishedOn, fact: 'the establishment' }];
  const add = (on: CalendarDate | undefined, fact: string) => {
    // Stryker disable next-line ConditionalExpression: equivalent, a fact pushed without a date is dropped by the filter below (`undefined >= date` is false)
    if (on !== undefined) facts.push({ on, fact });
  };
  for (const { from } of body.names) add(from, 'a name');
  for (const seat of body.seats.values()) {
    const fact = `a change to seat ${seat.seatId}`;
    add(seat.abolishedOn, fact);
    for (const { from } of [...seat.roles, ...seat.holders]) add(from, fact);
  }
  for (const duty of body.duties.values()) {
    const fact = `a change to duty ${duty.dutyId}`;
    add(duty.revokedOn, fact);
    for (const { from } of [...duty.categories, ...duty.texts]) add(from, fact);
  }
  for (const obligation of body.obligations.values()) {
    const fact = `a change to reporting obligation ${obligation.obligationId}`;
    add(obligation.imposedOn, fact);
    add(obligation.liftedOn, fact);
  }
  for (const { on, absorbed } of body.absorptions)
    add(on, `the absorption of ${absorbed.join(', ')}`);
  for (const { from, authority } of body.transfers) add(from, `the transfer to ${authority}`);
  for (const report of body.reports.values())
    if (periodInterval(report.period).to > date)
      add(report.document.submittedOn, `report ${report.reportId} for period ${report.period}`);
  return facts
    .filter((f) => f.on >= date)
    .reduce<DatedFact | undefined>(
      (first, f) => (first === undefined || f.on < first.on ? f : first),
      undefined,
    );
}
