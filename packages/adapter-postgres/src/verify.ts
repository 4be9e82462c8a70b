/**
 * Verification of the whole store, in one REPEATABLE READ snapshot so that appends committed
 * meanwhile cannot make the tables disagree:
 *
 * 1. the events, in position order, through `verifyLog` of `@mandate/eventstore` (positions from
 *    1 without gaps, revisions without gaps, every hash matching its content and linking to its
 *    stream's previous event; unparseable JSON is `CorruptEvent`);
 * 2. every `streams` row equals its stream's last event (revision and hash), and every stream
 *    with events has a row — a forged, deleted or edited head is named;
 * 3. the `log_head` row holds the last event's position and recorded instant;
 * 4. every `commands` row is genuine: its recorded result decodes, and every event it names (each
 *    stream's last revision, and the last position) exists, was appended for that command and
 *    carries that command id in its hashed metadata; every event appended for a command has the
 *    command's row, and carries its id in its metadata.
 *
 * The first problem found is reported: a `streams` or `commands` row that does not match the log
 * as `RowTampered` naming its table and key (as every store does), anything else as
 * `TamperDetected` naming the stream and revision concerned.
 *
 * @see docs/reference/domain.md rule 13
 */
import type { PoolClient } from 'pg';
import * as E from 'fp-ts/Either';
import {
  rowTampered,
  tamperDetected,
  verifyLog,
  withVerifyProgress,
  type RawStoredEvent,
  type StoreVerifyOptions,
  type VerifyReport,
} from '@mandate/eventstore';
import type { SchemaNames } from './migrations.js';
import { EVENT_COLUMNS, decodeAppendResult, rawEventOf, type EventRow } from './rows.js';

const PAGE = 1_000;

/** The SQL of a verification, built once per schema. */
export interface VerifyStatements {
  readonly events: string;
  readonly size: string;
  readonly heads: string;
  readonly logHead: string;
  readonly commands: string;
  readonly namedEvents: string;
  readonly orphanedEvents: string;
}

/** Builds the {@link VerifyStatements} of one schema. */
export const verifyStatements = ({ quoted: s }: SchemaNames): VerifyStatements => ({
  events: `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE position > $1 ORDER BY position LIMIT $2`,
  size: `SELECT coalesce(max(position), 0) AS size FROM ${s}.events`,
  heads: `SELECT coalesce(h.stream, e.stream) AS stream, h.last_revision, h.last_hash,
      e.revision, e.hash
    FROM ${s}.streams h
    FULL JOIN (SELECT DISTINCT ON (stream) stream, revision, hash FROM ${s}.events
               ORDER BY stream, revision DESC) e ON e.stream = h.stream
    WHERE h.stream IS NULL OR e.stream IS NULL
       OR h.last_revision <> e.revision OR h.last_hash <> e.hash
    ORDER BY 1 LIMIT 1`,
  logHead: `SELECT l.last_position, l.last_recorded_at, e.stream, e.revision, e.position,
      e.recorded_at
    FROM (SELECT 1) AS one
    LEFT JOIN ${s}.log_head l ON true
    LEFT JOIN LATERAL (SELECT stream, revision, position, recorded_at FROM ${s}.events
                       ORDER BY position DESC LIMIT 1) e ON true`,
  commands: `SELECT command_id, result FROM ${s}.commands WHERE command_id > $1
    ORDER BY command_id LIMIT $2`,
  namedEvents: `SELECT stream, revision, position, command_id,
      metadata::json ->> 'commandId' AS metadata_command_id
    FROM ${s}.events
    WHERE (stream, revision) IN (SELECT * FROM unnest($1::text[], $2::bigint[]))
       OR position = ANY($3::bigint[])`,
  orphanedEvents: `SELECT e.stream, e.revision, e.position, e.command_id,
      e.metadata::json ->> 'commandId' AS metadata_command_id,
      EXISTS (SELECT 1 FROM ${s}.commands c WHERE c.command_id = e.command_id) AS recorded
    FROM ${s}.events e
    WHERE e.command_id IS NOT NULL AND (
      e.metadata::json ->> 'commandId' IS DISTINCT FROM e.command_id
      OR NOT EXISTS (SELECT 1 FROM ${s}.commands c WHERE c.command_id = e.command_id))
    ORDER BY e.position LIMIT 1`,
});

type Problem = Extract<VerifyReport, { ok: false }>;

const rowProblem = (table: 'streams' | 'commands', key: string, reason: string): Problem => ({
  ok: false,
  problem: rowTampered(table, key, reason),
});

const problem = (
  stream: string,
  revision: bigint,
  position: bigint | undefined,
  reason: string,
): Problem => ({ ok: false, problem: tamperDetected(stream, revision, position, reason) });

async function* eventRows(client: PoolClient, sql: VerifyStatements) {
  for (let after = '0'; ;) {
    const { rows } = await client.query<EventRow>(sql.events, [after, PAGE]);
    const last = rows.at(-1);
    if (last === undefined) return;
    for (const row of rows) yield rawEventOf(row) satisfies RawStoredEvent;
    after = last.position;
  }
}

async function checkHeads(client: PoolClient, sql: VerifyStatements): Promise<Problem | undefined> {
  const { rows } = await client.query<{
    stream: string;
    last_revision: string | null;
    last_hash: string | null;
    revision: string | null;
    hash: string | null;
  }>(sql.heads);
  const row = rows[0];
  if (row === undefined) return undefined;
  if (row.revision === null) {
    return rowProblem(
      'streams',
      row.stream,
      `the streams table has a head at revision ${row.last_revision ?? ''} for a stream without events (forged)`,
    );
  }
  return row.last_revision === null
    ? rowProblem(
        'streams',
        row.stream,
        `the streams table has no head for this stream, whose last revision is ${row.revision} (deleted)`,
      )
    : rowProblem(
        'streams',
        row.stream,
        `the streams table says the stream ends at revision ${row.last_revision} with hash ${row.last_hash ?? ''}, not at its last event, revision ${row.revision} (edited)`,
      );
}

