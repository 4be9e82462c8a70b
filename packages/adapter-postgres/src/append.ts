/**
 * The append transaction. The request has already passed `validateAppend` (so a refused request
 * never reaches the server); everything else happens in one READ COMMITTED transaction on one
 * pooled connection:
 *
 * 1. `SELECT … FROM log_head FOR UPDATE` takes the log's row lock. Every append takes it first, so
 *    appends are serialised at the server, across processes: positions are `last + 1` onwards
 *    (gap-free, since a rolled-back append consumes none), and an append commits before the next
 *    one can read the log head, so positions become visible in commit order — a reader that sees
 *    position P has seen every position before it (no event is skipped by "read after P");
 * 2. in a new statement (a fresh snapshot, taken after the lock was granted, so it sees the
 *    previous holder's commit) the heads of the written and relied-on streams and the command's
 *    recorded result are read: a recorded command id answers with its first result
 *    (`duplicate: true`), appending nothing — two writers racing with one command id are
 *    serialised by the lock, so the second sees the first's row;
 * 3. `planAppend` checks every expected revision (written streams, then relied-on ones) against
 *    those heads, which no other writer can move while the lock is held, and chains the events;
 * 4. one statement writes the events, the new heads, the command's result and the log head, then
 *    COMMIT. A refusal or failure rolls everything back.
 *
 * @see docs/reference/domain.md rule 10
 * @see docs/reference/domain.md rule 13
 * @see docs/reference/domain.md rule 17
 */
import type { PoolClient } from 'pg';
import * as E from 'fp-ts/Either';
import { isInstant, type Instant } from '@mandate/core';
import {
  invalidAppend,
  planAppend,
  versionConflict,
  type AppendResult,
  type RawStoredEvent,
  type StoreError,
  type ValidatedAppend,
} from '@mandate/eventstore';
import { refusedByPostgres, uniqueViolation } from './errors.js';
import type { SchemaNames } from './migrations.js';
import {
  EVENT_COLUMNS,
  decodeAppendResult,
  encodeAppendResult,
  eventColumnArrays,
} from './rows.js';

/** The SQL of an append, built once per schema. */
export interface AppendStatements {
  /** BEGIN and `lock_log` for the given streams and command, as one simple-protocol text. */
  readonly beginAndLock: (streams: ReadonlyArray<string>, commandId: string | undefined) => string;
  readonly recordedResult: string;
  readonly write: string;
  readonly lastRevision: string;
}

/**
 * A text literal. Only ever given stream names and command ids, which `validateAppend` has
 * already restricted to letters, digits, `.`, `_`, `:` and `-`; quotes are doubled all the same.
 */
const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Builds the {@link AppendStatements} of one schema. */
export const appendStatements = ({ quoted: s }: SchemaNames): AppendStatements => ({
  // One round trip (the simple protocol takes several statements, but no parameters): the lock
  // is held from here to COMMIT, so the fewer round trips after it the better.
  beginAndLock: (streams, commandId) =>
    `BEGIN; SELECT * FROM ${s}.lock_log(ARRAY[${streams.map(literal).join(', ')}]::text[], ${
      commandId === undefined ? 'NULL' : literal(commandId)
    })`,
  recordedResult: `SELECT result FROM ${s}.commands WHERE command_id = $1`,
  write: `WITH inserted AS (
      INSERT INTO ${s}.events (${EVENT_COLUMNS}, command_id)
      SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[],
        $6::integer[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
    ), heads AS (
      INSERT INTO ${s}.streams (stream, last_revision, last_hash)
      SELECT * FROM unnest($13::text[], $14::bigint[], $15::text[])
      ON CONFLICT (stream) DO UPDATE
        SET last_revision = excluded.last_revision, last_hash = excluded.last_hash
    ), command AS (
      INSERT INTO ${s}.commands (command_id, result, recorded_at)
      SELECT $16::text, $17::jsonb, $18::text WHERE $16::text IS NOT NULL
    )
    UPDATE ${s}.log_head SET last_position = $19::bigint, last_recorded_at = $18::text`,
  lastRevision: `SELECT max(revision) AS revision FROM ${s}.events WHERE stream = $1`,
});

interface LockRow {
  readonly kind: 'log' | 'head' | 'command';
  readonly stream: string | null;
  readonly last_revision: string | null;
  readonly last_hash: string | null;
  readonly result: unknown;
  readonly last_position: string | null;
  readonly last_recorded_at: string | null;
}

/**
 * An append on behalf of a command must carry that command id in every event's metadata, so that
 * the recorded command can be checked against the hashed events by `verify`.
 */
function mislabelled(append: ValidatedAppend): E.Either<StoreError, never> | undefined {
  if (append.commandId === undefined) return undefined;
  for (const part of append.appends) {
    for (const [i, { event }] of part.events.entries()) {
      if (event.metadata.commandId !== append.commandId) {
        return E.left(
          invalidAppend(
            `stream ${JSON.stringify(part.stream)}, event ${i}: metadata.commandId must be the append's commandId ${JSON.stringify(append.commandId)}`,
          ),
        );
      }
    }
  }
  return undefined;
}

/** The rows `lock_log` returned, from the last result of the simple-protocol query. */
const rowsOf = (results: unknown): ReadonlyArray<LockRow> => {
  const last = (Array.isArray(results) ? results.at(-1) : results) as
    { rows?: ReadonlyArray<LockRow> } | undefined;
  return last?.rows ?? [];
};

