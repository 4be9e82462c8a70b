/**
 * B3 — the workloads on PostgreSQL, in one run:
 *
 * - W1–W3 (and verify) on Mandate's PostgreSQL store beside raw `pg` doing the same inserts and
 *   scans: the floor has the adapter's `events` columns and unique `(stream, revision)`, checks
 *   each append's expected revision in its transaction, and does one multi-row INSERT per append,
 *   but none of the adapter's work — no validation, canonical JSON or hash chain, no stream heads,
 *   command ids, log lock or checks — and parses rows with `JSON.parse` only, never decoding them;
 *   and beside Emmett's PostgreSQL store as shipped (`emmett-postgres.ts`);
 * - W1 with 8 concurrent writers on distinct streams, as a ratio to one writer on the same events;
 * - W3's replay of the whole log at 1,000,000 events beside 100,000, each log loaded through the
 *   adapter ten streams (1,000 events) per append and, in the full run, kept for later runs.
 *
 * Each subject runs in a schema of its own, dropped after; so do the replay logs of the quick run.
 * The server is `MANDATE_PG_URL` or the local one.
 */
import pg from 'pg';
import * as E from 'fp-ts/Either';
import { randomBytes, randomUUID } from 'node:crypto';
import { createPostgresEventStore, type PostgresEventStore } from '@mandate/adapter-postgres';
import type { NewEvent, StreamAppend } from '@mandate/eventstore';
import {
  streamFixture,
  streamFixtures,
  streamName,
  type StreamFixture,
  type WorkloadShape,
} from './fixtures.js';
import { emmettPostgresSubject } from './emmett-postgres.js';
import { timeOnce, type Timing } from './measure.js';
import { countsBuilder, emptySummary, summarise } from './projection.js';
import { POSTGRES_URL } from './read-models.bench.js';
import { appendTurns, type SubjectFactory } from './subject.js';
import {
  portSubject,
  runWorkloads,
  type WorkloadOptions,
  type WorkloadsResult,
} from './workloads.js';

/** Sizes of B3. */
export interface PostgresBenchOptions {
  readonly workloads: WorkloadOptions;
  /** W3's replay of the whole log at two sizes. */
  readonly replay: {
    /** The smaller and the larger log. */
    readonly events: readonly [number, number];
    readonly repeats: number;
    /** No further round starts once the replays have taken this many seconds in all. */
    readonly budgetSeconds: number;
    /** Keep each log in a schema named by its size for later runs (else drop it after). */
    readonly cache: boolean;
  };
}

/** The full run: W1–W3 on 200 streams × 50 events (10 per append), replay at 100k and 1M. */
export const POSTGRES_FULL: PostgresBenchOptions = {
  workloads: {
    shape: { streams: 200, eventsPerStream: 50, batchSize: 10 },
    repeats: 1,
    budgetSeconds: 300,
  },
  replay: { events: [100_000, 1_000_000], repeats: 3, budgetSeconds: 300, cache: true },
};

/** The quick run. */
export const POSTGRES_QUICK: PostgresBenchOptions = {
  workloads: {
    shape: { streams: 16, eventsPerStream: 20, batchSize: 10 },
    repeats: 1,
    budgetSeconds: 60,
  },
  replay: { events: [2_000, 10_000], repeats: 1, budgetSeconds: 60, cache: false },
};

/** What B3 measured. */
export interface PostgresBenchResult {
  readonly workloads: WorkloadsResult;
  readonly concurrent: { readonly events: number; readonly one: Timing; readonly eight: Timing };
  readonly replay: ReadonlyArray<{
    readonly events: number;
    /** Seconds spent loading the log in this run; `undefined` when a cached one was reused. */
    readonly loadedInSeconds: number | undefined;
    readonly timing: Timing;
  }>;
}

const asText = (text: string): string => text;
const TEXT_TYPES: pg.CustomTypesConfig = {
  getTypeParser: (() => asText) as pg.CustomTypesConfig['getTypeParser'],
};

const freshSchema = (label: string) => `mandate_bench_${label}_${randomBytes(4).toString('hex')}`;

const dropSchema = async (schema: string) => {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
};

const orThrow = <A>(what: string, result: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(result)) throw new Error(`${what}: ${result.left.message}`);
  return result.right;
};

async function openMandate(schema: string, maxConnections = 10) {
  return orThrow(
    'open',
    await createPostgresEventStore({ connectionString: POSTGRES_URL, schema, maxConnections }),
  );
}

/** Mandate's PostgreSQL store, with its defaults, in a fresh schema. */
export const postgresSubject: SubjectFactory = {
  key: 'postgres',
  name: 'Mandate PostgreSQL',
  open: async () => {
    const schema = freshSchema('mandate');
    const store = await openMandate(schema);
    const subject = portSubject(store, () => undefined);
    return { ...subject, close: async () => (await subject.close(), await dropSchema(schema)) };
  },
};

