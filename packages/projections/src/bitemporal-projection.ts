/**
 * The bitemporal projection: for each body or office event, fold the stream's state one step with
 * the core's `evolve`, re-derive that subject's facts, and supersede the ones that changed at the
 * event's recorded instant. One projection feeds the roster, duty, body and holding tables.
 *
 * @see DOMAIN.md rule 11 and "Time"
 */
import { Body, Office } from '@mandate/core';
import type { StoredEvent } from '@mandate/eventstore';
import { decodeReadSideOrThrow } from './decode.js';
import type { FactStore } from './fact-store.js';
import { BODY_FACT_KINDS, OFFICE_FACT_KINDS, bodyFacts, officeFacts } from './facts.js';
import type { Projection } from './projection.js';
import { supersede } from './supersede.js';

function apply(store: FactStore, stored: StoredEvent): void {
  const decoded = decodeReadSideOrThrow(stored);
  switch (decoded.aggregate) {
    case 'body': {
      const { event } = decoded;
      const id = event.data.bodyId;
      const state = Body.evolve(store.bodyState(id), event);
      store.saveBodyState(id, state, event);
      supersede(store, BODY_FACT_KINDS, id, bodyFacts(state), stored.recordedAt);
      return;
    }
    case 'office': {
      const { event } = decoded;
      const id = event.data.officeId;
      const state = Office.decider.evolve(store.officeState(id), event);
      store.saveOfficeState(id, state, event);
      supersede(store, OFFICE_FACT_KINDS, id, officeFacts(state), stored.recordedAt);
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

/** The projection of body and office streams into bitemporal facts (version 1). */
export const bitemporalProjection: Projection<FactStore> = {
  name: 'mandate',
  version: 1,
  handles: [...Object.keys(Body.EventVersions), ...Object.keys(Office.EventVersions)],
  apply,
};
