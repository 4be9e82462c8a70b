/**
 * Tenures: the stretches of valid time in which a person held an office or sat in a seat. An
 * office resolves on each date to its substantive holder, else its acting holder (rule 6), so its
 * occupancy — who it resolved to, over time — is cut at every holding's start and end; an
 * ex-officio seat is the person's over the seat's stretch intersected with their occupancy of the
 * office. Answers are brought to one canonical form (adjacent equal stretches joined, a stable
 * order), so that any two derivations of the same history compare equal.
 *
 * @see docs/reference/domain.md rule 6 and "Questions the read models answer"
 */
import { contains } from '@mandate/core';
import type { CalendarDate, PersonId, ValidInterval } from '@mandate/core';
import type { Office } from '@mandate/core';
import type { OfficeTenure, PersonHoldings, SeatBasis, SeatTenure } from './views.js';

/** A stretch of time in which an office resolved to one person, acting or not. */
export interface Occupancy {
  readonly person: PersonId;
  readonly acting: boolean;
  readonly valid: ValidInterval;
}

const interval = (from: CalendarDate, to: CalendarDate | undefined): ValidInterval =>
  to === undefined ? { from } : { from, to };

/** Who an office with these holdings (in order of start) resolves to on `date`, if anyone. */
function resolvedOn(
  holdings: ReadonlyArray<Office.Holding>,
  date: CalendarDate,
): Omit<Occupancy, 'valid'> | undefined {
  const current = holdings.filter((holding) => contains(holding, date));
  const holder =
    current.find((holding) => holding.capacity === 'substantive') ??
    current.filter((holding) => holding.capacity === 'acting').at(-1);
  return holder === undefined
    ? undefined
    : { person: holder.person, acting: holder.capacity === 'acting' };
}

/** The occupancy of an office over time, from its holdings in order of start. */
export function occupancy(holdings: ReadonlyArray<Office.Holding>): ReadonlyArray<Occupancy> {
  const points = [
    ...new Set(holdings.flatMap((h) => (h.to === undefined ? [h.from] : [h.from, h.to]))),
  ].sort();
  return points.flatMap((from, i) => {
    const resolved = resolvedOn(holdings, from);
    return resolved === undefined ? [] : [{ ...resolved, valid: interval(from, points[i + 1]) }];
  });
}

/** The days two intervals share, if any. */
export function intersection(a: ValidInterval, b: ValidInterval): ValidInterval | undefined {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to === undefined ? b.to : b.to === undefined || a.to < b.to ? a.to : b.to;
  return to === undefined || from < to ? interval(from, to) : undefined;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const sameBasis = (a: SeatBasis, b: SeatBasis): boolean =>
  a.via === 'named'
    ? b.via === 'named' && a.asOffice === b.asOffice && a.acting === b.acting
    : b.via === 'office' && a.office === b.office && a.acting === b.acting;

/** True when `next` continues `previous`: the same seat, roles and basis, from where it ended. */
const continues = (previous: SeatTenure, next: SeatTenure): boolean =>
  previous.bodyId === next.bodyId &&
  previous.seatId === next.seatId &&
  previous.to === next.from &&
  previous.roles.join() === next.roles.join() &&
  sameBasis(previous, next);

/** Seat tenures with adjacent stretches of the same seat, roles and basis joined. */
function joined(seats: ReadonlyArray<SeatTenure>): SeatTenure[] {
  const sorted = [...seats].sort(
    (a, b) =>
      compareText(a.bodyId, b.bodyId) ||
      compareText(a.seatId, b.seatId) ||
      compareText(a.from, b.from),
  );
  const result: SeatTenure[] = [];
  for (const seat of sorted) {
    const previous = result.at(-1);
    if (previous !== undefined && continues(previous, seat)) {
      const { to: _to, ...open } = previous;
      result[result.length - 1] = seat.to === undefined ? open : { ...open, to: seat.to };
    } else result.push(seat);
  }
  return result;
}

const capacityRank = (capacity: Office.Capacity): number => (capacity === 'substantive' ? 0 : 1);

/** A person's holdings in canonical form: seats joined, both lists in their documented order. */
export function canonicalHoldings(
  offices: ReadonlyArray<OfficeTenure>,
  seats: ReadonlyArray<SeatTenure>,
): PersonHoldings {
  return {
    offices: [...offices].sort(
      (a, b) =>
        compareText(a.from, b.from) ||
        compareText(a.officeId, b.officeId) ||
        capacityRank(a.capacity) - capacityRank(b.capacity),
    ),
    seats: joined(seats).sort(
      (a, b) =>
        compareText(a.from, b.from) ||
        compareText(a.bodyId, b.bodyId) ||
        compareText(a.seatId, b.seatId),
    ),
  };
}
