/**
 * The Emmett PostgreSQL baseline (`@event-driven-io/emmett-postgresql` 0.42.0, on `pg` through
 * Emmett's `dumbo`) on the same workloads and events as Mandate's PostgreSQL store:
 *
 * - W1: the store's `appendToStream` with the expected stream version;
 * - W2: the store's `aggregateStream` folding `summarise` (Emmett's read of one stream and fold);
 * - W3: `readMessagesBatch` page by page (1,000 per page), what Emmett's consumers poll with,
 *   on the store's pool.
 *
 * Emmett keeps its tables under fixed names, so each run gets a fresh schema of its own, chosen
 * through the connection's `search_path`, dropped after. Emmett stores no hash chain and decodes
 * no event through a codec (its rows arrive parsed from `jsonb`), so its figures are for less work
 * than Mandate's.
 *
 * Opening Emmett's pool sets `pg`'s process-wide type parsers (`int8` as `BigInt`, `json`/`jsonb`
 * through its serializer). Mandate's store reads with type parsers of its own, and the raw
 * floor of `postgres.bench.ts` too, so neither is changed by running beside it.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { dumbo } from '@event-driven-io/dumbo';
import type { Event as EmmettEvent } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import type { NewEvent } from '@mandate/eventstore';
import { countsBuilder, emptySummary, summarise } from './projection.js';
import { POSTGRES_URL } from './read-models.bench.js';
import { appendTurns, type SubjectFactory } from './subject.js';

type Message = EmmettEvent<string, Record<string, unknown>, Record<string, unknown>>;

const PAGE = 1_000;

/** A Mandate event as an Emmett event: the same type, data and metadata. */
const message = (event: NewEvent): Message => ({
  type: event.type,
  data: event.data as Record<string, unknown>,
  metadata: event.metadata as unknown as Record<string, unknown>,
});

/** `connectionString` with `search_path` set to `schema` for every connection opened with it. */
function withSearchPath(connectionString: string, schema: string): string {
  const url = new URL(connectionString);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** Runs one statement on a connection of its own. */
async function runOnce(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Emmett's PostgreSQL store as shipped, in a fresh schema. */
export const emmettPostgresSubject: SubjectFactory = {
  key: 'emmett-pg',
  name: 'Emmett PostgreSQL 0.42',
  open: async () => {
    const schema = `mandate_bench_emmett_${randomBytes(4).toString('hex')}`;
    await runOnce(`CREATE SCHEMA "${schema}"`);
    const connectionString = withSearchPath(POSTGRES_URL, schema);
    const pool = dumbo({ connectionString });
    const store = getPostgreSQLEventStore(connectionString, {
      connectionOptions: { dumbo: pool },
    });
    await store.schema.migrate();
    return {
      appendAll: async (streams) => {
        for (const { stream, revisionBefore, events } of appendTurns(streams)) {
          await store.appendToStream(stream, events.map(message), {
            expectedStreamVersion: BigInt(revisionBefore),
          });
        }
      },
      readAndFold: async (streams) => {
        let folded = 0;
        for (const stream of streams) {
          const { state } = await store.aggregateStream(stream, {
            evolve: summarise,
            initialState: () => emptySummary,
          });
          folded += state.events;
        }
        return folded;
      },
      replay: async () => {
        const projection = countsBuilder();
        for (let after = 0n; ;) {
          const batch = await readMessagesBatch<Message>(pool.execute, { after, batchSize: PAGE });
          for (const { type, metadata } of batch.messages) {
            projection.add(metadata.streamName, type);
          }
          if (!batch.areMessagesLeft || batch.messages.length === 0) return projection.counts();
          after = batch.currentGlobalPosition;
        }
      },
      close: async () => {
        await store.close();
        await pool.close();
        await runOnce(`DROP SCHEMA "${schema}" CASCADE`);
      },
    };
  },
};
