/**
 * The event store port: what Mandate needs from any backend (in-memory, SQLite, PostgreSQL,
 * EventStoreDB/KurrentDB). Every adapter implements it identically and passes the conformance
 * suite (`@mandate/eventstore/conformance`).
 *
 * Revisions count from 0 within a stream, as in EventStoreDB; global positions count from 1 in
 * the order events were committed, without gaps (0 means "before the first event").
 */
import type { Either } from 'fp-ts/Either';
import type { CalendarDate, CommandId, Instant } from '@mandate/core';
import type { Checkpoint } from './checkpoint.js';
import type {
  CorruptEvent,
  RowTampered,
  StoreError,
  StoreUnavailable,
  StreamNotFound,
  TamperDetected,
} from './errors.js';
import type { ExpectedRevision, StreamName } from './stream.js';
import type { VerifyProgressListener } from './verify-progress.js';

export type { ExpectedRevision, StreamName } from './stream.js';

/** Who or what caused an event, for the audit trail. */
export interface EventMetadata {
  /** The valid date on which the event takes legal effect. */
  readonly validDate: CalendarDate;
  /** The command that produced the event. */
  readonly commandId: CommandId;
  /** Groups every event of one business transaction. */
  readonly correlationId: string;
  /** The id of the message (command or event) that caused this one. */
  readonly causationId: string;
  /** The user or system that submitted the command. */
  readonly actor: string;
}

