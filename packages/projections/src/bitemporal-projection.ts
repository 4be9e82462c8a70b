/**
 * The bitemporal projection: for each body, office or person event, fold the stream's state one
 * step with the core's `evolve`, derive anew the facts of what the event changed (a body's touched
 * seats, duties, obligations, reports or summary and its names; an office's holdings; a person's
 * record and name), and supersede them at the event's recorded instant; then append the event's
 * change fact. An authority registry event derives its authority's row anew from that row and the
 * event, and appends its change fact too. A recorded instrument adds its record, its relations
 * and its names once; an annulled one (rule 14) has its record superseded by one holding the
 * annulment, and the annulling instrument gains the `annuls` relation unless recorded with it.
 * A withdrawal (rule 14) takes a body, office or person back to its state before the withdrawn
 * events and derives its facts anew — on the authority registry, the rows the withdrawn events
 * changed back to what they were before them — and is a change itself. One projection feeds the body, seat, duty,
 * obligation, report, holding, change, instrument, person, name and authority tables.
 *
 * @see docs/reference/domain.md rules 11, 12 and 14, and "Time"
 */
import { Body, Office, type EventsWithdrawn } from '@mandate/core';
import type { StoredEvent } from '@mandate/eventstore';
import { authorityFact, authorityRowAfter, type AuthoritySummary } from './authority-facts.js';
import { changeFact } from './changes.js';
import {
  aggregateOfStream,
  decodedOrThrow,
  readSideDecoder,
  type ReadSideDecoder,
  type ReadSideDecoding,
  type WithdrawnFrom,
} from './decode.js';
import type { FactStore } from './fact-store.js';
import {
  BODY_FACT_KINDS,
  OFFICE_FACT_KINDS,
  bodyFacts,
  changedBodyFacts,
  officeFacts,
  type DerivedFacts,
} from './facts.js';
import {
  annulledInstrumentFacts,
  instrumentFacts,
  instrumentNameFacts,
  isRecorded,
} from './instrument-facts.js';
import { bodyNameFacts, nameSubject } from './name-facts.js';
import {
  personEvolved,
  personFacts,
  personNameFacts,
  personRecord,
  personRecordBefore,
  type PersonRecord,
} from './person-facts.js';
import type { Projection } from './projection.js';
import { supersede } from './supersede.js';

/** Takes a body back to before its withdrawn events: every one of its facts is derived anew. */
function withdrawnBody(
  store: FactStore,
  id: string,
  count: number,
  event: EventsWithdrawn,
): DerivedFacts {
  const state = store.bodyStateBefore(id, count);
  store.saveBodyState(id, state, event);
  return { scopes: BODY_FACT_KINDS.map((kind) => ({ kind })), facts: bodyFacts(state) };
}

/** Takes an office back to before its withdrawn events: its holdings are derived anew. */
function withdrawnOffice(
  store: FactStore,
  id: string,
  count: number,
  event: EventsWithdrawn,
): DerivedFacts {
  const state = store.officeStateBefore(id, count);
  store.saveOfficeState(id, state, event);
  return { scopes: OFFICE_FACT_KINDS.map((kind) => ({ kind })), facts: officeFacts(state) };
}

/** Supersedes a person's record and name facts with those of `record`. */
function supersedePerson(
  store: FactStore,
  id: string,
  record: PersonRecord,
  at: StoredEvent['recordedAt'],
): void {
  supersede(store, id, personFacts(record), at);
  supersede(store, nameSubject('person', id), personNameFacts(id, record.state), at);
}

/** The current row of an authority, if the read side holds one. */
const authorityRow = (store: FactStore, authorityId: string): AuthoritySummary | undefined =>
  store.openFacts('authority', authorityId)[0]?.payload as AuthoritySummary | undefined;

/** Supersedes an authority's row with `row` (no row when `undefined`). */
function supersedeAuthority(
  store: FactStore,
  authorityId: string,
  row: AuthoritySummary | undefined,
  at: StoredEvent['recordedAt'],
): void {
  const scopes = [{ kind: 'authority' as const, key: authorityId }];
  const facts = row === undefined ? [] : [authorityFact(row)];
  supersede(store, authorityId, { scopes, facts }, at);
}

/**
 * Applies a withdrawal: the body, office or person goes back to before its withdrawn events; on
 * the registry, every authority row those events changed goes back to what it was before them.
 */
function withdraw(
  store: FactStore,
  from: WithdrawnFrom,
  subject: string,
  event: EventsWithdrawn,
  at: StoredEvent['recordedAt'],
): void {
  const count = event.data.withdrawn.length;
  switch (from) {
    case 'body': {
      supersede(store, subject, withdrawnBody(store, subject, count, event), at);
      const names = bodyNameFacts(subject, store.bodyState(subject));
      supersede(store, nameSubject('body', subject), names, at);
      return;
    }
    case 'office':
      supersede(store, subject, withdrawnOffice(store, subject, count, event), at);
      return;
    case 'person':
      supersedePerson(store, subject, personRecordBefore(personRecord(store, subject), count), at);
      return;
    case 'authority': {
      const rows = store.authorityRowsBefore(count);
      store.saveRegistryEvent(event);
      for (const [authorityId, row] of rows) supersedeAuthority(store, authorityId, row, at);
      return;
    }
    default: {
      const _exhaustive: never = from;
      return _exhaustive;
    }
  }
}