/** Reads what `lock_log` returned into the log head, the stream heads and an earlier result. */
function lockedState(rows: ReadonlyArray<LockRow>) {
  const heads = new Map<string, { revision: bigint; hash: string }>();
  let log: LockRow | undefined;
  let earlier: LockRow | undefined;
  for (const row of rows) {
    if (row.kind === 'log') log = row;
    else if (row.kind === 'command') earlier = row;
    else if (row.stream !== null && row.last_revision !== null && row.last_hash !== null) {
      heads.set(row.stream, { revision: BigInt(row.last_revision), hash: row.last_hash });
    }
  }
  return { log, heads, earlier };
}

/** Everything after BEGIN and the lock (already taken, its rows given) up to, not including, COMMIT. */
async function writeWithinTransaction(
  client: PoolClient,
  sql: AppendStatements,
  append: ValidatedAppend,
  locked: ReadonlyArray<LockRow>,
  now: Instant,
  written: (rows: ReadonlyArray<RawStoredEvent>) => void,
): Promise<E.Either<StoreError, AppendResult>> {
  const { log, heads, earlier } = lockedState(locked);
  if (earlier !== undefined) {
    return E.mapLeft((reason: string) =>
      refusedByPostgres(`read the result of command ${JSON.stringify(append.commandId)}`, reason),
    )(decodeAppendResult(earlier.result));
  }
  if (log === undefined || log.last_position === null) {
    return E.left(refusedByPostgres('append', 'the log_head row is missing'));
  }
  const logHead = { last_position: log.last_position, last_recorded_at: log.last_recorded_at };
  const plan = planAppend(append, {
    streamHead: (stream) => heads.get(stream),
    lastPosition: BigInt(logHead.last_position),
    lastRecordedAt:
      logHead.last_recorded_at !== null && isInstant(logHead.last_recorded_at)
        ? logHead.last_recorded_at
        : undefined,
    now,
  });
  if (E.isLeft(plan)) return plan;
  const { rows, result, recordedAt } = plan.right;
  await client.query(sql.write, [
    ...eventColumnArrays(rows, append.commandId ?? null),
    plan.right.heads.map(({ stream }) => stream),
    plan.right.heads.map(({ head }) => String(head.revision)),
    plan.right.heads.map(({ head }) => head.hash),
    append.commandId ?? null,
    encodeAppendResult(result),
    recordedAt,
    String(result.lastPosition),
  ]);
  written(rows);
  return E.right(result);
}

/**
 * Runs one append attempt on `client` stamped `now`: commits what it wrote, rolls back a refusal
 * or a duplicate, answers a unique violation (a `streams` row edited behind the store, or a
 * command recorded meanwhile) as a conflict or a duplicate, and rethrows driver errors (after
 * rolling back) for the caller to map. `committed` is told the rows once they are committed.
 */
export async function appendOnce(
  client: PoolClient,
  sql: AppendStatements,
  append: ValidatedAppend,
  now: Instant,
  committed: (rows: ReadonlyArray<RawStoredEvent>) => void = () => undefined,
): Promise<E.Either<StoreError, AppendResult>> {
  const refused = mislabelled(append);
  if (refused !== undefined) return refused;
  const streams = [
    ...append.appends.map((part) => part.stream),
    ...append.expectations.map((expectation) => expectation.stream),
  ];
  try {
    const locked = rowsOf(await client.query(sql.beginAndLock(streams, append.commandId)));
    let rows: ReadonlyArray<RawStoredEvent> = [];
    const outcome = await writeWithinTransaction(client, sql, append, locked, now, (written) => {
      rows = written;
    });
    const commit = E.isRight(outcome) && !outcome.right.duplicate;
    await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    if (commit) committed(rows);
    return outcome;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const violated = uniqueViolation(error);
    if (violated === 'stream-revision') {
      // The `streams` table disagreed with `events` (edited behind the store): a conflict.
      const stream = streamOfViolation(error, append);
      const part = append.appends.find((a) => a.stream === stream);
      const last = await client.query<{ revision: string | null }>(sql.lastRevision, [stream]);
      const revision = last.rows[0]?.revision ?? null;
      return E.left(
        versionConflict(
          stream,
          part?.expectedRevision ?? 'any',
          revision === null ? 'no-stream' : BigInt(revision),
        ),
      );
    }
    if (violated === 'command-id' && append.commandId !== undefined) {
      const earlier = await client.query<{ result: unknown }>(sql.recordedResult, [
        append.commandId,
      ]);
      const row = earlier.rows[0];
      if (row !== undefined) {
        return E.mapLeft((reason: string) =>
          refusedByPostgres(`read the result of command ${append.commandId}`, reason),
        )(decodeAppendResult(row.result));
      }
    }
    throw error;
  }
}

/** The stream named in a `(stream, revision)` violation's detail, or the append's first stream. */
function streamOfViolation(error: unknown, append: ValidatedAppend): string {
  const detail =
    typeof error === 'object' && error !== null && 'detail' in error ? String(error.detail) : '';
  const named = append.appends.find((part) => detail.includes(`(${part.stream}, `));
  return (named ?? append.appends[0])?.stream ?? '';
}
