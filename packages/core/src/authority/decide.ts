/**
 * Decides commands to the authority registry. An authority is registered once, under a parent
 * not ended by that date — possibly recorded with a later valid date than the child's — or as a
 * root; renames, mergers and dissolutions apply only while it is
 * active; a merged or dissolved authority accepts nothing more, and one with an authority still
 * under it is not dissolved; a merger's successor is another authority, active on the date,
 * and never one below or merged into the authority merged away (the hierarchy stays acyclic).
 *
 * Authorisation (docs/reference/domain.md rule 9 for the registry itself), judged on the instrument's signing
 * date: a child is registered by its parent or an authority above it, a root by itself; a rename
 * or merger needs an authority above the one changed (for a root, the root itself).
 */
import { left, right, type Either } from 'fp-ts/Either';
import { instrumentSource, sameName, type AuthorityId, type LegalBasis } from '../kernel/index.js';
import type {
  Command,
  DissolveAuthority,
  MergeAuthority,
  RegisterAuthority,
  RenameAuthority,
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
  noJurisdiction,
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

/** True when `target` can be reached from `from` by parent and merger links, whatever the dates. */
function reaches(state: RegistryState, from: AuthorityId, target: AuthorityId): boolean {
  const seen = new Set<AuthorityId>();
  const pending = [from];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (id === target) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    const record = authorityOf(state, id);
    if (record?.parent !== undefined) pending.push(record.parent);
    if (record?.status === 'merged') pending.push(record.into);
  }
  return false;
}

/** The authority a rename or merger is about, when it is registered and not merged away. */
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
    // The parent may have been recorded with a later valid date than the child's (its own
    // registration is often known only from a later instrument); it must not have ended by then.
    const parentEnded = endedOn(parentRecord);
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
  const child = authoritiesOf(state).find(
    (other) => other.parent === authorityId && isActiveOn(other, effectiveOn),
  );
  if (child !== undefined)
    return left(authorityHasChildren(authorityId, child.authorityId, effectiveOn));
  return right([
    {
      type: 'AuthorityDissolved',
      data: { authorityId, effectiveOn, source: instrumentSource(basis) },
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
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
