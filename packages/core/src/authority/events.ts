/**
 * Events of the authority registry. Each carries its effective date and the instrument behind it
 * (docs/reference/domain.md rule 8), and enough for an auditor without the rest of the stream (a rename names the
 * previous name).
 */
import * as t from 'io-ts';
import {
  AuthorityId,
  BilingualName,
  CalendarDate,
  Source,
  nonEmptyArray,
  struct,
} from '../kernel/index.js';
import { AuthorityLevel } from './level.js';

/** The schema version of every authority event type (docs/reference/domain.md rule 12). */
export const EventVersions = {
  AuthorityRegistered: 1,
  AuthorityRenamed: 1,
  AuthorityMerged: 1,
  AuthorityDissolved: 1,
  AuthoritySplit: 1,
  AuthoritySuperiorAdded: 1,
} as const;

/** An authority was registered, under `parent` or as a root. */
export const AuthorityRegistered = struct('AuthorityRegistered', {
  type: t.literal('AuthorityRegistered'),
  data: struct(
    'AuthorityRegisteredData',
    {
      authorityId: AuthorityId,
      name: BilingualName,
      level: AuthorityLevel,
      effectiveOn: CalendarDate,
      source: Source,
    },
    { parent: AuthorityId },
  ),
});
/** An authority was registered, under `parent` or as a root. */
export type AuthorityRegistered = t.TypeOf<typeof AuthorityRegistered>;

/** An authority took a new name from `effectiveOn`; `previous` was in force until then. */
export const AuthorityRenamed = struct('AuthorityRenamed', {
  type: t.literal('AuthorityRenamed'),
  data: struct('AuthorityRenamedData', {
    authorityId: AuthorityId,
    name: BilingualName,
    previous: BilingualName,
    effectiveOn: CalendarDate,
    source: Source,
  }),
});
/** An authority took a new name from `effectiveOn`; `previous` was in force until then. */
export type AuthorityRenamed = t.TypeOf<typeof AuthorityRenamed>;

/** An authority was merged into `into`: its last day was the day before `effectiveOn`. */
export const AuthorityMerged = struct('AuthorityMerged', {
  type: t.literal('AuthorityMerged'),
  data: struct('AuthorityMergedData', {
    authorityId: AuthorityId,
    into: AuthorityId,
    effectiveOn: CalendarDate,
    source: Source,
  }),
});
/** An authority was merged into `into`: its last day was the day before `effectiveOn`. */
export type AuthorityMerged = t.TypeOf<typeof AuthorityMerged>;

/** An authority was dissolved without a successor: its last day was the day before `effectiveOn`. */
export const AuthorityDissolved = struct('AuthorityDissolved', {
  type: t.literal('AuthorityDissolved'),
  data: struct('AuthorityDissolvedData', {
    authorityId: AuthorityId,
    effectiveOn: CalendarDate,
    source: Source,
  }),
});
/** An authority was dissolved without a successor. */
export type AuthorityDissolved = t.TypeOf<typeof AuthorityDissolved>;

/**
 * An authority was split into the authorities `into` (at least two): its last day was the day
 * before `effectiveOn`. Its bodies pass to a successor only by an explicit transfer; until then
 * they are orphaned.
 */
export const AuthoritySplit = struct('AuthoritySplit', {
  type: t.literal('AuthoritySplit'),
  data: struct('AuthoritySplitData', {
    authorityId: AuthorityId,
    into: nonEmptyArray(AuthorityId),
    effectiveOn: CalendarDate,
    source: Source,
  }),
});
/** An authority was split into several successors. */
export type AuthoritySplit = t.TypeOf<typeof AuthoritySplit>;

/**
 * From `effectiveOn`, `superior` is also above the authority, beside its parent: where the law
 * gives an authority more than one superior, each of them has jurisdiction over what it governs.
 */
export const AuthoritySuperiorAdded = struct('AuthoritySuperiorAdded', {
  type: t.literal('AuthoritySuperiorAdded'),
  data: struct('AuthoritySuperiorAddedData', {
    authorityId: AuthorityId,
    superior: AuthorityId,
    effectiveOn: CalendarDate,
    source: Source,
  }),
});
/** An authority gained another superior beside its parent. */
export type AuthoritySuperiorAdded = t.TypeOf<typeof AuthoritySuperiorAdded>;

/** Any event of the authority registry. */
export const Event = t.union(
  [
    AuthorityRegistered,
    AuthorityRenamed,
    AuthorityMerged,
    AuthorityDissolved,
    AuthoritySplit,
    AuthoritySuperiorAdded,
  ],
  'AuthorityEvent',
);
/** Any event of the authority registry. */
export type Event = t.TypeOf<typeof Event>;
