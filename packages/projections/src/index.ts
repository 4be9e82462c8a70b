/**
 * @mandate/projections — checkpointed projections of the event log into bitemporal read models:
 * the engine (projection, checkpoint, runner), the naive oracle every read model is proven equal
 * to, the fact derivation and its storage in memory and on SQLite, and the queries answering who
 * sat on a body, with which duties, and the body's lineage, on any date as known at any instant.
 */
export type { Projection } from './projection.js';
export { handles, tablePrefix } from './projection.js';
export type { CheckpointedModel } from './checkpoint.js';
export { applyOnce } from './checkpoint.js';
export type {
  ProjectionRunner,
  ProjectionRunnerOptions,
  RebuildOptions,
  RebuildProgress,
} from './runner.js';
export { startProjection } from './runner.js';
export type { ReadSideEvent } from './decode.js';
export { aggregateOfStream, decodeReadSide, decodeReadSideOrThrow } from './decode.js';
export type {
  BodyEnd,
  BodyStatusOn,
  BodyView,
  DutyView,
  ReadModelQueries,
  RosterSeat,
} from './views.js';
export { createOracle } from './oracle.js';
export type {
  BodySummary,
  Fact,
  FactKind,
  HoldingPayload,
  RecordedFact,
  SeatPayload,
} from './facts.js';
export {
  BEGINNING_OF_TIME,
  BODY_FACT_KINDS,
  OFFICE_FACT_KINDS,
  bodyFacts,
  officeFacts,
} from './facts.js';
export type { FactReader, FactStore, OpenFact } from './fact-store.js';
export { supersede } from './supersede.js';
export { knownAtInstant } from './recorded.js';
export { bitemporalProjection } from './bitemporal-projection.js';
export { createQueries } from './queries.js';
export type { InMemoryReadModel } from './in-memory/read-model.js';
export { createInMemoryReadModel } from './in-memory/read-model.js';
export type { SqliteReadModel } from './sqlite/read-model.js';
export { createSqliteReadModel } from './sqlite/read-model.js';
export {
  CHECKPOINT_TABLE,
  FACT_KINDS,
  factTable,
  schemaStatements,
  streamEventTable,
} from './sqlite/schema.js';
export type {
  ProjectionSpecificationOptions,
  ProjectionThen,
  ProjectionWhen,
} from './specification.js';
export { ProjectionSpecification } from './specification.js';
