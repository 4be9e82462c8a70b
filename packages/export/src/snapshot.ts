/**
 * What an export is made from: the read models' answers gathered for one valid date and one known
 * instant — the bodies in scope, every seat a person sat in on them up to the date, the persons
 * behind those seats, and the changes (with their source documents) that took effect up to the
 * date. Every format is a pure function of this value.
 */
import type { BodyId, CalendarDate, Instant, PersonId, SeatId } from '@mandate/core';
import type { Body } from '@mandate/core';
import type { BodyView, ChangeView, SeatTenure } from '@mandate/projections';

/** A seat of a body, as a post: the roles it carried when last seen on or before the date. */
export interface PostView {
  readonly bodyId: BodyId;
  readonly seatId: SeatId;
  readonly roles: Body.RoleSet;
}

/** A person who sat on a body in scope, with their registered name when it was looked up. */
export interface PersonView {
  readonly personId: PersonId;
  readonly name?: string;
}

/**
 * One person's tenure of one seat up to the date: its `to` (exclusive, the date the change took
 * effect) is present only when it fell on or before the date.
 */
export type MembershipView = SeatTenure & { readonly personId: PersonId };

/** The read models' answers an export is made from. */
export interface ExportSnapshot {
  /** The valid date the export describes: names and statuses on it, history up to it. */
  readonly on: CalendarDate;
  /** The instant the answers are as known at; absent for everything recorded. */
  readonly knownAt?: Instant;
  /** The bodies in scope, established on or before `on`, by id; an end after `on` is left out. */
  readonly bodies: ReadonlyArray<BodyView>;
  /** The seats of the bodies in scope that any roster up to `on` showed, by body then seat. */
  readonly posts: ReadonlyArray<PostView>;
  /** The persons who sat in those seats, by id. */
  readonly persons: ReadonlyArray<PersonView>;
  /** Their tenures of those seats that began on or before `on`, by start, body, seat, person. */
  readonly memberships: ReadonlyArray<MembershipView>;
  /** The changes to the bodies in scope and to any office, effective on or before `on`, in order. */
  readonly changes: ReadonlyArray<ChangeView>;
}
