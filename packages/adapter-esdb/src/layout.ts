/**
 * How Mandate's log lives in EventStoreDB/KurrentDB: stream names, deterministic event ids, and
 * the encoding of a stored row as a server event.
 *
 * Streams, all under one namespace `ns` (so several stores, or test runs, share a server):
 * - `ns@log` — the log, the source of truth: every stored event in global order, one server
 *   event per Mandate event, so a Mandate position is the log's server revision + 1 (gap-free
 *   from 1, as the port documents, whatever the server's own `$all` positions are);
 * - `ns/<stream>` — each Mandate stream, a copy of its events from the log (same envelope,
 *   same hash), so reading one stream reads only its events;
 * - `ns@command/<commandId>` — the result of the append made on behalf of a command.
 *
 * A server event carries the row's data as its binary payload (the canonical JSON text, byte for
 * byte), the row's type as its type, and everything else of the row in its metadata under the one
 * key `mandate` (a JSON string: both the old and the new append protocols carry string values).
 * The row's hash is computed by `@mandate/eventstore` (`planAppend`) and only carried here.
 *
 * Event ids are UUID v5, derived from the namespace, the command id (or the position when the
 * append has none) and the event's index, so the same append retried sends the same ids and the
 * server treats it as a no-op.
 */
import * as E from 'fp-ts/Either';
import { v5 as uuidV5 } from 'uuid';
import {
  corruptEvent,
  type AppendResult,
  type CorruptEvent,
  type RawStoredEvent,
} from '@mandate/eventstore';
import type { ClientEventData, ClientRecordedEvent } from './driver.js';

/** The UUID v5 namespace of every id the adapter derives. */
const MANDATE_UUID_NAMESPACE = '6d2b1c0e-3f4a-5b6c-8d7e-9f0a1b2c3d4e';

/** The server stream names of one store. */
export interface Layout {
  readonly namespace: string;
  readonly log: string;
  readonly stream: (stream: string) => string;
  readonly command: (commandId: string) => string;
}

/** The stream names of the store under `namespace`. */
export const layoutOf = (namespace: string): Layout => ({
  namespace,
  log: `${namespace}@log`,
  stream: (stream) => `${namespace}/${stream}`,
  command: (commandId) => `${namespace}@command/${commandId}`,
});

/** The id of a log event: from the command id when there is one, else from its position. */
export const logEventId = (
  layout: Layout,
  commandId: string | undefined,
  position: bigint,
  index: number,
): string =>
  uuidV5(
    `${layout.namespace}|${commandId === undefined ? `position:${position}` : `command:${commandId}`}|${index}`,
    MANDATE_UUID_NAMESPACE,
  );

/** The id of a log event's copy in its stream. */
export const copyEventId = (logId: string): string =>
  uuidV5(`copy|${logId}`, MANDATE_UUID_NAMESPACE);

/** The id of a command's recorded result. */
export const commandEventId = (layout: Layout, commandId: string): string =>
  uuidV5(`${layout.namespace}|result|${commandId}`, MANDATE_UUID_NAMESPACE);

// ---------------------------------------------------------------------------------------------
// Rows as server events
// ---------------------------------------------------------------------------------------------

/** What the `mandate` metadata of a server event holds besides data and type. */
interface Envelope {
  readonly eventId: string;
  readonly stream: string;
  readonly revision: string;
  readonly position: string;
  readonly schemaVersion: number;
  readonly metadataJson: string;
  readonly recordedAt: string;
  readonly previousHash: string;
  readonly hash: string;
  /** The position of the first event of the append this event belongs to. */
  readonly appendStart: string;
  readonly commandId?: string;
}

