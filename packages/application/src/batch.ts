/**
 * Batches: several commands applied all or nothing, under one command id. The commands are decided
 * in order, each on the states the earlier ones leave (a later command sees what an earlier one
 * decided), then every event of every stream is appended at once, each stream expecting the
 * revision it was first read at and every stream only read expected where it was read. A batch
 * whose id the store has recorded is answered with its first outcome and decided no more; a
 * version conflict decides the whole batch again, a bounded number of times, as `handle` does.
 *
 * `planBatch` decides a batch the same way and appends nothing: it says what each command would
 * record. An annulment is batched with instrument recordings only (rule 14).
 *
 * @see docs/reference/domain.md rules 9 and 10
 */
import { randomUUID } from 'node:crypto';
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import type * as t from 'io-ts';
import {
  CommandId,
  decodeWith,
  nonEmptyArray,
  struct,
  type CalendarDate,
  type DecodeFailure,
} from '@mandate/core';
import {
  NO_UPCASTERS,
  type AppendResult,
  type StreamName,
  type StoreUnavailable,
} from '@mandate/eventstore';
import { annulmentNotAlone } from './annulment-not-alone.js';
import { annulmentMayBatch } from './annulment.js';
import { allowEveryActor } from './authorise.js';
import { AnyCommand, routeCommand } from './command.js';
import { decideCommand } from './decision.js';
import type { Stamp } from './stamp.js';
import { Actor, TraceId } from './envelope.js';
import type { CommandHandlerOptions } from './handle.js';
import { DEFAULT_MAX_CONFLICT_RETRIES } from './handle.js';
import { measureInput, type InputLimits } from './input-size.js';
import { createLoaders } from './loaders.js';
import type { LoadFailure } from './load.js';
import { toNewEvents, type CommandTrace } from './new-events.js';
import { createPendingStreams, type PendingStreams } from './pending-streams.js';
import { conflictRetriesExhausted, type AnyRefusal, type CommandFailure } from './result.js';

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/** The default limits of a batch: 4 Mi characters of JSON, 32 levels of nesting. */
export const BATCH_LIMITS: InputLimits = { maxLength: 4 * 1024 * 1024, maxDepth: 32 };

/** Commands submitted together, all or nothing, with the one id that makes them idempotent. */
export const BatchEnvelope = struct(
  'BatchEnvelope',
  { commandId: CommandId, actor: Actor, commands: nonEmptyArray(AnyCommand, 'Commands') },
  { correlationId: TraceId, causationId: TraceId },
);
/** Commands submitted together, all or nothing, with the one id that makes them idempotent. */
export type BatchEnvelope = t.TypeOf<typeof BatchEnvelope>;

/**
 * Names the events a batch appends: the id of the `event`-th event (from 1) that the `command`-th
 * command (from 0) records. Ids must be unique in the store; the default is a fresh UUID.
 */
export type BatchEventIds = (command: number, event: number) => string;

// ---------------------------------------------------------------------------------------------
// Outcomes
// ---------------------------------------------------------------------------------------------

/** One event a command of a batch records (or would record). */
export interface PlannedEvent {
  readonly eventId: string;
  readonly stream: StreamName;
  readonly type: string;
  /** The valid date on which the event takes effect. */
  readonly effectiveOn: CalendarDate;
}

/** What one command of a batch records: its type and its events (none: nothing to do). */
export interface PlannedCommand {
  readonly type: string;
  readonly events: ReadonlyArray<PlannedEvent>;
}

/** What a batch records (or would record), command by command. */
export interface BatchPlan {
  readonly commandId: CommandId;
  /** True when the store has recorded this batch id before: nothing is decided or appended. */
  readonly duplicate: boolean;
  /** Each command's events, in the batch's order (empty for a duplicate). */
  readonly commands: ReadonlyArray<PlannedCommand>;
}

/** A batch applied, or found applied before (`duplicate`). */
export interface BatchAccepted extends BatchPlan {
  /** Each stream appended to and its revision after the append (none when nothing was). */
  readonly streams: ReadonlyArray<{
    readonly stream: StreamName;
    readonly nextExpectedRevision: bigint;
  }>;
  /** The global position of the last event appended, when any was. */
  readonly lastPosition?: bigint;
  /** How many events this call appended (0 for a duplicate, or when there was nothing to do). */
  readonly events: number;
}

/** A command of a batch was refused by its decider: nothing of the batch was appended. */
export interface RefusedInBatch {
  readonly _tag: 'RefusedInBatch';
  readonly commandId: CommandId;
  /** The refused command's place in the batch, from 0. */
  readonly index: number;
  readonly commandType: string;
  readonly refusal: AnyRefusal;
  readonly message: string;
}

/** An event id the batch would append is already used in a stream it writes, or twice in it. */
export interface DuplicateEventId {
  readonly _tag: 'DuplicateEventId';
  readonly commandId: CommandId;
  /** The command that would record the event, from 0. */
  readonly index: number;
  readonly eventId: string;
  readonly message: string;
}

