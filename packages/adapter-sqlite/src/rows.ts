/**
 * Rows to values and back. An `events` row becomes a `RawStoredEvent` (data and metadata still
 * JSON text), which `parseRawEvent` of `@mandate/eventstore` reads into a `StoredEvent` or refuses
 * as `CorruptEvent` naming its stream and revision, and which `verifyLog` checks as stored. Append
 * results are kept in the `commands` table as JSON with bigints written as decimal strings.
 */
import * as E from 'fp-ts/Either';
import {
  parseRows,
  type AppendResult,
  type CorruptEvent,
  type RawStoredEvent,
  type StoredEvent,
} from '@mandate/eventstore';

/**
 * A row of the `events` table as the store reads it: its columns in {@link EVENT_COLUMNS} order
 * (better-sqlite3's raw mode, which builds an array per row rather than an object with eleven
 * named properties), integers as bigints.
 */
export type EventRow = readonly [
  position: bigint,
  stream: string,
  revision: bigint,
  eventId: string,
  type: string,
  schemaVersion: bigint,
  data: string,
  metadata: string,
  recordedAt: string,
  previousHash: string,
  hash: string,
];

/** The columns of {@link EventRow}, in the order `INSERT INTO events` binds them. */
export const EVENT_COLUMNS =
  'position, stream, revision, event_id, type, schema_version, data, metadata, recorded_at, previous_hash, hash';

/** An `events` row as the store-independent raw event. */
export const rawEventOf = (row: EventRow): RawStoredEvent => ({
  eventId: row[3],
  stream: row[1],
  revision: row[2],
  position: row[0],
  type: row[4],
  schemaVersion: Number(row[5]),
  dataJson: row[6],
  metadataJson: row[7],
  recordedAt: row[8],
  previousHash: row[9],
  hash: row[10],
});

/** The values bound by `INSERT INTO events` for a raw event, in {@link EVENT_COLUMNS} order. */
export const eventRowValues = (
  raw: RawStoredEvent,
): [bigint, string, bigint, string, string, number, string, string, string, string, string] => [
  raw.position,
  raw.stream,
  raw.revision,
  raw.eventId,
  raw.type,
  raw.schemaVersion,
  raw.dataJson,
  raw.metadataJson,
  raw.recordedAt,
  raw.previousHash,
  raw.hash,
];

/** Reads rows into stored events, stopping at the first corrupt one. */
export const storedEventsOf = (
  rows: ReadonlyArray<EventRow>,
): E.Either<CorruptEvent, ReadonlyArray<StoredEvent>> => parseRows(rows, rawEventOf);

/** Encodes an append result for the `commands` table. */
export const encodeAppendResult = (result: AppendResult): string =>
  JSON.stringify({
    streams: result.streams.map((s) => ({
      stream: s.stream,
      nextExpectedRevision: String(s.nextExpectedRevision),
    })),
    lastPosition: String(result.lastPosition),
  });

const INTEGER_PATTERN = /^\d+$/;

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** Decodes an append result recorded in the `commands` table, marked as a duplicate. */
export function decodeAppendResult(text: string): E.Either<string, AppendResult> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return E.left('the recorded result is not JSON');
  }
  if (!isRecord(value) || !Array.isArray(value['streams'])) {
    return E.left('the recorded result is not an append result');
  }
  const lastPosition = value['lastPosition'];
  if (typeof lastPosition !== 'string' || !INTEGER_PATTERN.test(lastPosition)) {
    return E.left('the recorded lastPosition is not a whole number');
  }
  const streams: Array<AppendResult['streams'][number]> = [];
  for (const entry of value['streams'] as ReadonlyArray<unknown>) {
    const stream = isRecord(entry) ? entry['stream'] : undefined;
    const next = isRecord(entry) ? entry['nextExpectedRevision'] : undefined;
    if (typeof stream !== 'string' || typeof next !== 'string' || !INTEGER_PATTERN.test(next)) {
      return E.left('a recorded stream result is malformed');
    }
    streams.push({ stream, nextExpectedRevision: BigInt(next) });
  }
  return E.right({ streams, lastPosition: BigInt(lastPosition), duplicate: true });
}
