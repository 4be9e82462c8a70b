/**
 * The SHA-256 hash chain that makes the log tamper-evident, over the canonical JSON of
 * canonical-json.ts.
 *
 * Each stored event's `hash` is the lowercase hex SHA-256 of the UTF-8 bytes of one JCS document,
 * the envelope: `data`, `eventId`, `metadata`, `position`, `previousHash`, `recordedAt`,
 * `revision`, `schemaVersion`, `stream` and `type` (bigints as decimal strings), where
 * `previousHash` is the hash of the previous event of the same stream, or {@link GENESIS_HASH} for
 * revision 0. Altering any of those fields, or moving an event to another place in its stream or
 * the log, changes a hash. The exact bytes are specified in `docs/reference/hash-chain.md`.
 *
 * @see docs/reference/domain.md rule 13
 */
import { hash as digest } from 'node:crypto';
import type { Instant } from '@mandate/core';
import type { NewEvent, StoredEvent, StreamName } from './port.js';
import { canonicalJson, quote } from './canonical-json.js';
import type { RawStoredEvent } from './raw-event.js';

/** The `previousHash` of every stream's first event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

// ---------------------------------------------------------------------------------------------
// Hashes
// ---------------------------------------------------------------------------------------------

/** A stored row before its hash is known. */
export type UnhashedRawEvent = Omit<RawStoredEvent, 'hash'>;

/** A stored event before its hash is known. */
export type UnhashedEvent = Omit<StoredEvent, 'hash'>;

/**
 * SHA-256 (hex) of the JCS envelope, `previousHash` included as a field. The string fields are
 * given already quoted (as JSON strings) so that a batch quotes its shared fields once; a
 * `previousHash` is 64 hex digits, which JSON never escapes.
 */
const envelopeHash = (
  previousHash: string,
  dataJson: string,
  quotedEventId: string,
  metadataJson: string,
  position: bigint,
  quotedRecordedAt: string,
  revision: bigint,
  schemaVersion: number,
  quotedStream: string,
  quotedType: string,
): string =>
  digest(
    'sha256',
    `{"data":${dataJson},"eventId":${quotedEventId},"metadata":${metadataJson},"position":"${position}","previousHash":"${previousHash}","recordedAt":${quotedRecordedAt},"revision":"${revision}","schemaVersion":${schemaVersion},"stream":${quotedStream},"type":${quotedType}}`,
    'hex',
  );

/**
 * The hash of a row whose `dataJson` and `metadataJson` are canonical JSON (as written by
 * {@link chainEvents}); the texts are hashed as they are.
 */
export const computeRawHash = (row: UnhashedRawEvent): string =>
  envelopeHash(
    row.previousHash,
    row.dataJson,
    quote(row.eventId),
    row.metadataJson,
    row.position,
    quote(row.recordedAt),
    row.revision,
    row.schemaVersion,
    quote(row.stream),
    quote(row.type),
  );

/** The hash of a stored event: SHA-256 (hex) of its canonical envelope with `previousHash`. */
export const computeHash = (event: UnhashedEvent): string =>
  computeRawHash({
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
  });

// ---------------------------------------------------------------------------------------------
// Chaining an append
// ---------------------------------------------------------------------------------------------

/** A stream's last event: its revision and hash, which the next event links to. */
export interface StreamHead {
  readonly revision: bigint;
  readonly hash: string;
}

/** A new event with its data and metadata already checked and encoded as canonical JSON. */
export interface EncodedEvent {
  readonly event: NewEvent;
  readonly dataJson: string;
  readonly metadataJson: string;
}

/** What {@link chainEvents} needs to place one stream's new events. */
export interface ChainInput {
  readonly stream: StreamName;
  readonly events: ReadonlyArray<EncodedEvent>;
  /** The stream's last event before the append; absent for a new stream. */
  readonly head: StreamHead | undefined;
  /** The global position of the first new event. */
  readonly firstPosition: bigint;
  /** The instant the store stamps on every event of the append. */
  readonly recordedAt: Instant;
}

/** Places one stream's new events after its head: revisions, positions and linked hashes. */
export function chainEvents(input: ChainInput): ReadonlyArray<RawStoredEvent> {
  const { stream, recordedAt } = input;
  const quotedStream = quote(stream);
  const quotedRecordedAt = quote(recordedAt);
  const rows: RawStoredEvent[] = new Array<RawStoredEvent>(input.events.length);
  let revision = input.head === undefined ? 0n : input.head.revision + 1n;
  let previousHash = input.head === undefined ? GENESIS_HASH : input.head.hash;
  let position = input.firstPosition;
  for (let i = 0; i < input.events.length; i++) {
    const { event, dataJson, metadataJson } = input.events[i] as EncodedEvent;
    const hash = envelopeHash(
      previousHash,
      dataJson,
      quote(event.eventId),
      metadataJson,
      position,
      quotedRecordedAt,
      revision,
      event.schemaVersion,
      quotedStream,
      quote(event.type),
    );
    rows[i] = {
      eventId: event.eventId,
      stream,
      revision,
      position,
      type: event.type,
      schemaVersion: event.schemaVersion,
      dataJson,
      metadataJson,
      recordedAt,
      previousHash,
      hash,
    };
    previousHash = hash;
    revision += 1n;
    position += 1n;
  }
  return rows;
}