/** Why a batch was not applied (or could not be planned); nothing was appended. */
export type BatchFailure =
  Exclude<CommandFailure, { readonly _tag: 'Refused' }> | RefusedInBatch | DuplicateEventId;

/** Builds a {@link RefusedInBatch}. */
export const refusedInBatch = (
  commandId: CommandId,
  index: number,
  commandType: string,
  refusal: AnyRefusal,
): RefusedInBatch => ({
  _tag: 'RefusedInBatch',
  commandId,
  index,
  commandType,
  refusal,
  message: `Command ${index + 1} (${commandType}) of ${commandId} was refused: ${refusal.message}`,
});

/** Builds a {@link DuplicateEventId}. */
export const duplicateEventId = (
  commandId: CommandId,
  index: number,
  eventId: string,
): DuplicateEventId => ({
  _tag: 'DuplicateEventId',
  commandId,
  index,
  eventId,
  message: `Command ${index + 1} of ${commandId} would record event ${eventId}, an id already used in the stream it writes`,
});

// ---------------------------------------------------------------------------------------------
// Handler
// ---------------------------------------------------------------------------------------------

/** How to name the events of one batch call. */
export interface BatchCallOptions {
  /** Names each appended event (default: a fresh UUID each). */
  readonly eventIds?: BatchEventIds;
}

/** Applies and plans batches over one store. */
export interface BatchHandler {
  /** Decodes, authorises and decides every command of a batch, then appends all in one go. */
  readonly handleBatch: (
    envelope: unknown,
    options?: BatchCallOptions,
  ) => Promise<Either<BatchFailure, BatchAccepted>>;
  /** Decodes, authorises and decides every command of a batch, appending nothing. */
  readonly planBatch: (
    envelope: unknown,
    options?: BatchCallOptions,
  ) => Promise<Either<BatchFailure, BatchPlan>>;
}

/** How to build a batch handler: as a command handler, with the batch's size limits. */
export type BatchHandlerOptions = Omit<CommandHandlerOptions, 'envelopeLimits' | 'newEventId'> & {
  /** The size and nesting a batch may have (default {@link BATCH_LIMITS}). */
  readonly batchLimits?: InputLimits;
};

/** A batch decided on a pending view of the store, ready to append. */
interface DecidedBatch {
  readonly pending: PendingStreams;
  readonly commands: ReadonlyArray<PlannedCommand>;
}

/** A failure of the whole batch before decoding (too large, too deep, not plain data). */
const batchFailure = (message: string): DecodeFailure => ({
  _tag: 'DecodeFailure',
  expected: BatchEnvelope.name,
  issues: [{ path: '', message }],
  message: `Invalid ${BatchEnvelope.name}: ${message}`,
});

