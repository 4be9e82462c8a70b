/**
 * The event store's error vocabulary and the small constructors that build it. Every adapter maps
 * its driver's failures into these tagged values in one module of its own; callers recognise them
 * by `_tag`, never by `instanceof`.
 */
import type { ExpectedRevision, StreamName } from './stream.js';

/** The stream's revision is not the one the append expected. Nothing was appended. */
export interface VersionConflict {
  readonly _tag: 'VersionConflict';
  readonly stream: StreamName;
  readonly expected: ExpectedRevision;
  /** The stream's actual revision, or `'no-stream'` when it has no events. */
  readonly actual: bigint | 'no-stream';
  readonly message: string;
}

/** A read asked for a stream that has no events. */
export interface StreamNotFound {
  readonly _tag: 'StreamNotFound';
  readonly stream: StreamName;
  readonly message: string;
}

/** The store could not be reached or failed; `retryable` says whether trying again may help. */
export interface StoreUnavailable {
  readonly _tag: 'StoreUnavailable';
  readonly retryable: boolean;
  readonly message: string;
  readonly cause?: unknown;
}

/** A stored event could not be read back: bad JSON, unknown type or version, or a failed decode. */
export interface CorruptEvent {
  readonly _tag: 'CorruptEvent';
  readonly stream: StreamName;
  readonly revision: bigint;
  readonly message: string;
}

/** The hash chain is broken at this stream revision or global position. */
export interface TamperDetected {
  readonly _tag: 'TamperDetected';
  readonly stream: StreamName;
  readonly revision: bigint;
  readonly position?: bigint;
  readonly message: string;
}

/** A row kept beside the log (a stream head, a recorded command id) does not match the log. */
export interface RowTampered {
  readonly _tag: 'RowTampered';
  readonly table: 'streams' | 'commands';
  /** The row's key: the stream name, or the command id. */
  readonly key: string;
  readonly message: string;
}

/** An event or append was refused before reaching storage (too large, not JSON, bad name). */
export interface InvalidAppend {
  readonly _tag: 'InvalidAppend';
  readonly message: string;
}

/** Every error the event store port can return. */
export type StoreError =
  | VersionConflict
  | StreamNotFound
  | StoreUnavailable
  | CorruptEvent
  | TamperDetected
  | InvalidAppend;

// ---------------------------------------------------------------------------------------------
// Constructors
// ---------------------------------------------------------------------------------------------

/** Builds a {@link VersionConflict}: `stream` is at `actual`, not where the append `expected`. */
export const versionConflict = (
  stream: StreamName,
  expected: ExpectedRevision,
  actual: bigint | 'no-stream',
): VersionConflict => ({
  _tag: 'VersionConflict',
  stream,
  expected,
  actual,
  message: `Stream ${JSON.stringify(stream)} was expected at ${String(expected)} but is at ${String(actual)}`,
});

/** Builds a {@link StreamNotFound} for a read of a stream that has no events. */
export const streamNotFound = (stream: StreamName): StreamNotFound => ({
  _tag: 'StreamNotFound',
  stream,
  message: `Stream ${JSON.stringify(stream)} has no events`,
});

/** Builds a {@link StoreUnavailable}; `cause` is kept only when given. */
export const storeUnavailable = (
  message: string,
  retryable: boolean,
  cause?: unknown,
): StoreUnavailable =>
  cause === undefined
    ? { _tag: 'StoreUnavailable', retryable, message }
    : { _tag: 'StoreUnavailable', retryable, message, cause };

/** Builds a {@link CorruptEvent} for the stored event of `stream` at `revision`. */
export const corruptEvent = (
  stream: StreamName,
  revision: bigint,
  reason: string,
): CorruptEvent => ({
  _tag: 'CorruptEvent',
  stream,
  revision,
  message: `Stored event ${JSON.stringify(stream)}@${revision} is corrupt: ${reason}`,
});

/** Builds a {@link TamperDetected} for the event of `stream` at `revision` (and `position`). */
export const tamperDetected = (
  stream: StreamName,
  revision: bigint,
  position: bigint | undefined,
  reason: string,
): TamperDetected => {
  const message = `Hash chain broken at ${JSON.stringify(stream)}@${revision}${
    position === undefined ? '' : ` (position ${position})`
  }: ${reason}`;
  return position === undefined
    ? { _tag: 'TamperDetected', stream, revision, message }
    : { _tag: 'TamperDetected', stream, revision, position, message };
};

/** Builds a {@link RowTampered} for the row of `table` keyed `key`. */
export const rowTampered = (
  table: RowTampered['table'],
  key: string,
  reason: string,
): RowTampered => ({
  _tag: 'RowTampered',
  table,
  key,
  message: `The ${table} row ${JSON.stringify(key)} does not match the log: ${reason}`,
});

/** Builds an {@link InvalidAppend} refused before reaching storage. */
export const invalidAppend = (message: string): InvalidAppend => ({
  _tag: 'InvalidAppend',
  message,
});
