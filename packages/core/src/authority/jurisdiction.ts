/**
 * Who has jurisdiction, and when (docs/reference/domain.md rule 9). An authority's current authority on a date
 * follows the mergers in force on that date: a province merged away on 2025-07-01 is, from that
 * day, represented by its successor. Its ancestors follow parents, each parent itself followed
 * through its mergers. An issuer may change what an establisher created when, on that date, the
 * issuer exists and is the establisher's current authority or one of that authority's ancestors.
 *
 * Every command to a body or an office asks this, so the walks below allocate nothing and touch
 * only the records on the way up (a handful of look-ups); the parent and merger links they
 * follow are kept on each record by `evolve`.
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

/**
 * The authorities above `authorityId` on `on`, nearest first: its parent, followed through the
 * parent's mergers, then that authority's parent likewise, up to a root. Empty for a root or an
 * unknown id. Callers asking about a merged authority's successor pass the successor's id.
 */
export function ancestorsOf(
  state: RegistryState,
  authorityId: AuthorityId,
  on: CalendarDate,
): ReadonlyArray<AuthorityId> {
  const records = recordsOf(state);
  const ancestors: AuthorityId[] = [];
  let current = recordIn(records, authorityId);
  while (current !== undefined && ancestors.length < records.size) {
    current = parentOn(records, current, on);
    if (current !== undefined) ancestors.push(current.authorityId);
  }
  return ancestors;
}

/**
 * The jurisdiction the registry defines: `issuer` may, on `on`, change what `establisher` created
 * when the issuer is registered and not merged away on `on`, and is the current authority of the
 * establisher on `on` or one of its ancestors on `on`.
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
      let current: AuthorityRecord | undefined = follow(records, establisherRecord, on);
      for (let steps = 0; current !== undefined && steps <= records.size; steps++) {
        if (current.authorityId === issuer) return true;
        current = parentOn(records, current, on);
      }
      return false;
    },
  };
}
