/**
 * Rows to values and back. An `events` row (bigints arrive from `pg` as decimal strings) becomes a
 * `RawStoredEvent` (data and metadata still JSON text), which `parseRawEvent` of
 * `@mandate/eventstore` reads into a `StoredEvent` or refuses as `CorruptEvent`, and which
 * `verifyLog` checks as stored. Append results are kept in the `commands` table as JSON with
 * bigints written as decimal strings.
 */
import * as E from 'fp-ts/Either';
import {
  parseRawEvents,
  type AppendResult,
  type CorruptEvent,
  type RawStoredEvent,
  type StoredEvent,
} from '@mandate/eventstore';

/** A row of the `events` table as `pg` returns it. */
export interface EventRow {
  readonly position: string;
  readonly stream: string;
  readonly revision: string;
  readonly event_id: string;
  readonly type: string;
  readonly schema_version: number;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
  readonly previous_hash: string;
  readonly hash: string;
}

/** The columns of {@link EventRow}, in the order every SELECT lists them. */
export const EVENT_COLUMNS =
  'position, stream, revision, event_id, type, schema_version, data, metadata, recorded_at, previous_hash, hash';

/** An `events` row as the store-independent raw event. */
export const rawEventOf = (row: EventRow): RawStoredEvent => ({
  eventId: row.event_id,
  stream: row.stream,
  revision: BigInt(row.revision),
  position: BigInt(row.position),
  type: row.type,
  schemaVersion: row.schema_version,
  dataJson: row.data,
  metadataJson: row.metadata,
  recordedAt: row.recorded_at,
  previousHash: row.previous_hash,
  hash: row.hash,
});

/** Reads rows into stored events, stopping at the first corrupt one. */
export const storedEventsOf = (
  rows: ReadonlyArray<EventRow>,
): E.Either<CorruptEvent, ReadonlyArray<StoredEvent>> => parseRawEvents(rows.map(rawEventOf));

/**
 * The column arrays bound to `unnest` by the append's INSERT: one array per column, bigints as
 * decimal strings, in {@link EVENT_COLUMNS} order followed by the command id.
 */
export function eventColumnArrays(
  rows: ReadonlyArray<RawStoredEvent>,
  commandId: string | null,
): ReadonlyArray<ReadonlyArray<string | number | null>> {
  return [
    rows.map((row) => String(row.position)),
    rows.map((row) => row.stream),
    rows.map((row) => String(row.revision)),
    rows.map((row) => row.eventId),
    rows.map((row) => row.type),
    rows.map((row) => row.schemaVersion),
    rows.map((row) => row.dataJson),
    rows.map((row) => row.metadataJson),
    rows.map((row) => row.recordedAt),
    rows.map((row) => row.previousHash),
    rows.map((row) => row.hash),
    rows.map(() => commandId),
  ];
}

/** Encodes an append result for the `commands` table. */
export const encodeAppendResult = (result: AppendResult): string =>
  JSON.stringify({
    streams: result.streams.map((s) => ({
      stream: s.stream,
      nextExpectedRevision: String(s.nextExpectedRevision),
    })),
    lastPosition: String(result.lastPosition),
  });

const INTEGER_PATTERN = /^\d{1,19}$/;

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** Decodes an append result recorded in the `commands` table (as `pg` parsed it), as a duplicate. */
export function decodeAppendResult(value: unknown): E.Either<string, AppendResult> {
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
  if (streams.length === 0) return E.left('the recorded result names no stream');
  return E.right({ streams, lastPosition: BigInt(lastPosition), duplicate: true });
}
