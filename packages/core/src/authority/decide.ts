/**
 * Decides commands to the authority registry. An authority is registered once, under a parent
 * not ended by that date — possibly recorded with a later valid date than the child's — or as a
 * root (never under a dissolved or split one, which would leave the child without a superior);
 * renames, mergers, splits, dissolutions and new superiors apply only while it is active;
 * an ended authority accepts nothing more, and one with an authority still under it is neither
 * split nor dissolved; a merger's successor is another authority, active on the date, a split's
 * are at least two, and none lies below or was merged into the authority ended; a new superior
 * lies neither at nor below the authority (the hierarchy stays acyclic).
 *
 * Authorisation (docs/reference/domain.md rule 9 for the registry itself), judged on the instrument's signing
 * date: a child is registered by its parent or an authority above it, a root by itself; every
 * other change needs an authority above the one changed (for a root, the root itself).
 */
import { left, right, type Either } from 'fp-ts/Either';
import { instrumentSource, sameName, type AuthorityId, type LegalBasis } from '../kernel/index.js';
import type {
  AddAuthoritySuperior,
  Command,
  DissolveAuthority,
  MergeAuthority,
  RegisterAuthority,
  RenameAuthority,
  SplitAuthority,
} from './commands.js';
import type { Event } from './events.js';
import { jurisdictionOf } from './jurisdiction.js';
import {
  authorityAlreadyRegistered,
  authorityActiveAfterMerger,
  authorityDissolvedAway,
  authorityHasChildren,
  authorityMergedAway,
  authorityNotActive,
  authorityNotFound,
  authoritySplitAway,
  noJurisdiction,
  splitNeedsTwoSuccessors,
  superiorCycle,
  mergerCycle,
  mergerIntoItself,
  type Refusal,
} from './refusals.js';
import {
  authoritiesOf,
  authorityOf,
  endedOn,
  isActiveOn,
  nameOn,
  type ActiveAuthority,
  type AuthorityRecord,
  type RegistryState,
} from './state.js';

type Decision = Either<Refusal, ReadonlyArray<Event>>;

/**
 * True when the instrument's issuer may change `record`: an authority above it on the signing
 * date or, for a root, the root itself (active then).
 */
const mayGovern = (state: RegistryState, record: AuthorityRecord, basis: LegalBasis): boolean =>
  jurisdictionOf(state).mayChange(
    basis.issuer,
    record.parent ?? record.authorityId,
    basis.signedOn,
  );

/**
 * True when `target` can be reached from `from` by parent, superior, merger and split links,
 * whatever the dates.
 */
function reaches(state: RegistryState, from: AuthorityId, target: AuthorityId): boolean {
  const seen = new Set<AuthorityId>();
  const pending = [from];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (id === target) return true;
    // Stryker disable next-line ConditionalExpression: equivalent, the links form no cycle (every decision keeps them acyclic), so without it the walk visits an authority again and ends all the same
    if (seen.has(id)) continue;
    seen.add(id);
    const record = authorityOf(state, id);
    // Stryker disable next-line ConditionalExpression: equivalent, every id a link names is registered (parents, superiors and successors are checked when linked)
    if (record === undefined) continue;
    if (record.parent !== undefined) pending.push(record.parent);
    for (const link of record.superiors ?? []) pending.push(link.authorityId);
    if (record.status === 'merged') pending.push(record.into);
    if (record.status === 'split') pending.push(...record.into);
  }
  return false;
}

/** The authority a change is about, when it is registered and has not ended. */
function subjectOf(
  state: RegistryState,
  authorityId: AuthorityId,
): Either<Refusal, ActiveAuthority> {
  const record = authorityOf(state, authorityId);
  if (record === undefined) return left(authorityNotFound(authorityId));
  if (record.status === 'merged')
    return left(authorityMergedAway(authorityId, record.into, record.mergedOn));
  if (record.status === 'dissolved')
    return left(authorityDissolvedAway(authorityId, record.dissolvedOn));
  if (record.status === 'split')
    return left(authoritySplitAway(authorityId, record.into, record.splitOn));
  return right(record);
}

