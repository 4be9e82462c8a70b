/**
 * Why the authority registry refuses a command: each refusal is a readonly tagged value built by
 * the small constructor beside it, naming the authorities and dates involved.
 */
import type { AuthorityId, CalendarDate, RefusalShape } from '../kernel/index.js';

/** The authority is already in the registry: an authority is registered once. */
export interface AuthorityAlreadyRegistered extends RefusalShape<'AuthorityAlreadyRegistered'> {
  readonly authorityId: AuthorityId;
}
/** The authority is already in the registry: an authority is registered once. */
export const authorityAlreadyRegistered = (
  authorityId: AuthorityId,
): AuthorityAlreadyRegistered => ({
  _tag: 'AuthorityAlreadyRegistered',
  authorityId,
  message: `Authority ${authorityId} is already registered.`,
});

/** The command names an authority (subject, parent or successor) that was never registered. */
export interface AuthorityNotFound extends RefusalShape<'AuthorityNotFound'> {
  readonly authorityId: AuthorityId;
}
/** The command names an authority (subject, parent or successor) that was never registered. */
export const authorityNotFound = (authorityId: AuthorityId): AuthorityNotFound => ({
  _tag: 'AuthorityNotFound',
  authorityId,
  message: `Authority ${authorityId} is not registered.`,
});

/** The authority (subject, parent or successor) does not exist on the date the change needs it. */
export interface AuthorityNotActive extends RefusalShape<'AuthorityNotActive'> {
  readonly authorityId: AuthorityId;
  readonly on: CalendarDate;
}
/** The authority (subject, parent or successor) does not exist on the date the change needs it. */
export const authorityNotActive = (
  authorityId: AuthorityId,
  on: CalendarDate,
): AuthorityNotActive => ({
  _tag: 'AuthorityNotActive',
  authorityId,
  on,
  message: `Authority ${authorityId} is not active on ${on}: not yet registered, or ended.`,
});

/** The authority was merged away: it accepts nothing more. */
export interface AuthorityMergedAway extends RefusalShape<'AuthorityMergedAway'> {
  readonly authorityId: AuthorityId;
  readonly into: AuthorityId;
  readonly mergedOn: CalendarDate;
}
/** The authority was merged away: it accepts nothing more. */
export const authorityMergedAway = (
  authorityId: AuthorityId,
  into: AuthorityId,
  mergedOn: CalendarDate,
): AuthorityMergedAway => ({
  _tag: 'AuthorityMergedAway',
  authorityId,
  into,
  mergedOn,
  message: `Authority ${authorityId} was merged into ${into} on ${mergedOn} and accepts nothing more.`,
});

/** An authority cannot be merged into itself. */
export interface MergerIntoItself extends RefusalShape<'MergerIntoItself'> {
  readonly authorityId: AuthorityId;
}
/** An authority cannot be merged into itself. */
export const mergerIntoItself = (authorityId: AuthorityId): MergerIntoItself => ({
  _tag: 'MergerIntoItself',
  authorityId,
  message: `Authority ${authorityId} cannot be merged into itself.`,
});

/** The successor lies below, or was merged into, the authority being merged: a cycle. */
export interface MergerCycle extends RefusalShape<'MergerCycle'> {
  readonly authorityId: AuthorityId;
  readonly into: AuthorityId;
}
/** The successor lies below, or was merged into, the authority being merged: a cycle. */
export const mergerCycle = (authorityId: AuthorityId, into: AuthorityId): MergerCycle => ({
  _tag: 'MergerCycle',
  authorityId,
  into,
  message: `Merging ${authorityId} into ${into} would make a cycle: ${into} is under, or was merged into, ${authorityId}.`,
});

/** The registry already relies on the authority being active on or after the merger date. */
export interface AuthorityActiveAfterMerger extends RefusalShape<'AuthorityActiveAfterMerger'> {
  readonly authorityId: AuthorityId;
  readonly on: CalendarDate;
  readonly lastReliedOn: CalendarDate;
}
/** The registry already relies on the authority being active on or after the merger date. */
export const authorityActiveAfterMerger = (
  authorityId: AuthorityId,
  on: CalendarDate,
  lastReliedOn: CalendarDate,
): AuthorityActiveAfterMerger => ({
  _tag: 'AuthorityActiveAfterMerger',
  authorityId,
  on,
  lastReliedOn,
  message: `Authority ${authorityId} cannot be merged away on ${on}: it is registered, renamed, a parent or a successor on ${lastReliedOn}.`,
});

