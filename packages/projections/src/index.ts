/**
 * @mandate/projections — checkpointed projections of the event log into bitemporal read models:
 * the engine (projection, checkpoint, runner), the naive oracle every read model is proven equal
 * to, the fact derivation, its storage port and its storage in memory (SQLite's is in
 * `@mandate/adapter-sqlite/read-model`, PostgreSQL's in `@mandate/adapter-postgres/read-model`),
 * blue/green deployment of a new projection version, and the queries answering who sat on a body, with which
 * duties, and the body's lineage, what a person held, which reports were filed, late or missing,
 * what an instrument (or a span of dates) changed, a recorded instrument with its relations both
 * ways, and bodies, persons and instruments found by name with or without Vietnamese diacritics,
 * on any date as known at any instant.
 */
export type { Projection } from './projection.js';
export { tablePrefix } from './projection.js';
export type { CheckpointAhead, CheckpointMismatch, CheckpointedModel } from './checkpoint.js';
export { applyBatch, applyOnce, verifyCheckpoint } from './checkpoint.js';
export type {
  CatchUpError,
  CatchUpOptions,
  ProjectionRunner,
  ProjectionRunnerOptions,
  RebuildOptions,
  RebuildProgress,
} from './runner.js';
export { catchUp, startProjection } from './runner.js';
export type {
  ReadSideDecoder,
  ReadSideDecoding,
  ReadSideEvent,
  ReadSideSchemas,
} from './decode.js';
export {
  CURRENT_READ_SIDE_SCHEMAS,
  aggregateOfStream,
  decodeReadSide,
  decodeReadSideOrThrow,
  readSideDecoder,
} from './decode.js';
export type {
  BodyEnd,
  BodyStatusOn,
  BodyView,
  ChangeView,
  ComplianceView,
  DutyView,
  InstrumentCitation,
  InstrumentAnnulment,
  InstrumentRecord,
  InstrumentRelationView,
  InstrumentView,
  OfficeTenure,
  PersonView,
  PersonHoldings,
  ReadModelQueries,
  RosterSeat,
  SeatBasis,
  SeatTenure,
} from './views.js';
export { createOracle } from './oracle.js';
export type {
  InvalidQuery,
  QueryError,
  UnknownAuthority,
  UnknownBody,
  UnknownInstrument,
  UnknownPerson,
} from './query-errors.js';
export {
  invalidQuery,
  unknownAuthority,
  unknownBody,
  unknownInstrument,
  unknownPerson,
} from './query-errors.js';
export type { AuthorityQueries, JurisdictionView, OrphanView } from './authority-views.js';
export type { AuthorityEnd, AuthoritySummary, SuperiorFrom } from './authority-facts.js';
export type { RelationPayload } from './instrument-facts.js';
export type { NamePayload, NamedKind } from './name-facts.js';
export type { PersonPayload } from './person-facts.js';
export { foldForSearch, matchesSearch } from './search-fold.js';
export type {
  BodySummary,
  Fact,
  FactKind,
  HoldingPayload,
  ObligationPayload,
  RecordedFact,
  ReportPayload,
  SeatPayload,
} from './facts.js';
export {
  BEGINNING_OF_TIME,
  BODY_FACT_KINDS,
  OFFICE_FACT_KINDS,
  bodyFacts,
  officeFacts,
} from './facts.js';
export type { FactReader, FactStore, OpenFact, RosterFacts } from './fact-store.js';
export { rosterFactsOneByOne, seatOffice } from './fact-store.js';
export type { FactRow } from './fact-row.js';
export { factOfRow } from './fact-row.js';
export type { BoundedCache } from './bounded-cache.js';
export { boundedCache } from './bounded-cache.js';
export type { FoldedStream } from './withdrawal.js';
export { before, folded, foldStream, unfolded } from './withdrawal.js';
export type { AuthorityStep, RegistryStream } from './registry-stream.js';
export {
  authorityRowsBefore,
  foldRegistry,
  registryFolded,
  unfoldedRegistry,
} from './registry-stream.js';
export type { ChangePayload, ChangedBy } from './changes.js';
export { changeFact } from './changes.js';
export { supersede } from './supersede.js';
export { knownAtInstant } from './recorded.js';
export { bitemporalProjection, bitemporalProjectionWith } from './bitemporal-projection.js';
export { createQueries } from './queries.js';
export type { InMemoryReadModel } from './in-memory/read-model.js';
export { createInMemoryReadModel } from './in-memory/read-model.js';
export type {
  ActiveVersionRegistry,
  Deployment,
  DeploymentOptions,
  DeploymentOutcome,
  VersionedReadModel,
} from './blue-green.js';
export {
  ACTIVE_VERSION_TABLE,
  createInMemoryActiveVersions,
  deployProjection,
} from './blue-green.js';
export { CHECKPOINT_TABLE, FACT_KINDS, factTable, streamEventTable } from './tables.js';
export type {
  FreshModel,
  ProjectionSpecificationOptions,
  ProjectionThen,
  ProjectionWhen,
} from './specification.js';
export { ProjectionSpecification } from './specification.js';
