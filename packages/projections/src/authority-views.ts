/**
 * The answers to the questions about authorities: who had jurisdiction over a body on a date,
 * which bodies answered to an authority, and which were left under an authority that had ended —
 * each on a valid date, as known at an instant.
 *
 * @see docs/reference/domain.md "Authorities change too" and rule 9
 */
import type { AuthorityId, BodyId, CalendarDate, Instant } from '@mandate/core';
import type { Either } from 'fp-ts/Either';
import type { InvalidQuery, UnknownAuthority, UnknownBody } from './query-errors.js';

/** Who had jurisdiction over a body on a date. */
export interface JurisdictionView {
  readonly bodyId: BodyId;
  /** The authority the body answered to: its establisher, or the one it was last transferred to. */
  readonly authority: AuthorityId;
  /** The authority that stood for it on the date: itself, or its successor by mergers. */
  readonly standing: AuthorityId;
  /** True when `standing` did not exist on the date (dissolved, split, or never registered). */
  readonly orphaned: boolean;
  /**
   * The authorities above `standing` on the date, nearest first, along every path of parents
   * and superiors, each followed through its mergers; each of them had jurisdiction too.
   */
  readonly above: ReadonlyArray<AuthorityId>;
}

/** A body active on a date whose authority did not exist on that date. */
export interface OrphanView {
  readonly bodyId: BodyId;
  /** The authority it answered to: its establisher, or the one it was last transferred to. */
  readonly authority: AuthorityId;
  /** That authority followed through its mergers. */
  readonly standing: AuthorityId;
  /** The day `standing` ceased to exist; absent when it was never registered. */
  readonly endedOn?: CalendarDate;
}

/** The questions about authorities, answered by every read model and by the oracle. */
export interface AuthorityQueries {
  /** Who had jurisdiction over a body on `on`, as known at `knownAt`. */
  readonly jurisdiction: (
    bodyId: BodyId,
    on: CalendarDate,
    knownAt?: Instant,
  ) => Promise<Either<InvalidQuery | UnknownBody, JurisdictionView>>;
  /**
   * The bodies active on `on` that answered directly to `authorityId` then (after transfers and
   * mergers), by id, as known at `knownAt`.
   */
  readonly bodiesUnder: (
    authorityId: AuthorityId,
    on: CalendarDate,
    knownAt?: Instant,
  ) => Promise<Either<InvalidQuery | UnknownAuthority, ReadonlyArray<BodyId>>>;
  /** The bodies active on `on` whose authority did not exist on `on`, by id, as known at `knownAt`. */
  readonly orphanedBodies: (
    on: CalendarDate,
    knownAt?: Instant,
  ) => Promise<Either<InvalidQuery, ReadonlyArray<OrphanView>>>;
}