function apply(store: FactStore, stored: StoredEvent, decode: ReadSideDecoder): void {
  const decoded = decodedOrThrow(decode, stored);
  switch (decoded.aggregate) {
    case 'body': {
      const { event } = decoded;
      const id = event.data.bodyId;
      const before = store.bodyState(id);
      const state = Body.evolve(before, event);
      store.saveBodyState(id, state, event);
      const changed = changedBodyFacts(before, state);
      supersede(store, id, changed, stored.recordedAt);
      if (changed.scopes.some((scope) => scope.kind === 'body'))
        supersede(store, nameSubject('body', id), bodyNameFacts(id, state), stored.recordedAt);
      const { effectiveOn, source } = event.data;
      const by = { aggregate: 'body', aggregateId: id, effectiveOn, source } as const;
      store.openFact(changeFact(stored, by), stored.recordedAt);
      return;
    }
    case 'office': {
      const { event } = decoded;
      const id = event.data.officeId;
      const state = Office.decider.evolve(store.officeState(id), event);
      store.saveOfficeState(id, state, event);
      const scopes = OFFICE_FACT_KINDS.map((kind) => ({ kind }));
      supersede(store, id, { scopes, facts: officeFacts(state) }, stored.recordedAt);
      const { effectiveOn, source } = event.data;
      const changed = { aggregate: 'office', aggregateId: id, effectiveOn, source } as const;
      store.openFact(changeFact(stored, changed), stored.recordedAt);
      return;
    }
    case 'person': {
      const { event } = decoded;
      const id = event.data.personId;
      supersedePerson(store, id, personEvolved(personRecord(store, id), event), stored.recordedAt);
      const { effectiveOn, source } = event.data;
      const changed = { aggregate: 'person', aggregateId: id, effectiveOn, source } as const;
      store.openFact(changeFact(stored, changed), stored.recordedAt);
      return;
    }
    case 'authority': {
      const { event } = decoded;
      const { authorityId, effectiveOn, source } = event.data;
      const previous = authorityRow(store, authorityId);
      store.saveRegistryEvent(event, previous);
      const row = authorityRowAfter(previous, event);
      if (row !== undefined) supersedeAuthority(store, authorityId, row, stored.recordedAt);
      const changed = {
        aggregate: 'authority',
        aggregateId: authorityId,
        effectiveOn,
        source,
      } as const;
      store.openFact(changeFact(stored, changed), stored.recordedAt);
      return;
    }
    case 'instrument': {
      const { event } = decoded;
      if (event.type === 'InstrumentAnnulled') {
        for (const { subject, derived } of annulledInstrumentFacts(store, event, stored))
          supersede(store, subject, derived, stored.recordedAt);
        return;
      }
      const facts = instrumentFacts(event);
      const [record] = facts;
      if (record === undefined || isRecorded(store, record.subject)) return;
      for (const fact of facts) store.openFact(fact, stored.recordedAt);
      supersede(
        store,
        nameSubject('instrument', record.subject),
        instrumentNameFacts(event),
        stored.recordedAt,
      );
      return;
    }
    case 'withdrawal': {
      const { from, subject, event } = decoded;
      withdraw(store, from, subject, event, stored.recordedAt);
      const { effectiveOn, source } = event.data;
      const changed = { aggregate: from, aggregateId: subject, effectiveOn, source } as const;
      store.openFact(changeFact(stored, changed), stored.recordedAt);
      return;
    }
    case 'other':
      return;
    default: {
      const _exhaustive: never = decoded;
      return _exhaustive;
    }
  }
}

/**
 * The projection of body, office, person, authority and instrument streams into bitemporal facts
 * (version 3: version 1 projected bodies and offices only, so its tables lack the instrument,
 * person, name and authority facts; version 2's instrument records name only the annulling
 * instrument and its change facts lack the event's id — a model of an earlier version is never
 * read as version 3, which is built from the log in tables of its own), decoding
 * events as `decoding` says: against each aggregate's current schema, events stored under older
 * versions through its upcasters — give it the registry the store's command handler uses, or a
 * rebuild stops at the first old event. Every event of those streams is applied, so one of a type
 * or version it does not know is a `CorruptEvent`, not skipped. The read models keep each
 * stream's events as decoded (to fold them again), so a release that changes an event's current
 * version builds a new projection version (`{ ...projection, version }`) rather than catching an
 * old one up.
 *
 * @see docs/reference/domain.md rule 12
 */
export function bitemporalProjectionWith(decoding: ReadSideDecoding): Projection<FactStore> {
  const decode = readSideDecoder(decoding);
  return {
    name: 'mandate',
    version: 3,
    handles: (event) => aggregateOfStream(event.stream) !== 'other',
    apply: (store, stored) => apply(store, stored, decode),
  };
}

/** The bitemporal projection of stores whose events are all at their current schema version. */
export const bitemporalProjection: Projection<FactStore> = bitemporalProjectionWith({});