/** Raw `pg` doing the same inserts and scans, in a fresh schema. */
export const rawPostgresSubject: SubjectFactory = {
  key: 'raw-pg',
  name: 'raw pg (floor)',
  open: async () => {
    const schema = freshSchema('raw');
    // Every column as the text the server sent, whatever `pg.types` holds (Emmett changes it).
    const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 2, types: TEXT_TYPES });
    const s = `"${schema}"`;
    await pool.query(`CREATE SCHEMA ${s}`);
    await pool.query(`CREATE TABLE ${s}.events (
      position bigserial PRIMARY KEY, stream text NOT NULL, revision bigint NOT NULL,
      event_id text NOT NULL, type text NOT NULL, schema_version integer NOT NULL,
      data text NOT NULL, metadata text NOT NULL, recorded_at text NOT NULL,
      previous_hash text NOT NULL, hash text NOT NULL, UNIQUE (stream, revision))`);
    const hash = 'f'.repeat(64);
    const append = async (
      stream: string,
      revisionBefore: number,
      events: ReadonlyArray<NewEvent>,
    ) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ revision: string | null }>(
          `SELECT max(revision) AS revision FROM ${s}.events WHERE stream = $1`,
          [stream],
        );
        const last = rows[0]?.revision ?? null;
        if ((last === null ? -1 : Number(last)) !== revisionBefore - 1) {
          throw new Error(`${stream} is at revision ${last}`);
        }
        const recordedAt = new Date().toISOString();
        await client.query(
          `INSERT INTO ${s}.events (stream, revision, event_id, type, schema_version, data, metadata,
             recorded_at, previous_hash, hash)
           SELECT $1, r, e, t, v, d, m, $2, $3, $3
           FROM unnest($4::bigint[], $5::text[], $6::text[], $7::integer[], $8::text[], $9::text[])
             AS u(r, e, t, v, d, m)`,
          [
            stream,
            recordedAt,
            hash,
            events.map((_, i) => revisionBefore + i),
            events.map((e) => e.eventId),
            events.map((e) => e.type),
            events.map((e) => e.schemaVersion),
            events.map((e) => JSON.stringify(e.data)),
            events.map((e) => JSON.stringify(e.metadata)),
          ],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    };
    type Row = { stream: string; type: string; data: string; metadata: string };
    return {
      appendAll: async (streams) => {
        for (const { stream, revisionBefore, events } of appendTurns(streams)) {
          await append(stream, revisionBefore, events);
        }
      },
      readAndFold: async (streams) => {
        let folded = 0;
        for (const stream of streams) {
          const { rows } = await pool.query<Row>(
            `SELECT stream, type, data, metadata FROM ${s}.events WHERE stream = $1 ORDER BY revision`,
            [stream],
          );
          let summary = emptySummary;
          for (const row of rows) {
            JSON.parse(row.metadata);
            summary = summarise(summary, { type: row.type, data: JSON.parse(row.data) as unknown });
          }
          folded += summary.events;
        }
        return folded;
      },
      replay: async () => {
        const projection = countsBuilder();
        for (let after = '0'; ;) {
          const { rows } = await pool.query<Row & { position: string }>(
            `SELECT position, stream, type, data, metadata FROM ${s}.events
             WHERE position > $1 ORDER BY position LIMIT 1000`,
            [after],
          );
          const last = rows.at(-1);
          if (last === undefined) return projection.counts();
          for (const row of rows) {
            JSON.parse(row.data);
            JSON.parse(row.metadata);
            projection.add(row.stream, row.type);
          }
          after = last.position;
        }
      },
      close: async () => {
        await pool.query(`DROP SCHEMA ${s} CASCADE`);
        await pool.end();
      },
    };
  },
};

/** W1 on Mandate's store with `writers` concurrent writers, each on its own share of the streams. */
async function appendWith(
  writers: number,
  fixtures: ReadonlyArray<StreamFixture>,
): Promise<number> {
  const schema = freshSchema(`w${writers}`);
  const store = await openMandate(schema, writers);
  try {
    return await timeOnce(() =>
      Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          const mine = fixtures.filter((_, i) => i % writers === w);
          for (const { stream, revisionBefore, events } of appendTurns(mine)) {
            const expectedRevision =
              revisionBefore === 0 ? 'no-stream' : BigInt(revisionBefore - 1);
            orThrow(
              'append',
              await store.append({ appends: [{ stream, expectedRevision, events }] }),
            );
          }
        }),
      ),
    );
  } finally {
    await store.close();
    await dropSchema(schema);
  }
}

/** The replay's log: generated body histories of 100 events, appended ten streams at a time. */
const REPLAY_LOG = { templates: 100, eventsPerStream: 100, streamsPerAppend: 10 } as const;

/** Bump when a replay log would differ (generator, shape, schema): old cached ones are ignored. */
const REPLAY_LOG_VERSION = 'v2';