async function checkLogHead(
  client: PoolClient,
  sql: VerifyStatements,
): Promise<Problem | undefined> {
  const { rows } = await client.query<{
    last_position: string | null;
    last_recorded_at: string | null;
    stream: string | null;
    revision: string | null;
    position: string | null;
    recorded_at: string | null;
  }>(sql.logHead);
  const row = rows[0];
  const stream = row?.stream ?? '';
  const revision = BigInt(row?.revision ?? -1);
  if (row === undefined || row.last_position === null) {
    return problem(stream, revision, undefined, 'the log_head row is missing (deleted)');
  }
  const position = row.position ?? '0';
  if (row.last_position !== position || row.last_recorded_at !== row.recorded_at) {
    return problem(
      stream,
      revision,
      BigInt(position),
      `the log_head row says the log ends at position ${row.last_position} recorded at ${row.last_recorded_at ?? 'nothing'} (edited)`,
    );
  }
  return undefined;
}

interface NamedEventRow {
  readonly stream: string;
  readonly revision: string;
  readonly position: string;
  readonly command_id: string | null;
  readonly metadata_command_id: string | null;
}

/** Why an event named by command `commandId`'s row does not belong to it, if it does not. */
const foreign = (event: NamedEventRow | undefined, commandId: string): string | undefined =>
  event === undefined
    ? 'does not exist'
    : event.command_id !== commandId
      ? `was appended for ${event.command_id === null ? 'no command' : `command ${JSON.stringify(event.command_id)}`}`
      : event.metadata_command_id !== commandId
        ? 'carries another command id in its metadata'
        : undefined;

async function checkCommands(
  client: PoolClient,
  sql: VerifyStatements,
): Promise<Problem | undefined> {
  for (let after = ''; ;) {
    const { rows } = await client.query<{ command_id: string; result: unknown }>(sql.commands, [
      after,
      PAGE,
    ]);
    const last = rows.at(-1);
    if (last === undefined) break;
    const decoded = rows.map((row) => ({
      id: row.command_id,
      result: decodeAppendResult(row.result),
    }));
    const named = decoded.flatMap(({ result }) => (E.isRight(result) ? result.right.streams : []));
    const positions = decoded.flatMap(({ result }) =>
      E.isRight(result) ? [String(result.right.lastPosition)] : [],
    );
    const found = await client.query<NamedEventRow>(sql.namedEvents, [
      named.map((s) => s.stream),
      named.map((s) => String(s.nextExpectedRevision)),
      positions,
    ]);
    const byPlace = new Map(found.rows.map((row) => [`${row.stream}@${row.revision}`, row]));
    const byPosition = new Map(found.rows.map((row) => [row.position, row]));
    for (const { id, result } of decoded) {
      const where = `the commands row of ${JSON.stringify(id)}`;
      if (E.isLeft(result))
        return rowProblem('commands', id, `${where} is malformed: ${result.left}`);
      for (const { stream, nextExpectedRevision } of result.right.streams) {
        const why = foreign(byPlace.get(`${stream}@${nextExpectedRevision}`), id);
        if (why !== undefined) {
          return rowProblem(
            'commands',
            id,
            `${where} names ${stream}@${nextExpectedRevision}, which ${why} (forged or edited)`,
          );
        }
      }
      const lastEvent = byPosition.get(String(result.right.lastPosition));
      const why = foreign(lastEvent, id);
      if (why !== undefined) {
        return rowProblem(
          'commands',
          id,
          `${where} names position ${result.right.lastPosition}, whose event ${why} (forged or edited)`,
        );
      }
    }
    after = last.command_id;
  }
  const orphans = await client.query<NamedEventRow & { recorded: boolean }>(sql.orphanedEvents);
  const orphan = orphans.rows[0];
  if (orphan === undefined) return undefined;
  return orphan.recorded || orphan.command_id === null
    ? problem(
        orphan.stream,
        BigInt(orphan.revision),
        BigInt(orphan.position),
        `the event was appended for command ${JSON.stringify(orphan.command_id)} but carries another command id in its metadata`,
      )
    : rowProblem(
        'commands',
        orphan.command_id,
        `the row is missing, yet ${orphan.stream}@${orphan.revision} was appended for it (deleted)`,
      );
}

/**
 * Verifies the whole store on `client` inside one read-only REPEATABLE READ transaction, the log
 * against `options.checkpoint` when given; driver errors are thrown (after rolling back) for the
 * caller to map.
 */
export async function verifyOnce(
  client: PoolClient,
  sql: VerifyStatements,
  options: StoreVerifyOptions = {},
): Promise<VerifyReport> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const size = await client.query<{ size: string }>(sql.size);
    const report = await verifyLog(
      withVerifyProgress(
        eventRows(client, sql),
        BigInt(size.rows[0]?.size ?? '0'),
        options.onProgress,
      ),
      options.checkpoint === undefined ? {} : { checkpoint: options.checkpoint },
    );
    const found = report.ok
      ? ((await checkHeads(client, sql)) ??
        (await checkLogHead(client, sql)) ??
        (await checkCommands(client, sql)))
      : undefined;
    await client.query('COMMIT');
    return found ?? report;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
