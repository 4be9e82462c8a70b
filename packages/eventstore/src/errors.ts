/**
 * The event store's error vocabulary. Every adapter maps its driver's failures into these tagged
 * values in one module of its own; callers recognise them by `_tag`, never by `instanceof`.
 */
import type { ExpectedRevision, StreamName } from './port.js';

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