/** The instrument's issuer had no jurisdiction, on its signing date, over the authority it changes. */
export interface NoJurisdiction extends RefusalShape<'NoJurisdiction'> {
  readonly rule: 9;
  readonly issuer: AuthorityId;
  readonly authorityId: AuthorityId;
  readonly signedOn: CalendarDate;
}
/** The instrument's issuer had no jurisdiction, on its signing date, over the authority it changes. */
export const noJurisdiction = (
  issuer: AuthorityId,
  authorityId: AuthorityId,
  signedOn: CalendarDate,
): NoJurisdiction => ({
  _tag: 'NoJurisdiction',
  rule: 9,
  issuer,
  authorityId,
  signedOn,
  message: `${issuer} had no jurisdiction on ${signedOn} to register or change ${authorityId}: only an authority above it (or a root itself) has.`,
});

/** The authority was dissolved: it accepts nothing more. */
export interface AuthorityDissolvedAway extends RefusalShape<'AuthorityDissolvedAway'> {
  readonly authorityId: AuthorityId;
  readonly dissolvedOn: CalendarDate;
}
/** The authority was dissolved: it accepts nothing more. */
export const authorityDissolvedAway = (
  authorityId: AuthorityId,
  dissolvedOn: CalendarDate,
): AuthorityDissolvedAway => ({
  _tag: 'AuthorityDissolvedAway',
  authorityId,
  dissolvedOn,
  message: `Authority ${authorityId} was dissolved on ${dissolvedOn} and accepts nothing more.`,
});

/** The authority still has an authority under it on the dissolution date. */
export interface AuthorityHasChildren extends RefusalShape<'AuthorityHasChildren'> {
  readonly authorityId: AuthorityId;
  readonly child: AuthorityId;
  readonly on: CalendarDate;
}
/** The authority still has an authority under it on the dissolution date. */
export const authorityHasChildren = (
  authorityId: AuthorityId,
  child: AuthorityId,
  on: CalendarDate,
): AuthorityHasChildren => ({
  _tag: 'AuthorityHasChildren',
  authorityId,
  child,
  on,
  message: `Authority ${authorityId} cannot be dissolved on ${on}: ${child} is still under it then; merge or dissolve it first.`,
});

/** The authority was split into several successors: it accepts nothing more. */
export interface AuthoritySplitAway extends RefusalShape<'AuthoritySplitAway'> {
  readonly authorityId: AuthorityId;
  readonly into: ReadonlyArray<AuthorityId>;
  readonly splitOn: CalendarDate;
}
/** The authority was split into several successors: it accepts nothing more. */
export const authoritySplitAway = (
  authorityId: AuthorityId,
  into: ReadonlyArray<AuthorityId>,
  splitOn: CalendarDate,
): AuthoritySplitAway => ({
  _tag: 'AuthoritySplitAway',
  authorityId,
  into,
  splitOn,
  message: `Authority ${authorityId} was split into ${into.join(', ')} on ${splitOn} and accepts nothing more.`,
});

/** A split needs at least two distinct successors, none of them the authority split. */
export interface SplitNeedsTwoSuccessors extends RefusalShape<'SplitNeedsTwoSuccessors'> {
  readonly authorityId: AuthorityId;
  readonly into: ReadonlyArray<AuthorityId>;
}
/** A split needs at least two distinct successors, none of them the authority split. */
export const splitNeedsTwoSuccessors = (
  authorityId: AuthorityId,
  into: ReadonlyArray<AuthorityId>,
): SplitNeedsTwoSuccessors => ({
  _tag: 'SplitNeedsTwoSuccessors',
  authorityId,
  into,
  message: `Splitting ${authorityId} needs at least two distinct successors other than itself; got ${into.join(', ')}.`,
});

/** The superior lies at or below the authority: placing one above the other would make a cycle. */
export interface SuperiorCycle extends RefusalShape<'SuperiorCycle'> {
  readonly authorityId: AuthorityId;
  readonly superior: AuthorityId;
}
/** The superior lies at or below the authority: placing one above the other would make a cycle. */
export const superiorCycle = (authorityId: AuthorityId, superior: AuthorityId): SuperiorCycle => ({
  _tag: 'SuperiorCycle',
  authorityId,
  superior,
  message: `${superior} cannot be placed above ${authorityId}: it is ${authorityId} itself, or under or a successor of it.`,
});

/** Why the authority registry refused a command. */
export type Refusal =
  | AuthorityAlreadyRegistered
  | AuthorityNotFound
  | AuthorityNotActive
  | AuthorityMergedAway
  | MergerIntoItself
  | MergerCycle
  | AuthorityActiveAfterMerger
  | AuthorityDissolvedAway
  | AuthorityHasChildren
  | AuthoritySplitAway
  | SplitNeedsTwoSuccessors
  | SuperiorCycle
  | NoJurisdiction;
