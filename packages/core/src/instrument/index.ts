/**
 * The instrument registry: instruments recorded once under a canonical key, with their relations;
 * an instrument annulled ab initio by another, and the changes it made withdrawn.
 */
export { checkNotAnnulled, cites, decideAnnulment } from './annulment.js';
export type { Annulment, CitingStream, SourcedEvent } from './annulment.js';
export { checkCitation, resolve } from './citation.js';
export { AnnulInstrument, Command, RecordInstrument } from './commands.js';
export { decider } from './decider.js';
export {
  Event,
  EventVersions,
  InstrumentAnnulled,
  InstrumentRecorded,
  StreamWithdrawal,
} from './events.js';
export { instrumentOf, relatedBy } from './queries.js';
export { DocumentReference } from './reference.js';
export { Citation, Relation, RelationKind } from './relation.js';
export type {
  AnnulmentBySelf,
  AnnulmentHasDependents,
  AnnulmentOfAnnulment,
  AnnulmentRefusal,
  CitesAnnulledInstrument,
  DependentEvent,
  CitationConflict,
  CitationRefusal,
  Refusal,
  RelationNotEarlier,
  UnresolvedCitation,
} from './refusals.js';
export { initialState } from './state.js';
export type { KeyedRelation, RecordedInstrument, RegistryState } from './state.js';
