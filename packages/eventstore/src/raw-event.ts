/**
 * Stored events as a backend keeps them: the envelope with `data` and `metadata` as JSON text.
 * Adapters write these rows, read them back with {@link parseRawEvent} (a row that does not read
 * back is a `CorruptEvent`, never a throw), and feed them to `verifyLog`.
 */
import * as E from 'fp-ts/Either';
import { isInstant, type Instant } from '@mandate/core';
import { corruptEvent, type CorruptEvent } from './errors.js';
import { canonicalJson } from './canonical-json.js';
import { EventMetadataCodec } from './metadata.js';
import type { EventMetadata, StoredEvent } from './port.js';

/** A stored event as a row: `data` and `metadata` are JSON text, everything else as stored. */
export interface RawStoredEvent {
  readonly eventId: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly type: string;
  readonly schemaVersion: number;
  /** The event's data as JSON text (canonical JSON when written by this package). */
  readonly dataJson: string;
  /** The event's metadata as JSON text (canonical JSON when written by this package). */
  readonly metadataJson: string;
  readonly recordedAt: string;
  readonly previousHash: string;
  readonly hash: string;
}

const HASH_PATTERN = /^[0-9a-f]{64}$/;

/**
 * Reads rows one after another. The events of one append share their `recordedAt`, and those of
 * one command their metadata text, so a reader checks a `recordedAt` and parses and checks a
 * metadata text only when it differs from the previous row's; rows with the same metadata text
 * share one (read-only) metadata object. A `previousHash` equal to the previous row's `hash` (the
 * next event of the same stream) is not checked again. Every row is still checked in full: a text equal to one
 * already accepted is accepted for the same reasons.
 */
function rowReader(): (raw: RawStoredEvent) => E.Either<CorruptEvent, StoredEvent> {
  let lastMetadataJson: string | undefined;
  let lastMetadata: EventMetadata | undefined;
  let lastRecordedAt: string | undefined;
  let lastHash: string | undefined;
  return (raw) => {
    let data: unknown;
    try {
      data = JSON.parse(raw.dataJson) as unknown;
    } catch (error) {
      return E.left(corruptEvent(raw.stream, raw.revision, `data is not JSON (${reason(error)})`));
    }
    let metadata = lastMetadata;
    if (raw.metadataJson !== lastMetadataJson || metadata === undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.metadataJson) as unknown;
      } catch (error) {
        return E.left(
          corruptEvent(raw.stream, raw.revision, `metadata is not JSON (${reason(error)})`),
        );
      }
      if (!EventMetadataCodec.is(parsed)) {
        return E.left(corruptEvent(raw.stream, raw.revision, 'metadata is not event metadata'));
      }
      metadata = parsed;
      lastMetadata = parsed;
      lastMetadataJson = raw.metadataJson;
    }
    if (raw.recordedAt !== lastRecordedAt) {
      if (!isInstant(raw.recordedAt)) {
        return E.left(corruptEvent(raw.stream, raw.revision, 'recordedAt is not an instant'));
      }
      lastRecordedAt = raw.recordedAt;
    }
    // Within a stream, an event's previousHash is the hash of the row before it, checked already.
    if (
      !HASH_PATTERN.test(raw.hash) ||
      (raw.previousHash !== lastHash && !HASH_PATTERN.test(raw.previousHash))
    ) {
      return E.left(
        corruptEvent(raw.stream, raw.revision, 'hash or previousHash is not a SHA-256 hex digest'),
      );
    }
    lastHash = raw.hash;
    if (!Number.isSafeInteger(raw.schemaVersion) || raw.schemaVersion < 1) {
      return E.left(
        corruptEvent(raw.stream, raw.revision, 'schemaVersion is not a positive integer'),
      );
    }
    return E.right({
      eventId: raw.eventId,
      type: raw.type,
      schemaVersion: raw.schemaVersion,
      data,
      metadata,
      stream: raw.stream,
      revision: raw.revision,
      position: raw.position,
      recordedAt: raw.recordedAt as Instant,
      previousHash: raw.previousHash,
      hash: raw.hash,
    });
  };
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Reads a row back into a stored event, or says why it is corrupt (bad JSON, bad field). */
export function parseRawEvent(raw: RawStoredEvent): E.Either<CorruptEvent, StoredEvent> {
  return rowReader()(raw);
}

/** Reads rows in order, stopping at the first corrupt one. */
export function parseRawEvents(
  rows: ReadonlyArray<RawStoredEvent>,
): E.Either<CorruptEvent, ReadonlyArray<StoredEvent>> {
  return parseRows(rows, (row) => row);
}

/**
 * Reads a backend's rows in order through `toRaw`, stopping at the first corrupt one; adapters
 * use it to read their rows without first copying them all into raw events.
 */
export function parseRows<R>(
  rows: ReadonlyArray<R>,
  toRaw: (row: R) => RawStoredEvent,
): E.Either<CorruptEvent, ReadonlyArray<StoredEvent>> {
  const read = rowReader();
  const events: StoredEvent[] = new Array<StoredEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const event = read(toRaw(rows[i] as R));
    if (E.isLeft(event)) return event;
    events[i] = event.right;
  }
  return E.right(events);
}

/** The row of a stored event: its data and metadata encoded as canonical JSON. */
export const toRawEvent = (event: StoredEvent): RawStoredEvent => ({
  eventId: event.eventId,
  stream: event.stream,
  revision: event.revision,
  position: event.position,
  type: event.type,
  schemaVersion: event.schemaVersion,
  dataJson: canonicalJson(event.data),
  metadataJson: canonicalJson(event.metadata),
  recordedAt: event.recordedAt,
  previousHash: event.previousHash,
  hash: event.hash,
});
