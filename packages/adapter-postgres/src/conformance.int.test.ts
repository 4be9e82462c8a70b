/**
 * The shared conformance suite of `@mandate/eventstore` on the real server, each case in a schema
 * of its own (dropped after): every case (durable ones included, reopening the schema), and the
 * model-based test with the in-memory store as the model. `rewriteLog` edits the table the way a
 * tamperer with superuser rights would: triggers off, JSON checks dropped, rows rewritten. All of
 * it runs twice: on ordinary tables, and with `events` partitioned by position range.
 */
import { describe, it } from 'vitest';
import type { EventStore, RawStoredEvent } from '@mandate/eventstore';
import {
  checkAgainstModel,
  createTestClock,
  runConformance,
  type StoreUnderTest,
} from '@mandate/eventstore/conformance';
import pg from 'pg';
import { EVENT_COLUMNS, rawEventOf, type EventRow } from './rows.js';
import { SERVER_URL, dropSchema, freshSchema, openStore } from './server.fixture.js';

/** Replaces the `events` rows of `schema` by `transform(rows)`, bypassing every check. */
async function rewriteEvents(
  schema: string,
  transform: (rows: ReadonlyArray<RawStoredEvent>) => ReadonlyArray<RawStoredEvent>,
): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  const s = `"${schema}"`;
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    const { rows } = await client.query<EventRow & { command_id: string | null }>(
      `SELECT ${EVENT_COLUMNS}, command_id FROM ${s}.events ORDER BY position`,
    );
    const commands = new Map(rows.map((row) => [row.event_id, row.command_id]));
    const rewritten = transform(rows.map(rawEventOf));
    await client.query(
      `ALTER TABLE ${s}.events DROP CONSTRAINT events_data_is_json,
        DROP CONSTRAINT events_metadata_is_json`,
    );
    await client.query(`DELETE FROM ${s}.events`);
    for (const row of rewritten) {
      await client.query(
        `INSERT INTO ${s}.events (${EVENT_COLUMNS}, command_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
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
          commands.get(row.eventId) ?? null,
        ],
      );
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/** Stores in fresh schemas; with `eventsPerPartition`, `events` is partitioned by position. */
const factoryWith = (eventsPerPartition?: number) => async (): Promise<StoreUnderTest> => {
  const schema = freshSchema();
  const clock = createTestClock();
  const open = () =>
    openStore({
      schema,
      clock: clock.now,
      maxConnections: 3,
      pollIntervalMs: 50,
      ...(eventsPerPartition === undefined ? {} : { eventsPerPartition }),
    });
  let store: EventStore = await open();
  return {
    store,
    clock,
    rewriteLog: (transform) => rewriteEvents(schema, transform),
    reopen: async () => {
      await store.close();
      store = await open();
      return store;
    },
    cleanup: async () => {
      await store.close();
      await dropSchema(schema);
    },
  };
};

const factory = factoryWith();

/** Small partitions, so that the suite's appends cross partition bounds, some of them mid-append. */
const partitionedFactory = factoryWith(7);

describe('PostgreSQL event store conformance', () => {
  runConformance(it, factory, { durable: true });
});

describe('PostgreSQL event store conformance, events partitioned by position', () => {
  runConformance(it, partitionedFactory, { durable: true });
});

describe('PostgreSQL event store, model-based against the in-memory store', () => {
  it('answers random command sequences like the reference store', async () => {
    await checkAgainstModel(factory, { numRuns: 30, maxCommands: 25 });
  }, 180_000);

  it('answers them alike with events partitioned by position', async () => {
    await checkAgainstModel(partitionedFactory, { numRuns: 15, maxCommands: 25 });
  }, 180_000);
});
