/**
 * Commands to the authority registry: register an authority (under a parent, or as a root),
 * rename it, merge it into a successor (provinces were merged in 2025), split it into several,
 * dissolve it, or give it another superior beside its parent.
 */
import * as t from 'io-ts';
import {
  AuthorityId,
  BilingualName,
  CalendarDate,
  LegalBasis,
  nonEmptyArray,
  struct,
} from '../kernel/index.js';
import { AuthorityLevel } from './level.js';

/** Registers an authority, under `parent` or, without one, as a root of the hierarchy. */
export const RegisterAuthority = struct('RegisterAuthority', {
  type: t.literal('RegisterAuthority'),
  data: struct(
    'RegisterAuthorityData',
    {
      authorityId: AuthorityId,
      name: BilingualName,
      level: AuthorityLevel,
      basis: LegalBasis,
      effectiveOn: CalendarDate,
    },
    { parent: AuthorityId },
  ),
});
/** Registers an authority, under `parent` or, without one, as a root of the hierarchy. */
export type RegisterAuthority = t.TypeOf<typeof RegisterAuthority>;

/** Renames an authority from `effectiveOn`; it keeps its identity and its earlier names. */
export const RenameAuthority = struct('RenameAuthority', {
  type: t.literal('RenameAuthority'),
  data: struct('RenameAuthorityData', {
    authorityId: AuthorityId,
    name: BilingualName,
    basis: LegalBasis,
    effectiveOn: CalendarDate,
  }),
});
/** Renames an authority from `effectiveOn`; it keeps its identity and its earlier names. */
export type RenameAuthority = t.TypeOf<typeof RenameAuthority>;

/** Merges an authority away into `into`, which takes over its bodies and offices from `effectiveOn`. */
export const MergeAuthority = struct('MergeAuthority', {
  type: t.literal('MergeAuthority'),
  data: struct('MergeAuthorityData', {
    authorityId: AuthorityId,
    into: AuthorityId,
    basis: LegalBasis,
    effectiveOn: CalendarDate,
  }),
});
/** Merges an authority away into `into`, which takes over its bodies and offices from `effectiveOn`. */
export type MergeAuthority = t.TypeOf<typeof MergeAuthority>;

/**
 * Dissolves an authority without a successor: its last day is the day before `effectiveOn`. Its
 * bodies are orphaned until transferred (docs/reference/domain.md "Authorities change too").
 */
export const DissolveAuthority = struct('DissolveAuthority', {
  type: t.literal('DissolveAuthority'),
  data: struct('DissolveAuthorityData', {
    authorityId: AuthorityId,
    basis: LegalBasis,
    effectiveOn: CalendarDate,
  }),
});
/** Dissolves an authority without a successor. */
export type DissolveAuthority = t.TypeOf<typeof DissolveAuthority>;

/**
 * Splits an authority into at least two successors, each registered and active on `effectiveOn`:
 * its last day is the day before. Which successor takes which of its bodies is said by transfers
 * (`TransferBody`), usually in the same batch; a body left without one is orphaned.
 */
export const SplitAuthority = struct('SplitAuthority', {
  type: t.literal('SplitAuthority'),
  data: struct('SplitAuthorityData', {
    authorityId: AuthorityId,
    into: nonEmptyArray(AuthorityId),
    basis: LegalBasis,
    effectiveOn: CalendarDate,
  }),
});
/** Splits an authority into several successors. */
export type SplitAuthority = t.TypeOf<typeof SplitAuthority>;

/**
 * Places an authority also under `superior` from `effectiveOn`, beside its parent, where the law
 * says so (the provincial People's Council elects the chair of the People's Committee; the Prime
 * Minister approves the choice).
 */
export const AddAuthoritySuperior = struct('AddAuthoritySuperior', {
  type: t.literal('AddAuthoritySuperior'),
  data: struct('AddAuthoritySuperiorData', {
    authorityId: AuthorityId,
    superior: AuthorityId,
    basis: LegalBasis,
    effectiveOn: CalendarDate,
  }),
});
/** Places an authority also under another superior. */
export type AddAuthoritySuperior = t.TypeOf<typeof AddAuthoritySuperior>;

/** Any command to the authority registry. */
export const Command = t.union(
  [
    RegisterAuthority,
    RenameAuthority,
    MergeAuthority,
    DissolveAuthority,
    SplitAuthority,
    AddAuthoritySuperior,
  ],
  'AuthorityCommand',
);
/** Any command to the authority registry. */
export type Command = t.TypeOf<typeof Command>;
