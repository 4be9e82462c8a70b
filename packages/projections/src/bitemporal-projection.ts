/**
 * The bitemporal projection: for each body or office event, fold the stream's state one step with
 * the core's `evolve`, derive anew the facts of what the event changed (a body's touched seats,
 * duties, obligations, reports or summary; an office's holdings), and supersede them at the
 * event's recorded instant; then append the event's change fact. A withdrawal (rule 14) takes the
 * stream back to its state before the withdrawn events and derives all its facts anew. One
 * projection feeds the body,
 * seat, duty, obligation, report, holding and change tables.
 *
 * @see docs/reference/domain.md rules 11 and 12, and "Time"
 */
import { Body, Office, type EventsWithdrawn } from '@mandate/core';
import { NO_UPCASTERS, type StoredEvent, type UpcasterRegistry } from '@mandate/eventstore';
import { changeFact } from './changes.js';
import { aggregateOfStream, decodeReadSideOrThrow } from './decode.js';
import type { FactStore } from './fact-store.js';
import {
  BODY_FACT_KINDS,
  OFFICE_FACT_KINDS,
  bodyFacts,
  changedBodyFacts,
  officeFacts,
  type DerivedFacts,
} from './facts.js';
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

function apply(store: FactStore, stored: StoredEvent, upcasters: UpcasterRegistry): void {
  const decoded = decodeReadSideOrThrow(stored, upcasters);
  switch (decoded.aggregate) {
    case 'body': {
      const { event } = decoded;
      const id = event.data.bodyId;
      const before = store.bodyState(id);
      const state = Body.evolve(before, event);
      store.saveBodyState(id, state, event);
      supersede(store, id, changedBodyFacts(before, state), stored.recordedAt);
      const { effectiveOn, source } = event.data;
      const changed = { aggregate: 'body', aggregateId: id, effectiveOn, source } as const;
      store.openFact(changeFact(stored, changed), stored.recordedAt);
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
    case 'withdrawal': {
      const { from, subject, event } = decoded;
      const count = event.data.withdrawn.length;
      const derived =
        from === 'body'
          ? withdrawnBody(store, subject, count, event)
          : withdrawnOffice(store, subject, count, event);
      supersede(store, subject, derived, stored.recordedAt);
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
 * The projection of body and office streams into bitemporal facts (version 1), reading events
 * stored under older schema versions through `upcasters` — give it the registry the store's
 * command handler uses, or a rebuild stops at the first old event. Every event of those streams
 * is applied, so one of a type it does not know is a `CorruptEvent`, not skipped.
 *
 * @see docs/reference/domain.md rule 12
 */
export function bitemporalProjectionWith(upcasters: UpcasterRegistry): Projection<FactStore> {
  return {
    name: 'mandate',
    version: 1,
    handles: (event) => aggregateOfStream(event.stream) !== 'other',
    apply: (store, stored) => apply(store, stored, upcasters),
  };
}

/** The bitemporal projection of stores whose events are all at their current schema version. */
export const bitemporalProjection: Projection<FactStore> = bitemporalProjectionWith(NO_UPCASTERS);