function register({ data }: RegisterAuthority, state: RegistryState): Decision {
  const { authorityId, name, level, parent, basis, effectiveOn } = data;
  if (authorityOf(state, authorityId) !== undefined)
    return left(authorityAlreadyRegistered(authorityId));
  if (parent === undefined) {
    if (basis.issuer !== authorityId)
      return left(noJurisdiction(basis.issuer, authorityId, basis.signedOn));
  } else {
    const parentRecord = authorityOf(state, parent);
    if (parentRecord === undefined) return left(authorityNotFound(parent));
    if (!jurisdictionOf(state).mayChange(basis.issuer, parent, basis.signedOn))
      return left(noJurisdiction(basis.issuer, authorityId, basis.signedOn));
    // A dissolved or split parent leaves nobody above a child that outlives it: none is added.
    if (parentRecord.status === 'dissolved')
      return left(authorityDissolvedAway(parent, parentRecord.dissolvedOn));
    if (parentRecord.status === 'split')
      return left(authoritySplitAway(parent, parentRecord.into, parentRecord.splitOn));
    // The parent may have been recorded with a later valid date than the child's (its own
    // registration is often known only from a later instrument); it must not have ended by then.
    const parentEnded = endedOn(parentRecord);
    // Stryker disable next-line ConditionalExpression: equivalent, a date compared with `undefined` is false anyway; the test narrows the type
    if (parentEnded !== undefined && effectiveOn >= parentEnded)
      return left(authorityNotActive(parent, effectiveOn));
  }
  return right([
    {
      type: 'AuthorityRegistered',
      data: {
        authorityId,
        name,
        level,
        ...(parent === undefined ? {} : { parent }),
        effectiveOn,
        source: instrumentSource(basis),
      },
    },
  ]);
}

function rename({ data }: RenameAuthority, state: RegistryState): Decision {
  const { authorityId, name, basis, effectiveOn } = data;
  const subject = subjectOf(state, authorityId);
  if (subject._tag === 'Left') return subject;
  const record = subject.right;
  if (!mayGovern(state, record, basis))
    return left(noJurisdiction(basis.issuer, authorityId, basis.signedOn));
  if (!isActiveOn(record, effectiveOn)) return left(authorityNotActive(authorityId, effectiveOn));
  const previous = nameOn(record, effectiveOn);
  if (sameName(previous, name)) return right([]);
  return right([
    {
      type: 'AuthorityRenamed',
      data: { authorityId, name, previous, effectiveOn, source: instrumentSource(basis) },
    },
  ]);
}

function merge({ data }: MergeAuthority, state: RegistryState): Decision {
  const { authorityId, into, basis, effectiveOn } = data;
  const subject = subjectOf(state, authorityId);
  if (subject._tag === 'Left') return subject;
  const record = subject.right;
  if (into === authorityId) return left(mergerIntoItself(authorityId));
  const successor = authorityOf(state, into);
  if (successor === undefined) return left(authorityNotFound(into));
  if (!mayGovern(state, record, basis))
    return left(noJurisdiction(basis.issuer, authorityId, basis.signedOn));
  if (!isActiveOn(record, effectiveOn)) return left(authorityNotActive(authorityId, effectiveOn));
  if (!isActiveOn(successor, effectiveOn)) return left(authorityNotActive(into, effectiveOn));
  if (effectiveOn <= record.lastReliedOn)
    return left(authorityActiveAfterMerger(authorityId, effectiveOn, record.lastReliedOn));
  if (reaches(state, into, authorityId)) return left(mergerCycle(authorityId, into));
  return right([
    {
      type: 'AuthorityMerged',
      data: { authorityId, into, effectiveOn, source: instrumentSource(basis) },
    },
  ]);
}

/**
 * Dissolves an active authority with no authority under it on the date, after every date the
 * registry relies on it; its bodies are then orphaned until transferred.
 */
function dissolve({ data }: DissolveAuthority, state: RegistryState): Decision {
  const { authorityId, basis, effectiveOn } = data;
  const subject = subjectOf(state, authorityId);
  if (subject._tag === 'Left') return subject;
  const record = subject.right;
  if (!mayGovern(state, record, basis))
    return left(noJurisdiction(basis.issuer, authorityId, basis.signedOn));
  if (!isActiveOn(record, effectiveOn)) return left(authorityNotActive(authorityId, effectiveOn));
  if (effectiveOn <= record.lastReliedOn)
    return left(authorityActiveAfterMerger(authorityId, effectiveOn, record.lastReliedOn));
  const child = childOn(state, authorityId, effectiveOn);
  if (child !== undefined) return left(authorityHasChildren(authorityId, child, effectiveOn));
  return right([
    {
      type: 'AuthorityDissolved',
      data: { authorityId, effectiveOn, source: instrumentSource(basis) },
    },
  ]);
}

