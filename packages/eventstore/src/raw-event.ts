/**
 * Stored events as a backend keeps them: the envelope with `data` and `metadata` as JSON text.
 * Adapters write these rows, read them back with {@link parseRawEvent} (a row that does not read
 * back is a `CorruptEvent`, never a throw), and feed them to `verifyLog`.
 */
import * as E from 'fp-ts/Either';
import { isInstant } from '@mandate/core';
import { corruptEvent, type CorruptEvent } from './errors.js';
import { canonicalJson } from './canonical-json.js';
import { EventMetadataCodec } from './metadata.js';
import type { StoredEvent } from './port.js';

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

const parseJson = (text: string): E.Either<string, unknown> => {
  try {
    return E.right(JSON.parse(text) as unknown);
  } catch (error) {
    return E.left(error instanceof Error ? error.message : String(error));
  }
};

/** Reads a row back into a stored event, or says why it is corrupt (bad JSON, bad field). */
export function parseRawEvent(raw: RawStoredEvent): E.Either<CorruptEvent, StoredEvent> {
  const corrupt = (reason: string) => E.left(corruptEvent(raw.stream, raw.revision, reason));
  const data = parseJson(raw.dataJson);
  if (E.isLeft(data)) return corrupt(`data is not JSON (${data.left})`);
  const metadata = parseJson(raw.metadataJson);
  if (E.isLeft(metadata)) return corrupt(`metadata is not JSON (${metadata.left})`);
  if (!EventMetadataCodec.is(metadata.right)) return corrupt('metadata is not event metadata');
  if (!isInstant(raw.recordedAt)) return corrupt('recordedAt is not an instant');
  if (!HASH_PATTERN.test(raw.hash) || !HASH_PATTERN.test(raw.previousHash)) {
    return corrupt('hash or previousHash is not a SHA-256 hex digest');
  }
  if (!Number.isSafeInteger(raw.schemaVersion) || raw.schemaVersion < 1) {
    return corrupt('schemaVersion is not a positive integer');
  }
  return E.right({
    eventId: raw.eventId,
    type: raw.type,
    schemaVersion: raw.schemaVersion,
    data: data.right,
    metadata: metadata.right,
    stream: raw.stream,
    revision: raw.revision,
    position: raw.position,
    recordedAt: raw.recordedAt,
    previousHash: raw.previousHash,
    hash: raw.hash,
  });
}

/** Reads rows in order, stopping at the first corrupt one. */
export function parseRawEvents(
  rows: ReadonlyArray<RawStoredEvent>,
): E.Either<CorruptEvent, ReadonlyArray<StoredEvent>> {
  const events: StoredEvent[] = [];
  for (const row of rows) {
    const event = parseRawEvent(row);
    if (E.isLeft(event)) return event;
    events.push(event.right);
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
