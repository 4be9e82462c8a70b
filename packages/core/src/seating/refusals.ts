/**
 * Why a body decision is refused for what its seats name in other streams: an office that does
 * not exist when the seat begins to follow it, a person never registered, or one person sitting
 * twice in the body through several offices, or a named seat and an office. The last also refuses
 * an office command that would seat someone twice in a body following the office.
 *
 * @see docs/reference/domain.md rules 18, 19 and 20
 */
import type {
  BodyId,
  CalendarDate,
  OfficeId,
  PersonId,
  RefusalShape,
  SeatId,
} from '../kernel/index.js';

/** A seat names an office that does not exist on the day the holding begins. */
export interface SeatOfficeNotInForce extends RefusalShape<'SeatOfficeNotInForce'> {
  readonly rule: 18;
  readonly seatId: SeatId;
  readonly office: OfficeId;
  readonly on: CalendarDate;
}
/** A seat names an office that does not exist on the day the holding begins. */
export const seatOfficeNotInForce = (
  seatId: SeatId,
  office: OfficeId,
  on: CalendarDate,
): SeatOfficeNotInForce => ({
  _tag: 'SeatOfficeNotInForce',
  rule: 18,
  seatId,
  office,
  on,
  message: `Seat ${seatId} names office ${office}, which does not exist on ${on}: not established by then, or abolished.`,
});

/** A seat names a person who has not been registered. */
export interface SeatPersonNotRegistered extends RefusalShape<'SeatPersonNotRegistered'> {
  readonly rule: 19;
  readonly seatId: SeatId;
  readonly person: PersonId;
}
/** A seat names a person who has not been registered. */
export const seatPersonNotRegistered = (
  seatId: SeatId,
  person: PersonId,
): SeatPersonNotRegistered => ({
  _tag: 'SeatPersonNotRegistered',
  rule: 19,
  seatId,
  person,
  message: `Seat ${seatId} names person ${person}, who has not been registered.`,
});

/** One person would sit in two seats of a body on one date. */
export interface PersonSitsTwice extends RefusalShape<'PersonSitsTwice'> {
  readonly rule: 20;
  readonly bodyId: BodyId;
  readonly person: PersonId;
  readonly on: CalendarDate;
  /** The two seats the person would occupy on that date. */
  readonly seats: readonly [SeatId, SeatId];
}
/** One person would sit in two seats of body `bodyId` on one date. */
export const personSitsTwice = (
  bodyId: BodyId,
  person: PersonId,
  on: CalendarDate,
  seats: readonly [SeatId, SeatId],
): PersonSitsTwice => ({
  _tag: 'PersonSitsTwice',
  rule: 20,
  bodyId,
  person,
  on,
  seats,
  message: `Person ${person} would sit twice in body ${bodyId} on ${on}, in seats ${seats[0]} and ${seats[1]}.`,
});

/** Why a body decision is refused for what its seats name in other streams. */
export type Refusal = SeatOfficeNotInForce | SeatPersonNotRegistered | PersonSitsTwice;
