/**
 * The PostgreSQL store's tamper evidence on the real server: 1,000 generated tamperings of one
 * generated log, each done with SQL on the server the way a superuser with psql would — triggers
 * off, the JSON checks dropped, rows edited with UPDATE, removed with DELETE, forged with INSERT,
 * and the log head moved to match — and each reported by `verify` against a signed checkpoint
 * taken before. The genuine store and the tampered copy live in schemas of their own, dropped
 * after the run.
 */
import pg from 'pg';
import * as E from 'fp-ts/Either';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawStoredEvent } from '@mandate/eventstore';
import {
  checkTamperEvidence,
  type StoreRows,
  type TamperTarget,
} from '@mandate/eventstore/conformance';
import {
  EVENT_COLUMNS,
  decodeAppendResult,
  encodeAppendResult,
  rawEventOf,
  type EventRow,
} from './rows.js';
import type { PostgresEventStore } from './store.js';
import { SERVER_URL, dropSchema, freshSchema, openStore } from './server.fixture.js';

const genuineSchema = freshSchema();
const copySchema = freshSchema();
const g = `"${genuineSchema}"`;
const c = `"${copySchema}"`;
let tamperer: pg.Client;
let copy: PostgresEventStore;

beforeAll(async () => {
  tamperer = new pg.Client({ connectionString: SERVER_URL });
  await tamperer.connect();
  copy = await openStore({ schema: copySchema });
  // What an attacker with superuser rights does first: no trigger fires, no CHECK holds (JSON
  // columns, revisions ≥ 0).
  await tamperer.query(`SET session_replication_role = replica;
    DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT conrelid::regclass AS tbl, conname FROM pg_constraint
        WHERE contype = 'c' AND connamespace = '${copySchema}'::regnamespace LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tbl, r.conname);
      END LOOP;
    END $$`);
});

afterAll(async () => {
  await copy.close();
  await tamperer.end();
  await dropSchema(genuineSchema);
  await dropSchema(copySchema);
});

