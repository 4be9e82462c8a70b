/**
 * Reading one stream, forwards or backwards from a revision, and paging through the whole log by
 * global position. Each read is one SELECT, so one consistent snapshot; it runs on the read pool,
 * which is the primary's unless a replica was given. A row that does not read back fails the read
 * with `CorruptEvent` naming its stream and revision.
 */
import type { Pool } from 'pg';
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
import type { SchemaNames } from './migrations.js';
import { EVENT_COLUMNS, storedEventsOf, type EventRow } from './rows.js';

/** How many events one `readAll` page holds: by default, and at most whatever is asked. */
export const POSTGRES_READ_ALL = { defaultCount: 1_000, maxCount: 10_000 } as const;

const INT64_MAX = 2n ** 63n - 1n;

/** A revision or position PostgreSQL can bind: below 0 as -1, beyond `bigint` as its maximum. */
const bound = (n: bigint): string => String(n < 0n ? -1n : n > INT64_MAX ? INT64_MAX : n);

/** The SQL of the reads, built once per schema. */
export interface ReadStatements {
  readonly forwards: string;
  readonly backwards: string;
  readonly streamExists: string;
  readonly all: string;
  readonly lastPosition: string;
}

/** Builds the {@link ReadStatements} of one schema. */
export const readStatements = ({ quoted: s }: SchemaNames): ReadStatements => ({
  forwards: `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE stream = $1 AND revision >= $2
    ORDER BY revision ASC LIMIT $3`,
  backwards: `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE stream = $1 AND revision <= $2
    ORDER BY revision DESC LIMIT $3`,
  streamExists: `SELECT 1 FROM ${s}.streams WHERE stream = $1`,
  all: `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE position > $1 ORDER BY position LIMIT $2`,
  lastPosition: `SELECT last_position FROM ${s}.log_head`,
});

/** Reads one stream's events; driver errors are thrown for the caller to map. */
export async function readStreamOnce(
  pool: Pool,
  sql: ReadStatements,
  stream: StreamName,
  options: ReadStreamOptions,
): Promise<E.Either<StreamNotFound | CorruptEvent, ReadonlyArray<StoredEvent>>> {
  // `maxCount` has been checked to be a whole number from 1; LIMIT NULL is no limit.
  const limit = options.maxCount ?? null;
  const { rows } =
    options.direction === 'backwards'
      ? await pool.query<EventRow>(sql.backwards, [
          stream,
          bound(options.fromRevision ?? INT64_MAX),
          limit,
        ])
      : await pool.query<EventRow>(sql.forwards, [
          stream,
          bound(options.fromRevision ?? 0n),
          limit,
        ]);
  if (rows.length === 0 && (await pool.query(sql.streamExists, [stream])).rowCount === 0) {
    return E.left(streamNotFound(stream));
  }
  return storedEventsOf(rows);
}

/** Reads one page of the whole log; driver errors are thrown for the caller to map. */
export type ReadAllOnce = (
  options: ReadAllOptions,
) => Promise<E.Either<CorruptEvent, ReadonlyArray<StoredEvent>>>;

/** The rows of the page of `count` events after `after`. */
const pageRows = async (
  pool: Pool,
  sql: ReadStatements,
  after: bigint,
  count: number,
): Promise<ReadonlyArray<EventRow>> =>
  (await pool.query<EventRow>(sql.all, [bound(after), count])).rows;

/**
 * Pages through the whole log, reading one page ahead: after a full page ending at position P,
 * the page after P is requested at once, so the server and the network work on it while the
 * caller handles the current page. A call asking for exactly that page gets it; any other call
 * reads afresh (and drops the page read ahead).
 *
 * Only a full page read ahead is ever handed out. Rows are never changed and positions are
 * gap-free and visible in commit order, so the `count` events after P are the same whenever they
 * are read: a full page read ahead is exactly what a fresh read would return. A shorter one (the
 * log's tail, which may have grown since) is dropped and read afresh, so no reader is ever handed
 * a stale end of the log.
 */
export function pagesReadingAhead(pool: Pool, sql: ReadStatements): ReadAllOnce {
  let ahead:
    | {
        readonly after: bigint;
        readonly count: number;
        readonly rows: Promise<ReadonlyArray<EventRow>>;
      }
    | undefined;
  return async (options) => {
    const after = options.after ?? 0n;
    const count = Math.min(
      options.maxCount ?? POSTGRES_READ_ALL.defaultCount,
      POSTGRES_READ_ALL.maxCount,
    );
    const readAhead = ahead !== undefined && ahead.after === after && ahead.count === count;
    const taken = readAhead ? ahead?.rows : undefined;
    ahead = undefined;
    let rows = taken === undefined ? undefined : await taken.catch(() => undefined);
    if (rows === undefined || rows.length < count) rows = await pageRows(pool, sql, after, count);
    const last = rows.at(-1);
    if (rows.length === count && last !== undefined) {
      const next = pageRows(pool, sql, BigInt(last.position), count);
      // A failed read ahead is dropped (and read afresh when asked for), never left unhandled.
      next.catch(() => undefined);
      ahead = { after: BigInt(last.position), count, rows: next };
    }
    return storedEventsOf(rows);
  };
}

/** The position of the last committed event (0 for an empty log). */
export async function lastPositionOnce(pool: Pool, sql: ReadStatements): Promise<bigint> {
  const { rows } = await pool.query<{ last_position: string }>(sql.lastPosition);
  return BigInt(rows[0]?.last_position ?? 0);
}