/** An event to append: everything but what the store stamps. */
export interface NewEvent {
  /** A unique id chosen by the caller (a UUID); appending the same id twice is not deduplicated. */
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  /** JSON-compatible payload. */
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** An event as stored: the new event plus what the store stamped on it. */
export interface StoredEvent extends NewEvent {
  readonly stream: StreamName;
  /** The event's place in its stream, from 0. */
  readonly revision: bigint;
  /** The event's place in the whole log, from 1, without gaps. */
  readonly position: bigint;
  /** When the store recorded the event, from the store's clock (recorded time). */
  readonly recordedAt: Instant;
  /** The hash of the previous event in the same stream (64 zeros for revision 0). */
  readonly previousHash: string;
  /** SHA-256 (hex) over the canonical encoding of this envelope and `previousHash`. */
  readonly hash: string;
}

/** One stream's part of an append. */
export interface StreamAppend {
  readonly stream: StreamName;
  readonly expectedRevision: ExpectedRevision;
  readonly events: ReadonlyArray<NewEvent>;
}

/**
 * A stream an append relies on without writing to it: the append commits only if the stream is
 * still where the caller read it, checked in the same transaction as the writes. A change
 * committed to it between the read and the append makes the append a {@link VersionConflict}
 * naming this stream, and nothing is written.
 *
 * @see docs/reference/domain.md rule 17
 */
export interface ReadExpectation {
  readonly stream: StreamName;
  /** Where the stream must be: empty, not empty, or exactly at this revision. */
  readonly expectedRevision: Exclude<ExpectedRevision, 'any'>;
}

/** An atomic append to one or more streams, on behalf of one command. */
export interface AppendRequest {
  /**
   * The command on whose behalf the events are appended. When given, the store records it in the
   * same transaction, and a later append with the same id appends nothing and returns the first
   * result with `duplicate: true` — also across processes and restarts.
   */
  readonly commandId?: CommandId;
  readonly appends: ReadonlyArray<StreamAppend>;
  /**
   * Streams the command read and relies on but does not write (at most as many as the streams an
   * append may touch; none of them also written by this append).
   */
  readonly expectations?: ReadonlyArray<ReadExpectation>;
}

/** What an append did. */
export interface AppendResult {
  /** Each stream's revision after the append, in the request's order. */
  readonly streams: ReadonlyArray<{
    readonly stream: StreamName;
    readonly nextExpectedRevision: bigint;
  }>;
  /** The global position of the last event appended. */
  readonly lastPosition: bigint;
  /** True when the command id had been recorded before and nothing was appended now. */
  readonly duplicate: boolean;
}

/** Options for reading one stream. */
export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** The first revision to read (default: 0 forwards, the last one backwards). */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

/** Options for reading one page of the whole log. */
export interface ReadAllOptions {
  /** Read events with a position strictly greater than this (default 0: from the start). */
  readonly after?: bigint;
  /** The most events to return (default and upper bound chosen by the adapter, at least 1,000). */
  readonly maxCount?: number;
}

/** A live subscription to the whole log. */
export interface Subscription {
  /** Resolves once every event committed before the call has been delivered to the handler. */
  readonly waitUntilCaughtUp: () => Promise<void>;
  /** Stops delivery; resolves when the handler will not be called again. */
  readonly stop: () => Promise<void>;
}

/** Options for subscribing to the whole log. */
export interface SubscribeOptions {
  /** Deliver events with a position strictly greater than this (default 0). */
  readonly after?: bigint;
  /** Called once per event, in position order, never concurrently, never skipping or repeating. */
  readonly onEvent: (event: StoredEvent) => Promise<void> | void;
  /** Called when the subscription stops because of an error (the handler's or the store's). */
  readonly onError?: (error: StoreError | unknown) => void;
}

/**
 * Told of the events one append of this store object committed, in position order, right after
 * the commit. Must not throw and must not change the events.
 */
export type AppendListener = (events: ReadonlyArray<StoredEvent>) => void;

/** The first broken link `verify` found, if any. */
export type VerifyReport =
  | { readonly ok: true; readonly streams: number; readonly events: bigint }
  | { readonly ok: false; readonly problem: TamperDetected | CorruptEvent | RowTampered };

/** Options of a store's `verify`. */
export interface StoreVerifyOptions {
  /**
   * A checkpoint kept outside the store (opened with its verifier key): the log must hold at
   * least its size, and the Merkle root of its first `size` events must be the checkpoint's.
   */
  readonly checkpoint?: Checkpoint;
  /**
   * True when every event was appended with its command id recorded (as the application does):
   * then an event whose command id has no row is reported, and each command row must name
   * exactly the last events carrying its id.
   */
  readonly everyCommandRecorded?: boolean;
  /**
   * Told how far the walk of the log has gone: `{ done: 0n, total }` first (`total`: the events
   * the log held when the walk began), then after each event checked. A walk that finds a problem
   * stops reporting there.
   */
  readonly onProgress?: VerifyProgressListener;
}

/** The event store port. */
export interface EventStore {
  /** Appends events to one or more streams atomically, each with its expected revision. */
  readonly append: (request: AppendRequest) => Promise<Either<StoreError, AppendResult>>;
  /**
   * The result recorded for a command id by an earlier append (marked `duplicate: true`, as a
   * repeated append returns it), or `undefined` when none was. Lets the application answer a
   * repeated command with its first outcome before deciding it again.
   */
  readonly findCommand: (
    commandId: CommandId,
  ) => Promise<Either<StoreUnavailable, AppendResult | undefined>>;
  /** Reads one stream's events. */
  readonly readStream: (
    stream: StreamName,
    options?: ReadStreamOptions,
  ) => Promise<
    Either<StreamNotFound | StoreUnavailable | CorruptEvent, ReadonlyArray<StoredEvent>>
  >;
  /** Reads one page of the whole log in global order; an empty page means the end. */
  readonly readAll: (
    options?: ReadAllOptions,
  ) => Promise<Either<StoreUnavailable | CorruptEvent, ReadonlyArray<StoredEvent>>>;
  /**
   * Registers a listener told of the events each append made through this store object commits
   * (not those of other processes or store objects: read those with `readAll`); returns the
   * function that unregisters it. Optional: a follower without it reads the log instead.
   */
  readonly onAppended?: (listener: AppendListener) => () => void;
  /** Catches up from a position, then delivers live events as they are committed. */
  readonly subscribe: (options: SubscribeOptions) => Subscription;
  /**
   * Walks the whole store: the log (revisions, positions, the hash chain, and the Merkle root
   * against a checkpoint when given), every stream head and every recorded command id.
   */
  readonly verify: (
    options?: StoreVerifyOptions,
  ) => Promise<Either<StoreUnavailable, VerifyReport>>;
  /** Releases the store's resources. */
  readonly close: () => Promise<void>;
}