async function readRows(): Promise<StoreRows> {
  const events = await tamperer.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM ${g}.events ORDER BY position`,
  );
  const heads = await tamperer.query<{ stream: string; last_revision: string; last_hash: string }>(
    `SELECT stream, last_revision, last_hash FROM ${g}.streams`,
  );
  const commands = await tamperer.query<{ command_id: string; result: unknown }>(
    `SELECT command_id, result FROM ${g}.commands`,
  );
  return {
    events: events.rows.map(rawEventOf),
    heads: heads.rows.map((row) => ({
      stream: row.stream,
      revision: BigInt(row.last_revision),
      hash: row.last_hash,
    })),
    commands: commands.rows.map((row) => {
      const result = decodeAppendResult(row.result);
      return { commandId: row.command_id, result: E.isRight(result) ? result.right : undefined };
    }),
  };
}

/** The command id an event's metadata names, as the append writes it into `command_id`. */
const commandIdOf = (row: RawStoredEvent): string | null => {
  try {
    const metadata = JSON.parse(row.metadataJson) as { readonly commandId?: unknown };
    return typeof metadata.commandId === 'string' ? metadata.commandId : null;
  } catch {
    return null;
  }
};

const EVENT_VALUES = (row: RawStoredEvent): unknown[] => [
  String(row.position),
  row.stream,
  String(row.revision),
  row.eventId,
  row.type,
  row.schemaVersion,
  row.dataJson,
  row.metadataJson,
  row.recordedAt,
  row.previousHash,
  row.hash,
  commandIdOf(row),
];

/** Turns the genuine rows into `tampered` in the copy with the fewest UPDATEs, DELETEs, INSERTs. */
async function tamperWithSql(genuine: StoreRows, tampered: StoreRows): Promise<void> {
  await tamperer.query('BEGIN');
  try {
    await tamperInTransaction(genuine, tampered);
    await tamperer.query('COMMIT');
  } catch (error) {
    // Leave the connection usable, so the next tampering (or a shrink) reports its own failure.
    await tamperer.query('ROLLBACK');
    throw error;
  }
}

/** The statements of {@link tamperWithSql}, inside its transaction. */
async function tamperInTransaction(genuine: StoreRows, tampered: StoreRows): Promise<void> {
  const sql = (text: string, values: unknown[] = []) => tamperer.query(text, values);
  // A fresh copy of the genuine store, then the tampering.
  for (const table of ['events', 'streams', 'commands', 'log_head']) {
    await sql(`DELETE FROM ${c}.${table}`);
    await sql(`INSERT INTO ${c}.${table} SELECT * FROM ${g}.${table}`);
  }
  const before = new Map(genuine.events.map((row) => [row.position, row]));
  const after = new Map(tampered.events.map((row) => [row.position, row]));
  for (const [position, row] of before) {
    const now = after.get(position);
    // Removed, or another event in its place: deleted (and inserted again below).
    if (now !== undefined && now.stream === row.stream && now.revision === row.revision) continue;
    await sql(`DELETE FROM ${c}.events WHERE position = $1`, [String(position)]);
  }
  for (const [position, row] of after) {
    const was = before.get(position);
    if (was !== undefined && was.stream === row.stream && was.revision === row.revision) {
      if (JSON.stringify(EVENT_VALUES(was)) === JSON.stringify(EVENT_VALUES(row))) continue;
      await sql(
        `UPDATE ${c}.events SET event_id = $2, type = $3, schema_version = $4, data = $5,
           metadata = $6, recorded_at = $7, previous_hash = $8, hash = $9 WHERE position = $1`,
        [
          String(position),
          row.eventId,
          row.type,
          row.schemaVersion,
          row.dataJson,
          row.metadataJson,
          row.recordedAt,
          row.previousHash,
          row.hash,
        ],
      );
    } else {
      await sql(
        `INSERT INTO ${c}.events (${EVENT_COLUMNS}, command_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        EVENT_VALUES(row),
      );
    }
  }
  const heads = new Map(genuine.heads.map((head) => [head.stream, head]));
  for (const head of genuine.heads) {
    if (!tampered.heads.some((h) => h.stream === head.stream)) {
      await sql(`DELETE FROM ${c}.streams WHERE stream = $1`, [head.stream]);
    }
  }
  for (const head of tampered.heads) {
    const was = heads.get(head.stream);
    if (was?.revision === head.revision && was.hash === head.hash) continue;
    await sql(
      `INSERT INTO ${c}.streams (stream, last_revision, last_hash) VALUES ($1, $2, $3)
         ON CONFLICT (stream) DO UPDATE SET last_revision = $2, last_hash = $3`,
      [head.stream, String(head.revision), head.hash],
    );
  }
  const commands = new Map(genuine.commands.map((row) => [row.commandId, row]));
  for (const row of genuine.commands) {
    if (!tampered.commands.some((r) => r.commandId === row.commandId)) {
      await sql(`DELETE FROM ${c}.commands WHERE command_id = $1`, [row.commandId]);
    }
  }
  for (const row of tampered.commands) {
    const result = row.result === undefined ? '{}' : encodeAppendResult(row.result);
    const was = commands.get(row.commandId);
    if (was?.result !== undefined && encodeAppendResult(was.result) === result) continue;
    await sql(
      `INSERT INTO ${c}.commands (command_id, result, recorded_at) VALUES ($1, $2, 'now')
         ON CONFLICT (command_id) DO UPDATE SET result = $2`,
      [row.commandId, result],
    );
  }
  // A thorough tamperer leaves the log head where the tampered log ends.
  const last = tampered.events.at(-1);
  await sql(`UPDATE ${c}.log_head SET last_position = $1, last_recorded_at = $2`, [
    String(last?.position ?? 0n),
    last?.recordedAt ?? null,
  ]);
}

describe('the PostgreSQL store against a signed checkpoint', () => {
  it('detects every generated tampering done with SQL on the server', async () => {
    let genuine: StoreRows | undefined;
    const target: TamperTarget = {
      create: async () => {
        const store = await openStore({ schema: genuineSchema });
        return {
          store,
          rows: async () => (genuine = await readRows()),
          cleanup: () => store.close(),
        };
      },
      load: async (rows) => {
        if (genuine === undefined) throw new Error('The genuine log was not read first');
        await tamperWithSql(genuine, rows);
        return { store: copy, cleanup: async () => undefined };
      },
    };
    const summary = await checkTamperEvidence(target);
    expect(Object.values(summary).reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(Object.keys(summary).length).toBeGreaterThanOrEqual(18);
  }, 600_000);
});
