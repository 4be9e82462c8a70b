/**
 * Planning an append, the part every adapter shares: check each stream's expected revision
 * against its head, stamp the recorded instant, and chain the new events onto the log. The plan
 * is pure; the adapter writes its rows and heads in one transaction, or nothing at all.
 *
 * @see docs/reference/domain.md rule 10
 */
import * as E from 'fp-ts/Either';
import { isInstant, type Instant } from '@mandate/core';
import { versionConflict, type VersionConflict } from './errors.js';
import { chainEvents, type StreamHead } from './hash-chain.js';
import type { ValidatedAppend } from './limits.js';
import type { AppendResult, ExpectedRevision, StreamName } from './port.js';
import type { RawStoredEvent } from './raw-event.js';

/** The conflict, if any, between what an append expects of a stream and the stream's head. */
export function revisionConflict(
  stream: StreamName,
  expected: ExpectedRevision,
  head: StreamHead | undefined,
): VersionConflict | undefined {
  const actual = head === undefined ? 'no-stream' : head.revision;
  const ok =
    expected === 'any' ||
    (expected === 'no-stream' && head === undefined) ||
    (expected === 'stream-exists' && head !== undefined) ||
    (typeof expected === 'bigint' && expected === actual);
  return ok ? undefined : versionConflict(stream, expected, actual);
}

/**
 * The instant stamped on an append: the clock's `now`, but never earlier than the last recorded
 * instant, so that recorded time never decreases along the log.
 */
export const nextRecordedAt = (now: Instant, last: Instant | undefined): Instant =>
  last !== undefined && last > now ? last : now;

/** What the store knows when it plans an append (read inside its write transaction). */
export interface AppendContext {
  /** Each stream's last event, or `undefined` when the stream has none. */
  readonly streamHead: (stream: StreamName) => StreamHead | undefined;
  /** The position of the last event of the log (0 when empty). */
  readonly lastPosition: bigint;
  /** The instant recorded on the last event of the log, if any. */
  readonly lastRecordedAt: Instant | undefined;
  /** The store clock's reading now. */
  readonly now: Instant;
}

/** What an append will write: the rows in position order, each stream's new head, the result. */
export interface AppendPlan {
  readonly rows: ReadonlyArray<RawStoredEvent>;
  readonly heads: ReadonlyArray<{ readonly stream: StreamName; readonly head: StreamHead }>;
  readonly recordedAt: Instant;
  readonly result: AppendResult;
}

/**
 * Plans a validated append: the first stream whose expected revision does not hold, among those
 * it writes and then those it relies on, refuses the whole append; otherwise its events get revisions, positions (in request order), the recorded
 * instant and their hashes. A clock reading that is not an instant is a defect and throws.
 */
export function planAppend(
  append: ValidatedAppend,
  context: AppendContext,
): E.Either<VersionConflict, AppendPlan> {
  if (!isInstant(context.now)) throw new TypeError(`The store clock gave ${String(context.now)}`);
  const current = append.appends.map((part) => context.streamHead(part.stream));
  for (const [i, part] of append.appends.entries()) {
    const conflict = revisionConflict(part.stream, part.expectedRevision, current[i]);
    if (conflict !== undefined) return E.left(conflict);
  }
  for (const { stream, expectedRevision } of append.expectations) {
    const conflict = revisionConflict(stream, expectedRevision, context.streamHead(stream));
    if (conflict !== undefined) return E.left(conflict);
  }
  const recordedAt = nextRecordedAt(context.now, context.lastRecordedAt);
  const rows: RawStoredEvent[] = [];
  const heads: Array<{ stream: StreamName; head: StreamHead }> = [];
  let firstPosition = context.lastPosition + 1n;
  for (const [i, part] of append.appends.entries()) {
    const chained = chainEvents({
      stream: part.stream,
      events: part.events,
      head: current[i],
      firstPosition,
      recordedAt,
    });
    const last = chained[chained.length - 1];
    if (last === undefined) throw new Error('A validated append has events in every stream');
    rows.push(...chained);
    heads.push({ stream: part.stream, head: { revision: last.revision, hash: last.hash } });
    firstPosition = last.position + 1n;
  }
  return E.right({
    rows,
    heads,
    recordedAt,
    result: {
      streams: heads.map(({ stream, head }) => ({ stream, nextExpectedRevision: head.revision })),
      lastPosition: firstPosition - 1n,
      duplicate: false,
    },
  });
}
