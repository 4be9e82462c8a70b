/**
 * The append transaction. The request has already passed `validateAppend` (so a refused request
 * never reaches SQLite); everything else happens inside one `BEGIN IMMEDIATE` transaction, which
 * takes the file's write lock up front so that no two writers, in any process, interleave:
 *
 * 1. a recorded command id answers with its first result (`duplicate: true`), appending nothing;
 * 2. `planAppend` checks each stream's expected revision against the `streams` table and, when
 *    they all hold, gives each event position `max + 1` onwards (gap-free: a rolled-back append
 *    consumes no position), its stream revision, the recorded instant and its chained hash;
 * 3. the rows, the streams' new heads and the command id with its result are written, then
 *    COMMIT. A refusal or a failure rolls everything back, so a refused append leaves no trace and
 *    the next append with the right expected revision succeeds.
 *
 * @see docs/reference/domain.md rule 10
 * @see docs/reference/domain.md rule 13
 */
import * as E from 'fp-ts/Either';
import { isInstant, type Instant } from '@mandate/core';
import {
  planAppend,
  versionConflict,
  type AppendResult,
  type RawStoredEvent,
  type StoreError,
  type StoreUnavailable,
  type ValidatedAppend,
} from '@mandate/eventstore';
import type { SharedConnection } from './connection.js';
import { refusedBySqlite, uniqueViolation } from './errors.js';
import { decodeAppendResult, encodeAppendResult, eventRowValues } from './rows.js';

/** The result recorded for a command id by an earlier append, marked duplicate, if any. */
export function recordedResult(
  connection: SharedConnection,
  commandId: string,
): E.Either<StoreUnavailable, AppendResult | undefined> {
  const row = connection.statements.command.get(commandId);
  if (row === undefined) return E.right(undefined);
  return E.mapLeft((reason: string) =>
    refusedBySqlite(`read the result of command ${JSON.stringify(commandId)}`, reason),
  )(decodeAppendResult(row.result));
}

/** The answer already recorded for a command id (a duplicate result), or `undefined` if none. */
function answerOf(
  connection: SharedConnection,
  commandId: string,
): E.Either<StoreUnavailable, AppendResult> | undefined {
  const recorded = recordedResult(connection, commandId);
  if (E.isLeft(recorded)) return recorded;
  return recorded.right === undefined ? undefined : E.right(recorded.right);
}

/** The revision of the last stored event of `stream` according to `events` itself. */
const storedRevision = (connection: SharedConnection, stream: string): bigint | 'no-stream' =>
  connection.statements.lastRevision.get(stream)?.revision ?? 'no-stream';

function writeWithinTransaction(
  connection: SharedConnection,
  append: ValidatedAppend,
  now: Instant,
  written: (rows: ReadonlyArray<RawStoredEvent>) => void,
): E.Either<StoreError, AppendResult> {
  const { statements } = connection;
  const earlier =
    append.commandId === undefined ? undefined : answerOf(connection, append.commandId);
  if (earlier !== undefined) return earlier;
  const last = statements.lastEvent.get();
  const plan = planAppend(append, {
    streamHead: (stream) => {
      const head = statements.stream.get(stream);
      return head === undefined
        ? undefined
        : { revision: head.last_revision, hash: head.last_hash };
    },
    lastPosition: last?.position ?? 0n,
    lastRecordedAt:
      last !== undefined && isInstant(last.recorded_at) ? last.recorded_at : undefined,
    now,
  });
  if (E.isLeft(plan)) return plan;
  for (const row of plan.right.rows) {
    try {
      statements.insertEvent.run(...eventRowValues(row));
    } catch (error) {
      // The `streams` table disagreed with `events` (edited by hand): refuse, as a conflict.
      if (uniqueViolation(error) !== 'stream-revision') throw error;
      const part = append.appends.find((a) => a.stream === row.stream);
      return E.left(
        versionConflict(
          row.stream,
          part?.expectedRevision ?? 'any',
          storedRevision(connection, row.stream),
        ),
      );
    }
  }
  for (const { stream, head } of plan.right.heads) {
    statements.putStream.run(stream, head.revision, head.hash);
  }
  if (append.commandId !== undefined) {
    statements.putCommand.run(
      append.commandId,
      encodeAppendResult(plan.right.result),
      plan.right.recordedAt,
    );
  }
  written(plan.right.rows);
  return E.right(plan.right.result);
}

/**
 * Runs one append attempt as a `BEGIN IMMEDIATE` transaction stamped `now`: commits what it
 * wrote, rolls back a refusal or a duplicate, and rethrows driver errors (after rolling back) for
 * the caller to retry or map. `committed` is told the rows once they are committed.
 */
export function appendOnce(
  connection: SharedConnection,
  append: ValidatedAppend,
  now: Instant,
  committed: (rows: ReadonlyArray<RawStoredEvent>) => void = () => undefined,
): E.Either<StoreError, AppendResult> {
  const { db } = connection;
  db.exec('BEGIN IMMEDIATE');
  try {
    let rows: ReadonlyArray<RawStoredEvent> = [];
    const outcome = writeWithinTransaction(connection, append, now, (written) => {
      rows = written;
    });
    const commit = E.isRight(outcome) && !outcome.right.duplicate;
    db.exec(commit ? 'COMMIT' : 'ROLLBACK');
    if (commit) committed(rows);
    return outcome;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (append.commandId !== undefined && uniqueViolation(error) === 'command-id') {
      // Another writer recorded the command meanwhile: answer with its result.
      const earlier = answerOf(connection, append.commandId);
      if (earlier !== undefined) return earlier;
    }
    throw error;
  }
}