/** A stored row with what the adapter needs to complete its append. */
export interface LoggedRow {
  readonly row: RawStoredEvent;
  readonly appendStart: bigint;
  readonly commandId?: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The server event of a row, with `id`. */
export const toServerEvent = (
  id: string,
  { row, appendStart, commandId }: LoggedRow,
): ClientEventData => {
  const envelope: Envelope = {
    eventId: row.eventId,
    stream: row.stream,
    revision: row.revision.toString(),
    position: row.position.toString(),
    schemaVersion: row.schemaVersion,
    metadataJson: row.metadataJson,
    recordedAt: row.recordedAt,
    previousHash: row.previousHash,
    hash: row.hash,
    appendStart: appendStart.toString(),
    ...(commandId === undefined ? {} : { commandId }),
  };
  return {
    id,
    type: row.type,
    contentType: 'application/octet-stream',
    data: encoder.encode(row.dataJson),
    metadata: { mandate: JSON.stringify(envelope) },
  };
};

const DECIMAL = /^(0|[1-9][0-9]*)$/;
const isString = (u: unknown): u is string => typeof u === 'string';

function parseEnvelope(metadata: unknown): Envelope | undefined {
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const text = (metadata as { readonly mandate?: unknown }).mandate;
  if (!isString(text)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const e = parsed as Record<string, unknown>;
  const ok =
    isString(e['eventId']) &&
    isString(e['stream']) &&
    isString(e['revision']) &&
    DECIMAL.test(e['revision']) &&
    isString(e['position']) &&
    DECIMAL.test(e['position']) &&
    typeof e['schemaVersion'] === 'number' &&
    isString(e['metadataJson']) &&
    isString(e['recordedAt']) &&
    isString(e['previousHash']) &&
    isString(e['hash']) &&
    isString(e['appendStart']) &&
    DECIMAL.test(e['appendStart']) &&
    (e['commandId'] === undefined || isString(e['commandId']));
  return ok ? (parsed as Envelope) : undefined;
}

/** Reads a server event back into its row, or says why it is corrupt. */
export function fromServerEvent(event: ClientRecordedEvent): E.Either<CorruptEvent, LoggedRow> {
  const envelope = parseEnvelope(event.metadata);
  if (envelope === undefined) {
    return E.left(corruptEvent(event.streamId, event.revision, 'its metadata is not an envelope'));
  }
  const revision = BigInt(envelope.revision);
  if (!(event.data instanceof Uint8Array)) {
    return E.left(corruptEvent(envelope.stream, revision, 'its data is not binary'));
  }
  let dataJson: string;
  try {
    dataJson = decoder.decode(event.data);
  } catch {
    return E.left(corruptEvent(envelope.stream, revision, 'its data is not UTF-8'));
  }
  const row: RawStoredEvent = {
    eventId: envelope.eventId,
    stream: envelope.stream,
    revision,
    position: BigInt(envelope.position),
    type: event.type,
    schemaVersion: envelope.schemaVersion,
    dataJson,
    metadataJson: envelope.metadataJson,
    recordedAt: envelope.recordedAt,
    previousHash: envelope.previousHash,
    hash: envelope.hash,
  };
  const appendStart = BigInt(envelope.appendStart);
  return E.right(
    envelope.commandId === undefined
      ? { row, appendStart }
      : { row, appendStart, commandId: envelope.commandId },
  );
}

// ---------------------------------------------------------------------------------------------
// Command results
// ---------------------------------------------------------------------------------------------

/** The server event recording a command's result. */
export const resultEvent = (id: string, result: AppendResult): ClientEventData => ({
  id,
  type: 'MandateAppendRecorded',
  contentType: 'application/octet-stream',
  data: encoder.encode(
    JSON.stringify({
      streams: result.streams.map((s) => [s.stream, s.nextExpectedRevision.toString()]),
      lastPosition: result.lastPosition.toString(),
    }),
  ),
  metadata: {},
});

/** Reads a recorded command result back (`duplicate: true`), or `undefined` if it is not one. */
export function parseResult(event: ClientRecordedEvent): AppendResult | undefined {
  if (!(event.data instanceof Uint8Array)) return undefined;
  try {
    const parsed = JSON.parse(decoder.decode(event.data)) as {
      streams: ReadonlyArray<readonly [string, string]>;
      lastPosition: string;
    };
    return {
      streams: parsed.streams.map(([stream, next]) => ({
        stream,
        nextExpectedRevision: BigInt(next),
      })),
      lastPosition: BigInt(parsed.lastPosition),
      duplicate: true,
    };
  } catch {
    return undefined;
  }
}
