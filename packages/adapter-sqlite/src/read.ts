/**
 * Reading one stream, forwards or backwards from a revision, and paging through the whole log by
 * global position. Each read is one SELECT, so one consistent WAL snapshot; integers are read as
 * bigints so positions and revisions never lose precision. A row that does not read back fails the
 * read with `CorruptEvent` naming its stream and revision.
 */
import * as E from 'fp-ts/Either';
import {
  streamNotFound,
  type CorruptEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type StreamName,
  type StreamNotFound,
} from '@mandate/eventstore';
import type { SharedConnection } from './connection.js';
import { storedEventsOf } from './rows.js';

/** How many events one `readAll` page holds: by default, and at most whatever is asked. */
export const SQLITE_READ_ALL = { defaultCount: 1_000, maxCount: 10_000 } as const;

const INT64_MAX = 2n ** 63n - 1n;

/** A revision or position SQLite can bind: below 0 as -1, beyond its range as its maximum. */
const bound = (n: bigint): bigint => (n < 0n ? -1n : n > INT64_MAX ? INT64_MAX : n);

/** Reads one stream's events; driver errors are thrown for the caller to retry or map. */
export function readStreamOnce(
  connection: SharedConnection,
  stream: StreamName,
  options: ReadStreamOptions,
): E.Either<StreamNotFound | CorruptEvent, ReadonlyArray<StoredEvent>> {
  const { statements } = connection;
  // `maxCount` has been checked to be a whole number from 1; SQLite reads LIMIT -1 as no limit.
  const limit = options.maxCount ?? -1;
  const rows =
    options.direction === 'backwards'
      ? statements.streamBackwards.all(stream, bound(options.fromRevision ?? INT64_MAX), limit)
      : statements.streamForwards.all(stream, bound(options.fromRevision ?? 0n), limit);
  if (rows.length === 0 && statements.stream.get(stream) === undefined) {
    return E.left(streamNotFound(stream));
  }
  return storedEventsOf(rows);
}

/** Reads one page of the whole log; driver errors are thrown for the caller to retry or map. */
export function readAllOnce(
  connection: SharedConnection,
  options: ReadAllOptions,
): E.Either<CorruptEvent, ReadonlyArray<StoredEvent>> {
  const count = Math.min(
    options.maxCount ?? SQLITE_READ_ALL.defaultCount,
    SQLITE_READ_ALL.maxCount,
  );
  return storedEventsOf(connection.statements.all.all(bound(options.after ?? 0n), count));
}