/** The position of the last event in `schema`'s log (0 when it has no log). */
async function loggedEvents(schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const found = await client.query<{ table: string | null }>(
      'SELECT to_regclass($1)::text AS table',
      [`"${schema}".log_head`],
    );
    if (found.rows[0]?.table == null) return 0;
    const { rows } = await client.query<{ last: string | null }>(
      `SELECT last_position::text AS last FROM "${schema}".log_head`,
    );
    return Number(rows[0]?.last ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * Writes a log of `events` events through the adapter: {@link REPLAY_LOG}'s generated histories,
 * each appended under many stream names with fresh event ids, ten streams (1,000 events) per
 * append, so the hash chain, stream heads and positions are the adapter's own. Resolves to the
 * seconds it took.
 */
async function loadReplayLog(
  store: PostgresEventStore,
  events: number,
  progress: (line: string) => void,
): Promise<number> {
  const shape: WorkloadShape = {
    streams: REPLAY_LOG.templates,
    eventsPerStream: REPLAY_LOG.eventsPerStream,
    batchSize: REPLAY_LOG.eventsPerStream,
  };
  const streams = Math.ceil(events / REPLAY_LOG.eventsPerStream);
  const templates = Array.from({ length: Math.min(REPLAY_LOG.templates, streams) }, (_, i) =>
    streamFixture(i, shape).batches.flat(),
  );
  const start = performance.now();
  for (let first = 0; first < streams; first += REPLAY_LOG.streamsPerAppend) {
    const appends: StreamAppend[] = [];
    for (
      let index = first;
      index < Math.min(streams, first + REPLAY_LOG.streamsPerAppend);
      index++
    ) {
      const template = templates[index % templates.length] ?? [];
      appends.push({
        stream: streamName(index),
        expectedRevision: 'no-stream',
        events: template.map((event) => ({ ...event, eventId: randomUUID() })),
      });
    }
    orThrow('load', await store.append({ appends }));
    const done = (first + REPLAY_LOG.streamsPerAppend) * REPLAY_LOG.eventsPerStream;
    if (done % 100_000 === 0) progress(`  loaded ${done.toLocaleString('en-US')} events…`);
  }
  return (performance.now() - start) / 1000;
}

/** One replay log: its size, its schema, and how long loading it took in this run. */
interface ReplayLog {
  readonly events: number;
  readonly schema: string;
  /** Seconds spent loading it in this run, or `undefined` when a cached log was reused. */
  readonly loadedInSeconds: number | undefined;
}

/** The log of `events` events: the cached schema if complete, else one loaded now. */
async function replayLog(
  events: number,
  cache: boolean,
  progress: (line: string) => void,
): Promise<ReplayLog> {
  const schema = cache
    ? `mandate_bench_replay_${REPLAY_LOG_VERSION}_${events}`
    : freshSchema('replay');
  if (cache && (await loggedEvents(schema)) === events) {
    return { events, schema, loadedInSeconds: undefined };
  }
  await dropSchema(schema);
  const store = await openMandate(schema);
  try {
    return { events, schema, loadedInSeconds: await loadReplayLog(store, events, progress) };
  } finally {
    await store.close();
  }
}

/** Times one W3 replay of the log in `schema`. */
async function replayOnce(schema: string): Promise<number> {
  const store = await openMandate(schema);
  try {
    const subject = portSubject(store, () => undefined);
    return await timeOnce(() => subject.replay());
  } finally {
    await store.close();
  }
}

/** Runs B3. */
export async function runPostgresBench(
  options: PostgresBenchOptions,
  progress: (line: string) => void = () => undefined,
): Promise<PostgresBenchResult> {
  const workloads = await runWorkloads(options.workloads, [
    postgresSubject,
    rawPostgresSubject,
    emmettPostgresSubject,
  ]);
  progress('B3 W1 with 8 concurrent writers beside one…');
  const fixtures = streamFixtures(options.workloads.shape);
  const one = await appendWith(1, fixtures);
  const eight = await appendWith(8, fixtures);
  const logs: ReplayLog[] = [];
  for (const events of options.replay.events) {
    progress(`B3 replay log of ${events.toLocaleString('en-US')} events…`);
    logs.push(await replayLog(events, options.replay.cache, progress));
  }
  const seconds = logs.map((): number[] => []);
  const start = performance.now();
  try {
    for (
      let round = 0;
      round < options.replay.repeats &&
      (round === 0 || (performance.now() - start) / 1000 < options.replay.budgetSeconds);
      round++
    ) {
      for (const [i, log] of logs.entries()) {
        progress(`B3 replay of ${log.events.toLocaleString('en-US')} events, round ${round + 1}…`);
        seconds[i]?.push(await replayOnce(log.schema));
      }
    }
  } finally {
    if (!options.replay.cache) for (const log of logs) await dropSchema(log.schema);
  }
  const replay = logs.map((log, i) => ({
    events: log.events,
    loadedInSeconds: log.loadedInSeconds,
    timing: { seconds: seconds[i] ?? [] },
  }));
  return {
    workloads,
    concurrent: { events: workloads.events, one: { seconds: [one] }, eight: { seconds: [eight] } },
    replay,
  };
}
