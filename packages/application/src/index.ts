/**
 * @mandate/application — command handling for Mandate: decode a submitted command, answer a
 * repeated command id with its first outcome, authorise the actor, load and fold the streams the
 * command touches, decide, and append atomically with optimistic concurrency, retrying a bounded
 * number of times on a version conflict; batches of commands applied all or nothing under one id.
 * Also loaders of folded states for read-side use.
 */
export type {
  CommandHandler,
  CommandHandlerOptions,
  CommandResult,
  SubmitOptions,
} from './handle.js';
export { DEFAULT_MAX_CONFLICT_RETRIES, createCommandHandler } from './handle.js';
export type {
  AnyRefusal,
  CommandAccepted,
  CommandFailure,
  ConflictRetriesExhausted,
  Refused,
  Unauthorised,
} from './result.js';
export { unauthorised } from './result.js';
export type {
  BatchAccepted,
  BatchCallOptions,
  BatchEventIds,
  BatchFailure,
  BatchHandler,
  BatchHandlerOptions,
  BatchPlan,
  DuplicateEventId,
  PlannedCommand,
  PlannedEvent,
  RefusedInBatch,
} from './batch.js';
export {
  BATCH_LIMITS,
  BatchEnvelope,
  createBatchHandler,
  decodeBatch,
  duplicateEventId,
  refusedInBatch,
} from './batch.js';
export type { ActorPolicy } from './authorise.js';
export { allowEveryActor } from './authorise.js';
export type { Aggregate, CommandInput, RoutedCommand } from './command.js';
export { AnyCommand, COMMAND_TYPES, routeCommand } from './command.js';
export {
  Actor,
  CommandEnvelope,
  ENVELOPE_LIMITS,
  MAX_ACTOR_LENGTH,
  TraceId,
  decodeEnvelope,
} from './envelope.js';
export type { InputLimits } from './input-size.js';
export type { LoadResult, Loaders } from './loaders.js';
export type { LoadFailure, Loaded, StreamRevision } from './load.js';
export {
  AUTHORITIES_STREAM,
  FOLLOWERS_STREAM_PREFIX,
  INSTRUMENTS_STREAM,
  bodyStream,
  followersStream,
  officeStream,
  personStream,
} from './streams.js';
