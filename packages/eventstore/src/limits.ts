/**
 * Append limits and validation, shared by every adapter: an append is checked and its events
 * encoded once, before any storage is touched, so a refused append stores nothing.
 *
 * The documented limits ({@link APPEND_LIMITS}):
 * - at least one stream per append, at most 100, each named once, each with at least one event;
 * - at most 1,000 events per append;
 * - event data at most 64 KiB and metadata at most 16 KiB, as UTF-8 canonical JSON;
 * - stream names match {@link STREAM_NAME_PATTERN}, event types {@link EVENT_TYPE_PATTERN},
 *   event ids {@link EVENT_ID_PATTERN}; schema versions are whole numbers from 1;
 * - expected revisions are `'any'`, `'no-stream'`, `'stream-exists'` or a bigint ≥ 0;
 * - read expectations name at most as many streams as an append may touch, none of them written
 *   by the same append nor named twice, each expecting `'no-stream'`, `'stream-exists'` or a
 *   bigint ≥ 0;
 * - data and metadata are JSON values (see `canonicalJson`), metadata is {@link EventMetadata}.
 *
 * Keys such as `__proto__` or `constructor` in data are ordinary data: they are encoded and
 * stored verbatim, and reading them back (with `JSON.parse`) creates own properties, never a
 * prototype.
 *
 * @see docs/reference/domain.md rule 10
 */
import { Buffer } from 'node:buffer';
import * as E from 'fp-ts/Either';
import { CommandId } from '@mandate/core';
import { invalidAppend, type InvalidAppend } from './errors.js';
import { tryCanonicalJson } from './canonical-json.js';
import type { EncodedEvent } from './hash-chain.js';
import { EventMetadataCodec } from './metadata.js';
import type {
  AppendRequest,
  EventMetadata,
  ExpectedRevision,
  ReadExpectation,
  StreamName,
} from './port.js';

/** The limits every store enforces on an append. */
export interface AppendLimits {
  /** The largest event data, in bytes of UTF-8 canonical JSON. */
  readonly maxEventDataBytes: number;
  /** The largest event metadata, in bytes of UTF-8 canonical JSON. */
  readonly maxMetadataBytes: number;
  /** The most events one append may carry, over all its streams. */
  readonly maxEventsPerAppend: number;
  /** The most streams one append may touch. */
  readonly maxStreamsPerAppend: number;
}

/** The documented limits: 64 KiB data, 16 KiB metadata, 1,000 events, 100 streams per append. */
export const APPEND_LIMITS: AppendLimits = {
  maxEventDataBytes: 64 * 1024,
  maxMetadataBytes: 16 * 1024,
  maxEventsPerAppend: 1_000,
  maxStreamsPerAppend: 100,
};

/** Stream names: 1–200 letters, digits, `.`, `_`, `:` or `-`, starting with a letter or digit. */
export const STREAM_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

/** Event types: 1–128 letters, digits, `.`, `_`, `:` or `-`, starting with a letter. */
export const EVENT_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9._:-]{0,127}$/;

/** Event ids (UUIDs and the like): 1–128 letters, digits, `.`, `_`, `:` or `-`. */
export const EVENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** One stream's part of a validated append, its events encoded. */
export interface ValidatedStreamAppend {
  readonly stream: StreamName;
  readonly expectedRevision: ExpectedRevision;
  readonly events: ReadonlyArray<EncodedEvent>;
}

/** An append that passed {@link validateAppend}, with every event's JSON encoded once. */
export interface ValidatedAppend {
  readonly commandId?: CommandId;
  readonly appends: ReadonlyArray<ValidatedStreamAppend>;
  /** Streams the append relies on without writing them (empty when none). */
  readonly expectations: ReadonlyArray<ReadExpectation>;
  /** How many events the append carries over all its streams. */
  readonly eventCount: number;
}

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

const isExpectedRevision = (u: unknown): u is ExpectedRevision =>
  u === 'any' || u === 'no-stream' || u === 'stream-exists' || (typeof u === 'bigint' && u >= 0n);

const isReadExpectation = (u: unknown): u is ReadExpectation['expectedRevision'] =>
  u !== 'any' && isExpectedRevision(u);

/** Checks the streams an append relies on; `written` holds the streams it writes. */
function validateExpectations(
  expectations: unknown,
  written: ReadonlySet<string>,
  limits: AppendLimits,
): E.Either<InvalidAppend, ReadonlyArray<ReadExpectation>> {
  const refuse = (reason: string) => E.left(invalidAppend(reason));
  if (expectations === undefined) return E.right([]);
  if (!Array.isArray(expectations)) return refuse('expectations must be an array');
  if (expectations.length > limits.maxStreamsPerAppend) {
    return refuse(`an append may rely on at most ${limits.maxStreamsPerAppend} streams`);
  }
  const seen = new Set<string>();
  const validated: ReadExpectation[] = [];
  for (const expectation of expectations as ReadonlyArray<unknown>) {
    if (!isRecord(expectation)) return refuse('each expectation must be an object');
    const { stream, expectedRevision } = expectation;
    if (typeof stream !== 'string' || !STREAM_NAME_PATTERN.test(stream)) {
      return refuse(`stream names must match ${STREAM_NAME_PATTERN}`);
    }
    const where = `expectation on stream ${JSON.stringify(stream)}`;
    if (written.has(stream)) return refuse(`${where}: the append also writes that stream`);
    if (seen.has(stream)) return refuse(`${where} appears twice in one append`);
    seen.add(stream);
    if (!isReadExpectation(expectedRevision)) {
      return refuse(
        `${where}: expectedRevision must be 'no-stream', 'stream-exists' or a bigint >= 0`,
      );
    }
    validated.push({ stream, expectedRevision });
  }
  return E.right(validated);
}

