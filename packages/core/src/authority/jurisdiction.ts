/**
 * Who has jurisdiction, and when (docs/reference/domain.md rule 9). An authority's current authority on a date
 * follows the mergers in force on that date: a province merged away on 2025-07-01 is, from that
 * day, represented by its successor. Its superiors are its parent and, where the law gives it
 * more than one, the other superiors in force on that date; each superior is itself followed
 * through its mergers. An issuer may change what an establisher created when, on that date, the
 * issuer exists and is the establisher's current authority or lies above it along any path of
 * superiors. A split or dissolved authority stands for itself: nobody succeeds to it.
 *
 * Every command to a body or an office asks this, so the walks below allocate nothing while an
 * authority has only its parent above it, and touch only the records on the way up (a handful of
 * look-ups); the links they follow are kept on each record by `evolve`.
 *
 * @see docs/reference/domain.md rule 9
 */
import type { AuthorityId, CalendarDate, Jurisdiction } from '../kernel/index.js';
import { emptyTable, recordIn, type AuthorityTable } from './authority-table.js';
import { isActiveOn, type AuthorityRecord, type RegistryState } from './state.js';

type Records = AuthorityTable<AuthorityRecord>;

const recordsOf = (state: RegistryState): Records =>
  state.status === 'empty' ? emptyTable : state.authorities;

/**
 * Follows the mergers of `record` in force on `on` to the authority that stands for it then.
 * The step bound only guarantees termination on a corrupt history; an accepted one is acyclic.
 */
function follow(records: Records, record: AuthorityRecord, on: CalendarDate): AuthorityRecord {
  let current = record;
  // Stryker disable next-line EqualityOperator: equivalent, an acyclic chain of mergers returns before the bound; one step more or less still ends a cycle
  for (let steps = 0; steps < records.size; steps++) {
    if (current.status !== 'merged' || current.mergedOn > on) return current;
    const next = recordIn(records, current.into);
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

/** The authority above `record` on `on`: its parent, followed through the parent's mergers. */
function parentOn(records: Records, record: AuthorityRecord, on: CalendarDate) {
  const parent = record.parent === undefined ? undefined : recordIn(records, record.parent);
  return parent === undefined ? undefined : follow(records, parent, on);
}

/**
 * The authority that stands for `authorityId` on `on`: itself, or the successor it was merged
 * into (transitively) by then; `undefined` when it was never registered.
 */
export function currentAuthorityOf(
  state: RegistryState,
  authorityId: AuthorityId,
  on: CalendarDate,
): AuthorityId | undefined {
  const records = recordsOf(state);
  const record = recordIn(records, authorityId);
  return record === undefined ? undefined : follow(records, record, on).authorityId;
}

/** The superiors of `record` beside its parent in force on `on`, each followed through its mergers. */
function otherSuperiorsOn(
  records: Records,
  record: AuthorityRecord,
  on: CalendarDate,
): ReadonlyArray<AuthorityRecord> {
  if (record.superiors === undefined) return [];
  const superiors: AuthorityRecord[] = [];
  for (const link of record.superiors) {
    const superior = link.from <= on ? recordIn(records, link.authorityId) : undefined;
    if (superior !== undefined) superiors.push(follow(records, superior, on));
  }
  return superiors;
}

/**
 * The authorities above `authorityId` on `on`, nearest first (breadth first, each once): its
 * parent, followed through the parent's mergers, and its other superiors in force then, then
 * theirs likewise, up to the roots. Empty for a root or an unknown id. Callers asking about a
 * merged authority's successor pass the successor's id.
 */
export function ancestorsOf(
  state: RegistryState,
  authorityId: AuthorityId,
  on: CalendarDate,
): ReadonlyArray<AuthorityId> {
  const records = recordsOf(state);
  const start = recordIn(records, authorityId);
  // Stryker disable next-line ConditionalExpression: equivalent, the walk below ends at once on an unknown start; the test narrows the type
  if (start === undefined) return [];
  const seen = new Set<AuthorityId>([authorityId]);
  const ancestors: AuthorityId[] = [];
  const queue: AuthorityRecord[] = [start];
  for (let record = queue.shift(); record !== undefined; record = queue.shift()) {
    const parent = parentOn(records, record, on);
    for (const above of parent === undefined
      ? otherSuperiorsOn(records, record, on)
      : [parent, ...otherSuperiorsOn(records, record, on)]) {
      if (seen.has(above.authorityId)) continue;
      seen.add(above.authorityId);
      ancestors.push(above.authorityId);
      queue.push(above);
    }
  }
  return ancestors;
}

/**
 * The jurisdiction the registry defines: `issuer` may, on `on`, change what `establisher` created
 * when the issuer is registered and not ended on `on`, and is the current authority of the
 * establisher on `on` or one of its ancestors on `on`, along any path of superiors.
 *
 * @see docs/reference/domain.md rule 9
 */
export function jurisdictionOf(state: RegistryState): Jurisdiction {
  const records = recordsOf(state);
  return {
    mayChange(issuer, establisher, on) {
      const issuerRecord = recordIn(records, issuer);
      const establisherRecord = recordIn(records, establisher);
      if (issuerRecord === undefined || establisherRecord === undefined) return false;
      if (!isActiveOn(issuerRecord, on)) return false;
      // The parent chain first, allocating nothing; other superiors met on the way wait in
      // `pending`, each once (`queued`), both created only for an authority that has them. So
      // at most `records.size` chains are walked, each of at most `records.size` steps: the
      // bound only ends a walk round a cycle, which only a corrupt log holds.
      let pending: AuthorityRecord[] | undefined;
      let queued: Set<AuthorityId> | undefined;
      let current: AuthorityRecord | undefined = follow(records, establisherRecord, on);
      // Stryker disable next-line ArithmeticOperator: equivalent, each chain is a path of the parent forest walked from a distinct authority, so an acyclic walk takes at most size·(size+1)/2 steps, which a bound of size·(size−1) allows too
      const bound = records.size * (records.size + 1);
      // Stryker disable next-line EqualityOperator: equivalent, the bound is never reached on an acyclic registry; one step more or less still ends a cycle
      for (let steps = 0; current !== undefined && steps <= bound; steps++) {
        if (current.authorityId === issuer) return true;
        // Stryker disable next-line ConditionalExpression: equivalent, an authority without superiors has none in force, so the loop adds nothing; the test only saves the call
        if (current.superiors !== undefined)
          for (const above of otherSuperiorsOn(records, current, on)) {
            queued ??= new Set();
            if (queued.has(above.authorityId)) continue;
            queued.add(above.authorityId);
            // Stryker disable next-line ArrayDeclaration: equivalent, a string in the list is taken last and has no parent or superiors, so the walk ends as it would
            (pending ??= []).push(above);
          }
        current = parentOn(records, current, on) ?? pending?.pop();
      }
      return false;
    },
  };
}