/** Decodes an untrusted batch, refusing it first when it passes `limits` or is not plain data. */
export function decodeBatch(
  input: unknown,
  limits: InputLimits = BATCH_LIMITS,
): Either<DecodeFailure, BatchEnvelope> {
  try {
    const size = measureInput(input, limits);
    switch (size) {
      case 'too-long':
        return left(batchFailure(`the batch is longer than ${limits.maxLength} characters`));
      case 'too-deep':
        return left(batchFailure(`the batch nests deeper than ${limits.maxDepth} levels`));
      case 'not-plain':
        return left(batchFailure('the batch holds an object that is not plain data'));
      case 'within-limits':
        return decodeWith(BatchEnvelope, input);
      default: {
        const _exhaustive: never = size;
        return _exhaustive;
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return left(batchFailure(`the batch could not be read (${reason})`));
  }
}

/** Creates a batch handler over a store; a negative or fractional retry bound is a defect. */
export function createBatchHandler(options: BatchHandlerOptions): BatchHandler {
  const {
    store,
    authorise = allowEveryActor,
    maxConflictRetries = DEFAULT_MAX_CONFLICT_RETRIES,
    upcasters = NO_UPCASTERS,
    batchLimits = BATCH_LIMITS,
  } = options;
  if (!Number.isSafeInteger(maxConflictRetries) || maxConflictRetries < 0) {
    throw new RangeError('maxConflictRetries must be a whole number from 0');
  }

  /** The batch decoded, and either its first outcome (recorded before) or authorised. */
  async function admit(
    input: unknown,
  ): Promise<Either<BatchFailure, { batch: BatchEnvelope; recorded?: AppendResult }>> {
    const decoded = decodeBatch(input, batchLimits);
    if (isLeft(decoded)) return decoded;
    const batch = decoded.right;
    const found = await store.findCommand(batch.commandId);
    if (isLeft(found)) return found;
    if (found.right !== undefined) return right({ batch, recorded: found.right });
    for (const command of batch.commands) {
      const allowed = authorise(batch.actor, command);
      if (isLeft(allowed)) return allowed;
    }
    return right({ batch });
  }

  /** Decides every command in order on a fresh view of the store. */
  async function decideAll(
    batch: BatchEnvelope,
    eventIds: BatchEventIds,
  ): Promise<
    Either<LoadFailure | StoreUnavailable | RefusedInBatch | DuplicateEventId, DecidedBatch>
  > {
    const pending = createPendingStreams(store);
    const loaders = createLoaders({ store: pending.store, upcasters });
    const trace: CommandTrace = {
      commandId: batch.commandId,
      actor: batch.actor,
      correlationId: batch.correlationId ?? batch.commandId,
      causationId: batch.causationId ?? batch.commandId,
    };
    const commands: PlannedCommand[] = [];
    const named = new Set<string>();
    for (const [index, command] of batch.commands.entries()) {
      let count = 0;
      const stamp: Stamp = (events, versions) =>
        toNewEvents(events, versions, trace, () => eventIds(index, ++count));
      if (command.type === 'AnnulInstrument' && !annulmentMayBatch(batch.commands))
        return left(refusedInBatch(batch.commandId, index, command.type, annulmentNotAlone()));
      const decision = await decideCommand(routeCommand(command), loaders, stamp);
      if (isLeft(decision)) return decision;
      if (decision.right._tag === 'Refused')
        return left(refusedInBatch(batch.commandId, index, command.type, decision.right.refusal));
      pending.add(decision.right.appends);
      const events = decision.right.appends.flatMap(({ stream, events: written }) =>
        written.map((event) => ({
          eventId: event.eventId,
          stream,
          type: event.type,
          effectiveOn: event.metadata.validDate,
        })),
      );
      for (const { eventId } of events) {
        if (named.has(eventId)) return left(duplicateEventId(batch.commandId, index, eventId));
        named.add(eventId);
      }
      commands.push({ type: command.type, events });
    }
    const stored = pending.storedEventIds();
    for (const [index, { events }] of commands.entries())
      for (const { eventId } of events)
        if (stored.has(eventId)) return left(duplicateEventId(batch.commandId, index, eventId));
    return right({ pending, commands });
  }

  /** The batch's first outcome, if another submission recorded it meanwhile. */
  async function recordedMeanwhile(
    batch: BatchEnvelope,
  ): Promise<Either<StoreUnavailable, BatchAccepted | undefined>> {
    const found = await store.findCommand(batch.commandId);
    if (isLeft(found)) return found;
    return right(found.right === undefined ? undefined : duplicate(batch.commandId, found.right));
  }

  async function handleBatch(
    input: unknown,
    { eventIds = () => randomUUID() }: BatchCallOptions = {},
  ): Promise<Either<BatchFailure, BatchAccepted>> {
    const admitted = await admit(input);
    if (isLeft(admitted)) return admitted;
    const { batch, recorded } = admitted.right;
    if (recorded !== undefined) return right(duplicate(batch.commandId, recorded));
    for (let attempt = 1; ; attempt++) {
      const decided = await decideAll(batch, eventIds);
      if (isLeft(decided) || decided.right.pending.appends().length === 0) {
        // The states may already hold this very batch, appended by a concurrent submission.
        const meanwhile = await recordedMeanwhile(batch);
        if (isLeft(meanwhile)) return meanwhile;
        if (meanwhile.right !== undefined) return right(meanwhile.right);
        if (isLeft(decided)) return decided;
        return right({
          commandId: batch.commandId,
          duplicate: false,
          commands: decided.right.commands,
          streams: [],
          events: 0,
        });
      }
      const { pending, commands } = decided.right;
      const appends = pending.appends();
      const result = await store.append({
        commandId: batch.commandId,
        appends,
        expectations: pending.expectations(),
      });
      if (!isLeft(result)) {
        return right({
          commandId: batch.commandId,
          duplicate: result.right.duplicate,
          commands: result.right.duplicate ? [] : commands,
          streams: result.right.streams,
          lastPosition: result.right.lastPosition,
          events: result.right.duplicate
            ? 0
            : appends.reduce((sum, { events }) => sum + events.length, 0),
        });
      }
      if (result.left._tag !== 'VersionConflict') return result;
      if (attempt > maxConflictRetries) {
        return left(conflictRetriesExhausted(batch.commandId, attempt, result.left));
      }
    }
  }

  async function planBatch(
    input: unknown,
    { eventIds = () => randomUUID() }: BatchCallOptions = {},
  ): Promise<Either<BatchFailure, BatchPlan>> {
    const admitted = await admit(input);
    if (isLeft(admitted)) return admitted;
    const { batch, recorded } = admitted.right;
    if (recorded !== undefined)
      return right({ commandId: batch.commandId, duplicate: true, commands: [] });
    const decided = await decideAll(batch, eventIds);
    if (isLeft(decided)) return decided;
    return right({
      commandId: batch.commandId,
      duplicate: false,
      commands: decided.right.commands,
    });
  }

  return { handleBatch, planBatch };
}

/** The outcome of a batch the store recorded before: nothing decided or appended now. */
const duplicate = (commandId: CommandId, result: AppendResult): BatchAccepted => ({
  commandId,
  duplicate: true,
  commands: [],
  streams: result.streams,
  lastPosition: result.lastPosition,
  events: 0,
});
