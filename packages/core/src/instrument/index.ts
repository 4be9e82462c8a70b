/** The instrument registry: instruments recorded once under a canonical key, with their relations. */
export { checkCitation, resolve } from './citation.js';
export { Command, RecordInstrument } from './commands.js';
export { decider } from './decider.js';
export { Event, EventVersions, InstrumentRecorded } from './events.js';
export { instrumentOf, relatedBy } from './queries.js';
export { DocumentReference } from './reference.js';
export { Citation, Relation, RelationKind } from './relation.js';
export type {
  CitationConflict,
  CitationRefusal,
  Refusal,
  RelationNotEarlier,
  UnresolvedCitation,
} from './refusals.js';
export { initialState } from './state.js';
export type { KeyedRelation, RecordedInstrument, RegistryState } from './state.js';
