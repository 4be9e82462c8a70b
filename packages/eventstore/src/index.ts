/**
 * @mandate/eventstore — the event store port, its error vocabulary, the canonical encoding and
 * hash chain, append limits, verification, upcasting, the catch-up subscription and the
 * in-memory reference store. The conformance suite is `@mandate/eventstore/conformance`.
 */
export type {
  AppendListener,
  AppendRequest,
  AppendResult,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadExpectation,
  ReadStreamOptions,
  StoredEvent,
  StreamAppend,
  StreamName,
  StoreVerifyOptions,
  SubscribeOptions,
  Subscription,
  VerifyReport,
} from './port.js';
export type {
  CorruptEvent,
  InvalidAppend,
  RowTampered,
  StoreError,
  StoreUnavailable,
  StreamNotFound,
  TamperDetected,
  VersionConflict,
} from './errors.js';
export {
  corruptEvent,
  invalidAppend,
  rowTampered,
  storeUnavailable,
  streamNotFound,
  tamperDetected,
  versionConflict,
} from './errors.js';
export { EventMetadataCodec, MAX_TRACE_LENGTH } from './metadata.js';
export type {
  ChainInput,
  EncodedEvent,
  StreamHead,
  UnhashedEvent,
  UnhashedRawEvent,
} from './hash-chain.js';
export { GENESIS_HASH, chainEvents, computeHash, computeRawHash } from './hash-chain.js';
export { MAX_JSON_DEPTH, canonicalJson, tryCanonicalJson } from './canonical-json.js';
export type {
  Checkpoint,
  CheckpointSigner,
  InvalidCheckpoint,
  SignedCheckpoint,
} from './checkpoint.js';
export {
  checkpointBody,
  invalidCheckpoint,
  openCheckpoint,
  signCheckpoint,
  verifierKey,
} from './checkpoint.js';
export type {
  AuditBundle,
  AuditBundleEvent,
  AuditCompleteness,
  AuditScope,
  AuditScopeLeaf,
} from './audit-bundle.js';
export { AUDIT_BUNDLE_FORMAT, createAuditBundle } from './audit-bundle.js';
export type { Checkpointer, CheckpointerOptions, CheckpointSink } from './checkpointer.js';
export { createCheckpointer, directoryCheckpointSink, fileCheckpointSink } from './checkpointer.js';
export type {
  IndexedEvent,
  InstrumentKey,
  ScopeAbsenceProof,
  ScopeLeafProof,
  ScopeRoots,
  TreeHead,
} from './scope-index.js';
export {
  EMPTY_DIGEST,
  ScopeIndex,
  citedInstrument,
  instrumentKeyText,
  nextDigest,
} from './scope-index.js';
export { TLOG_PROOF_HEADER, tlogProof } from './tlog-proof.js';
export type { MerkleFrontier, MerkleTree } from './merkle.js';
export {
  EMPTY_FRONTIER,
  EMPTY_ROOT,
  extendFrontier,
  frontierRoot,
  leafHash,
  leafHashOfBytes,
  merkleTree,
  merkleTreeOfLeaves,
  nodeHash,
} from './merkle.js';
export type { RawStoredEvent } from './raw-event.js';
export { parseRawEvent, parseRawEvents, parseRows, toRawEvent } from './raw-event.js';
export type { AppendLimits, ValidatedAppend, ValidatedStreamAppend } from './limits.js';
export {
  APPEND_LIMITS,
  EVENT_ID_PATTERN,
  EVENT_TYPE_PATTERN,
  STREAM_NAME_PATTERN,
  validateAppend,
} from './limits.js';
export type { AppendContext, AppendPlan } from './append-plan.js';
export { nextRecordedAt, planAppend, revisionConflict } from './append-plan.js';
export type { AppendAnnouncer } from './appended.js';
export { createAppendAnnouncer } from './appended.js';
export type { CatchUpSettings, CatchUpSource, CommitSignal } from './subscription.js';
export {
  DEFAULT_PAGE_SIZE,
  createCatchUpSubscription,
  createCommitSignal,
} from './subscription.js';
export type { LogAnchor, VerifyOptions } from './verify.js';
export { verifyLog } from './verify.js';
export type { CommandRecord, StoreContents, StreamHeadRecord } from './verify-store.js';
export { verifyStore } from './verify-store.js';
export type { VerifyProgress, VerifyProgressListener } from './verify-progress.js';
export { withVerifyProgress } from './verify-progress.js';
export type { Upcaster, UpcasterRegistry, VersionedEvent } from './upcasting.js';
export { NO_UPCASTERS, upcastToCurrent, upcasterRegistry } from './upcasting.js';
export type {
  DecodedEvent,
  EventSchema,
  EventTypeDefinitions,
  EventTypeSchema,
  EventUnionCodec,
} from './schema.js';
export { decodeStored, eventSchema, eventSchemaFromUnion } from './schema.js';
export type { InMemoryEventStoreOptions } from './in-memory-store.js';
export { IN_MEMORY_READ_ALL, createInMemoryEventStore } from './in-memory-store.js';
export { readCount, wholeNumberOption } from './store-options.js';
