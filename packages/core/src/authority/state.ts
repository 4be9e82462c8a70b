/**
 * The state of the authority registry: every authority ever registered, keyed by id, each active,
 * merged away, dissolved or split. The whole hierarchy is one stream and one consistency boundary, because its
 * invariants (an acyclic hierarchy, a merger's successor active) span several authorities.
 */
import type { AuthorityId, BilingualName, CalendarDate } from '../kernel/index.js';
import { recordIn, recordsIn, type AuthorityTable } from './authority-table.js';
import type { AuthorityLevel } from './level.js';
import { nameInForce, type NameTimeline } from './name-timeline.js';

/** Another superior of an authority, beside its parent, from a date. */
export interface SuperiorLink {
  readonly authorityId: AuthorityId;
  readonly from: CalendarDate;
}

/** What the registry knows of every authority, merged or not. */
export interface AuthorityFacts {
  readonly authorityId: AuthorityId;
  readonly level: AuthorityLevel;
  /** The authority directly above; never changes (a merged parent is followed to its successor). */
  readonly parent?: AuthorityId;
  /** Superiors beside the parent, each from its date; absent when there are none. */
  readonly superiors?: ReadonlyArray<SuperiorLink>;
  readonly registeredOn: CalendarDate;
  readonly names: NameTimeline;
  /**
   * The latest date on which the registry relies on this authority being active: its registration,
   * its renames, children registered under it and authorities merged into it. A merger must take
   * effect after it.
   */
  readonly lastReliedOn: CalendarDate;
}

/** An authority that has not been merged away. */
export interface ActiveAuthority extends AuthorityFacts {
  readonly status: 'active';
}

/** An authority merged into `into`; its last day was the day before `mergedOn`. */
export interface MergedAuthority extends AuthorityFacts {
  readonly status: 'merged';
  readonly into: AuthorityId;
  readonly mergedOn: CalendarDate;
}

/** An authority dissolved without a successor; its last day was the day before `dissolvedOn`. */
export interface DissolvedAuthority extends AuthorityFacts {
  readonly status: 'dissolved';
  readonly dissolvedOn: CalendarDate;
}

/** An authority split into several successors; its last day was the day before `splitOn`. */
export interface SplitAuthorityRecord extends AuthorityFacts {
  readonly status: 'split';
  readonly into: ReadonlyArray<AuthorityId>;
  readonly splitOn: CalendarDate;
}

/** One authority of the registry. */
export type AuthorityRecord =
  ActiveAuthority | MergedAuthority | DissolvedAuthority | SplitAuthorityRecord;

/** A registry with no authority yet. */
export interface EmptyRegistry {
  readonly status: 'empty';
}

/** A registry holding at least one authority. */
export interface PopulatedRegistry {
  readonly status: 'populated';
  readonly authorities: AuthorityTable<AuthorityRecord>;
}

/** The state of the authority registry. */
export type RegistryState = EmptyRegistry | PopulatedRegistry;

/** The registry before any event. */
export const initialState: RegistryState = { status: 'empty' };

/** The authority with this id, if registered (merged or not). */
export const authorityOf = (
  state: RegistryState,
  authorityId: AuthorityId,
): AuthorityRecord | undefined =>
  state.status === 'empty' ? undefined : recordIn(state.authorities, authorityId);

/** Every registered authority (merged or not), in order of id. */
export const authoritiesOf = (state: RegistryState): ReadonlyArray<AuthorityRecord> =>
  state.status === 'empty' ? [] : recordsIn(state.authorities);

/** The day the authority ceased to exist (merged away, dissolved or split), if it has. */
export function endedOn(record: AuthorityRecord): CalendarDate | undefined {
  switch (record.status) {
    // Stryker disable next-line ConditionalExpression: equivalent, an active record has no `mergedOn`, so falling through to the next case gives `undefined` too
    case 'active':
      return undefined;
    case 'merged':
      return record.mergedOn;
    case 'dissolved':
      return record.dissolvedOn;
    case 'split':
      return record.splitOn;
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = record;
      return _exhaustive;
    }
  }
}

/** True when the authority exists on `date`: registered on or before it, not yet ended. */
export const isActiveOn = (record: AuthorityRecord, date: CalendarDate): boolean => {
  const end = endedOn(record);
  return record.registeredOn <= date && (end === undefined || date < end);
};

/** The authority's name in force on `date` (its first name for earlier dates). */
export const nameOn = (record: AuthorityFacts, date: CalendarDate): BilingualName =>
  nameInForce(record.names, date);