/** True when the UTF-8 encoding of `text` is longer than `maxBytes`. */
const tooLarge = (text: string, maxBytes: number): boolean =>
  text.length * 3 > maxBytes && Buffer.byteLength(text, 'utf8') > maxBytes;

/** Metadata already checked and encoded in this append: events of one command usually share it. */
type MetadataCache = Map<unknown, readonly [EventMetadata, string]>;

function encodeMetadata(
  metadata: unknown,
  limits: AppendLimits,
  cache: MetadataCache,
): E.Either<string, readonly [EventMetadata, string]> {
  const cached = cache.get(metadata);
  if (cached !== undefined) return E.right(cached);
  if (!EventMetadataCodec.is(metadata)) {
    return E.left('metadata must carry validDate, commandId, correlationId, causationId, actor');
  }
  const encoded = tryCanonicalJson(metadata);
  if (E.isLeft(encoded)) return E.left(`metadata is not JSON: ${encoded.left}`);
  if (tooLarge(encoded.right, limits.maxMetadataBytes)) {
    return E.left(`metadata is larger than ${limits.maxMetadataBytes} bytes`);
  }
  const checked = [metadata, encoded.right] as const;
  cache.set(metadata, checked);
  return E.right(checked);
}

function validateEvent(
  event: unknown,
  where: string,
  limits: AppendLimits,
  metadataCache: MetadataCache,
): E.Either<InvalidAppend, EncodedEvent> {
  const refuse = (reason: string) => E.left(invalidAppend(`${where}: ${reason}`));
  if (!isRecord(event)) return refuse('an event must be an object');
  const { eventId, type, schemaVersion, data, metadata } = event;
  if (typeof eventId !== 'string' || !EVENT_ID_PATTERN.test(eventId)) {
    return refuse(`eventId must match ${EVENT_ID_PATTERN}`);
  }
  if (typeof type !== 'string' || !EVENT_TYPE_PATTERN.test(type)) {
    return refuse(`type must match ${EVENT_TYPE_PATTERN}`);
  }
  if (
    typeof schemaVersion !== 'number' ||
    !Number.isSafeInteger(schemaVersion) ||
    schemaVersion < 1
  ) {
    return refuse('schemaVersion must be a whole number from 1');
  }
  const dataJson = tryCanonicalJson(data);
  if (E.isLeft(dataJson)) return refuse(`data is not JSON: ${dataJson.left}`);
  if (tooLarge(dataJson.right, limits.maxEventDataBytes)) {
    return refuse(`data is larger than ${limits.maxEventDataBytes} bytes`);
  }
  const encodedMetadata = encodeMetadata(metadata, limits, metadataCache);
  if (E.isLeft(encodedMetadata)) return refuse(encodedMetadata.left);
  const [checkedMetadata, metadataJson] = encodedMetadata.right;
  return E.right({
    event: { eventId, type, schemaVersion, data, metadata: checkedMetadata },
    dataJson: dataJson.right,
    metadataJson,
  });
}

/**
 * Checks an append against the limits and encodes its events, or says what is wrong with it.
 * Never throws, whatever it is given.
 */
export function validateAppend(
  request: AppendRequest,
  limits: AppendLimits = APPEND_LIMITS,
): E.Either<InvalidAppend, ValidatedAppend> {
  const refuse = (reason: string) => E.left(invalidAppend(reason));
  const input: unknown = request;
  if (!isRecord(input)) return refuse('an append request must be an object');
  const { commandId, appends, expectations } = input;
  if (commandId !== undefined && !CommandId.is(commandId)) {
    return refuse('commandId must be 1-128 letters, digits, ".", "_", ":" or "-"');
  }
  if (!Array.isArray(appends) || appends.length === 0) {
    return refuse('an append must name at least one stream');
  }
  if (appends.length > limits.maxStreamsPerAppend) {
    return refuse(`an append may touch at most ${limits.maxStreamsPerAppend} streams`);
  }
  const seen = new Set<string>();
  const metadataCache: MetadataCache = new Map();
  const validated: ValidatedStreamAppend[] = [];
  let eventCount = 0;
  for (const part of appends as ReadonlyArray<unknown>) {
    if (!isRecord(part)) return refuse('each stream append must be an object');
    const { stream, expectedRevision, events } = part;
    if (typeof stream !== 'string' || !STREAM_NAME_PATTERN.test(stream)) {
      return refuse(`stream names must match ${STREAM_NAME_PATTERN}`);
    }
    const where = `stream ${JSON.stringify(stream)}`;
    if (seen.has(stream)) return refuse(`${where} appears twice in one append`);
    seen.add(stream);
    if (!isExpectedRevision(expectedRevision)) {
      return refuse(
        `${where}: expectedRevision must be 'any', 'no-stream', 'stream-exists' or a bigint >= 0`,
      );
    }
    if (!Array.isArray(events) || events.length === 0) {
      return refuse(`${where}: an append must carry at least one event per stream`);
    }
    eventCount += events.length;
    if (eventCount > limits.maxEventsPerAppend) {
      return refuse(`an append may carry at most ${limits.maxEventsPerAppend} events`);
    }
    const encoded: EncodedEvent[] = [];
    for (let i = 0; i < events.length; i++) {
      const event = validateEvent(events[i], `${where}, event ${i}`, limits, metadataCache);
      if (E.isLeft(event)) return event;
      encoded.push(event.right);
    }
    validated.push({ stream, expectedRevision, events: encoded });
  }
  const relied = validateExpectations(expectations, seen, limits);
  if (E.isLeft(relied)) return relied;
  const base = { appends: validated, expectations: relied.right, eventCount };
  return E.right(commandId === undefined ? base : { commandId, ...base });
}
