/**
 * What the read models answer, as plain values: a body's seats on a date with the person behind
 * each one, its duties with provenance, and the body itself (status, kind, authority, names with
 * their validity, lineage). The oracle and every read model return exactly these shapes, so that
 * they can be compared with `toEqual`.
 *
 * @see DOMAIN.md "Questions the read models must answer"
 */
import type {
  AuthorityId,
  BilingualName,
  BilingualText,
  BodyId,
  CalendarDate,
  Instant,
  ReorganisationId,
  SeatHolder,
  SeatId,
} from '@mandate/core';
import type { Body, Office } from '@mandate/core';

/** One seat of a body on a date: its roles, its holder as decided, and who is behind it. */
export interface RosterSeat {
  readonly seatId: SeatId;
  readonly roles: Body.RoleSet;
  /** The holder as decided, or `null` while the seat is vacant by decision. */
  readonly holder: SeatHolder | null;
  /** The person behind the seat on the date (ex officio: the office's holder), or `null` when vacant by decision. */
  readonly occupant: Office.SeatResolution | null;
}

/** One duty in force on a date, with where it came from. */
export type DutyView = Body.DutyOnDate;

/** How a body ended, when it has. */
export interface BodyEnd {
  readonly on: CalendarDate;
  readonly reason: Body.EndReason;
  readonly successors: ReadonlyArray<BodyId>;
  readonly reorganisationId?: ReorganisationId;
}

/** Where a body stands on a valid date. */
export type BodyStatusOn = 'not-yet-established' | 'active' | 'ended';

/** A body as known at some instant, seen on a valid date. */
export interface BodyView {
  readonly bodyId: BodyId;
  readonly kind: Body.BodyKind;
  /** The establishing authority. */
  readonly authority: AuthorityId;
  readonly purpose?: BilingualText;
  readonly establishedOn: CalendarDate;
  readonly status: BodyStatusOn;
  /** The name in force on the date, if the body lived then. */
  readonly name?: BilingualName;
  /** Every name the body has borne, with its validity. */
  readonly names: ReadonlyArray<Body.NameValidity>;
  /** The bodies this one was created from in a reorganisation. */
  readonly predecessors: ReadonlyArray<BodyId>;
  /** The end of the body, if it has ended (whatever the date asked about). */
  readonly end?: BodyEnd;
  /** The bodies it absorbed, and when. */
  readonly absorptions: ReadonlyArray<Body.Absorption>;
}

/**
 * The questions every read model (and the oracle) answers, for a valid date and a known instant;
 * asynchronous, so that a database across a connection can answer them.
 */
export interface ReadModelQueries {
  /** The seats of a body on `on`, as known at `knownAt` (default: everything recorded). */
  readonly roster: (
    bodyId: BodyId,
    on: CalendarDate,
    knownAt?: Instant,
  ) => Promise<ReadonlyArray<RosterSeat>>;
  /** The duties of a body in force on `on`, as known at `knownAt`. */
  readonly duties: (
    bodyId: BodyId,
    on: CalendarDate,
    knownAt?: Instant,
  ) => Promise<ReadonlyArray<DutyView>>;
  /** A body seen on `on`, as known at `knownAt`; `undefined` when it was not known then. */
  readonly body: (
    bodyId: BodyId,
    on: CalendarDate,
    knownAt?: Instant,
  ) => Promise<BodyView | undefined>;
  /** Every body known at `knownAt`, seen on `on`, by id. */
  readonly bodies: (on: CalendarDate, knownAt?: Instant) => Promise<ReadonlyArray<BodyView>>;
}