/** An authority whose parent is `authorityId` and which is active on `on`, if there is one. */
const childOn = (
  state: RegistryState,
  authorityId: AuthorityId,
  on: ActiveAuthority['registeredOn'],
): AuthorityId | undefined =>
  authoritiesOf(state).find((other) => other.parent === authorityId && isActiveOn(other, on))
    ?.authorityId;

/**
 * Splits an active authority into at least two distinct successors, each registered and active on
 * the date and none below or merged into it, after every date the registry relies on it, with no
 * authority under it then. Its bodies are left to explicit transfers; until then they are orphaned.
 */
function split({ data }: SplitAuthority, state: RegistryState): Decision {
  const { authorityId, into, basis, effectiveOn } = data;
  const subject = subjectOf(state, authorityId);
  if (subject._tag === 'Left') return subject;
  const record = subject.right;
  if (new Set(into).size !== into.length || into.length < 2 || into.includes(authorityId))
    return left(splitNeedsTwoSuccessors(authorityId, into));
  const missing = into.find((id) => authorityOf(state, id) === undefined);
  if (missing !== undefined) return left(authorityNotFound(missing));
  if (!mayGovern(state, record, basis))
    return left(noJurisdiction(basis.issuer, authorityId, basis.signedOn));
  if (!isActiveOn(record, effectiveOn)) return left(authorityNotActive(authorityId, effectiveOn));
  const inactive = into.find((id) => {
    const successor = authorityOf(state, id);
    // Stryker disable next-line ConditionalExpression: equivalent, a successor not registered was refused just before; the test narrows the type
    return successor === undefined || !isActiveOn(successor, effectiveOn);
  });
  if (inactive !== undefined) return left(authorityNotActive(inactive, effectiveOn));
  if (effectiveOn <= record.lastReliedOn)
    return left(authorityActiveAfterMerger(authorityId, effectiveOn, record.lastReliedOn));
  const below = into.find((id) => reaches(state, id, authorityId));
  if (below !== undefined) return left(mergerCycle(authorityId, below));
  const child = childOn(state, authorityId, effectiveOn);
  if (child !== undefined) return left(authorityHasChildren(authorityId, child, effectiveOn));
  return right([
    {
      type: 'AuthoritySplit',
      data: { authorityId, into, effectiveOn, source: instrumentSource(basis) },
    },
  ]);
}

/**
 * Places an active authority also under another superior, active on the date and lying neither
 * at nor below it. Already above it directly (its parent, or a superior added before): nothing to
 * record.
 */
function addSuperior({ data }: AddAuthoritySuperior, state: RegistryState): Decision {
  const { authorityId, superior, basis, effectiveOn } = data;
  const subject = subjectOf(state, authorityId);
  if (subject._tag === 'Left') return subject;
  const record = subject.right;
  const superiorRecord = authorityOf(state, superior);
  if (superiorRecord === undefined) return left(authorityNotFound(superior));
  if (!mayGovern(state, record, basis))
    return left(noJurisdiction(basis.issuer, authorityId, basis.signedOn));
  if (!isActiveOn(record, effectiveOn)) return left(authorityNotActive(authorityId, effectiveOn));
  if (!isActiveOn(superiorRecord, effectiveOn))
    return left(authorityNotActive(superior, effectiveOn));
  if (reaches(state, superior, authorityId)) return left(superiorCycle(authorityId, superior));
  if (
    record.parent === superior ||
    // Stryker disable next-line ArrayDeclaration: equivalent, a string in place of the empty list has no `authorityId`, so `some` stays false
    (record.superiors ?? []).some((link) => link.authorityId === superior)
  )
    return right([]);
  return right([
    {
      type: 'AuthoritySuperiorAdded',
      data: { authorityId, superior, effectiveOn, source: instrumentSource(basis) },
    },
  ]);
}

/** Decides a command against the registry: a refusal, or the events to record. */
export function decide(command: Command, state: RegistryState): Decision {
  switch (command.type) {
    case 'RegisterAuthority':
      return register(command, state);
    case 'RenameAuthority':
      return rename(command, state);
    case 'MergeAuthority':
      return merge(command, state);
    case 'DissolveAuthority':
      return dissolve(command, state);
    case 'SplitAuthority':
      return split(command, state);
    case 'AddAuthoritySuperior':
      return addSuperior(command, state);
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
