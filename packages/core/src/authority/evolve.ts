/**
 * Folds authority events into the registry. Pure and total: the previous state is never mutated
 * (an event copies only the records it touches, in a copy-on-write table), and an event naming an
 * authority the registry does not hold leaves the state as it was.
 */
import { maxDate, type CalendarDate } from '../kernel/index.js';
import { emptyTable, recordIn, withRecords } from './authority-table.js';
import type { Event } from './events.js';
import { nameTimeline, withName } from './name-timeline.js';
import type { AuthorityRecord, RegistryState } from './state.js';

/** The record, noting that the registry relies on it being active on `date`. */
const reliedOn = (record: AuthorityRecord, date: CalendarDate): AuthorityRecord => ({
  ...record,
  lastReliedOn: maxDate(record.lastReliedOn, date),
});

/** Folds one event into the registry. */
export function evolve(state: RegistryState, event: Event): RegistryState {
  const table = state.status === 'empty' ? emptyTable : state.authorities;
  const next = (records: ReadonlyArray<AuthorityRecord | undefined>): RegistryState => {
    const known = records.filter((record) => record !== undefined);
    return known.length === 0
      ? state
      : { status: 'populated', authorities: withRecords(table, known) };
  };
  switch (event.type) {
    case 'AuthorityRegistered': {
      const { authorityId, name, level, parent, effectiveOn } = event.data;
      if (recordIn(table, authorityId) !== undefined) return state;
      const parentRecord = parent === undefined ? undefined : recordIn(table, parent);
      return next([
        {
          status: 'active',
          authorityId,
          level,
          ...(parent === undefined ? {} : { parent }),
          registeredOn: effectiveOn,
          names: nameTimeline(name, effectiveOn),
          lastReliedOn: effectiveOn,
        },
        parentRecord && reliedOn(parentRecord, effectiveOn),
      ]);
    }
    case 'AuthorityRenamed': {
      const { authorityId, name, effectiveOn } = event.data;
      const record = recordIn(table, authorityId);
      return next([
        record && {
          ...reliedOn(record, effectiveOn),
          names: withName(record.names, effectiveOn, name),
        },
      ]);
    }
    case 'AuthorityMerged': {
      const { authorityId, into, effectiveOn } = event.data;
      const record = recordIn(table, authorityId);
      const successor = recordIn(table, into);
      return next([
        record && { ...record, status: 'merged', into, mergedOn: effectiveOn },
        successor && reliedOn(successor, effectiveOn),
      ]);
    }
    case 'AuthorityDissolved': {
      const { authorityId, effectiveOn } = event.data;
      const record = recordIn(table, authorityId);
      return next([record && { ...record, status: 'dissolved', dissolvedOn: effectiveOn }]);
    }
    case 'AuthoritySplit': {
      const { authorityId, into, effectiveOn } = event.data;
      const record = recordIn(table, authorityId);
      return next([
        record && { ...record, status: 'split', into, splitOn: effectiveOn },
        ...into.map((id) => {
          const successor = recordIn(table, id);
          return successor && reliedOn(successor, effectiveOn);
        }),
      ]);
    }
    case 'AuthoritySuperiorAdded': {
      const { authorityId, superior, effectiveOn } = event.data;
      const record = recordIn(table, authorityId);
      const superiorRecord = recordIn(table, superior);
      const link = { authorityId: superior, from: effectiveOn };
      return next([
        record && {
          ...reliedOn(record, effectiveOn),
          superiors: [...(record.superiors ?? []), link],
        },
        superiorRecord && reliedOn(superiorRecord, effectiveOn),
      ]);
    }
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
