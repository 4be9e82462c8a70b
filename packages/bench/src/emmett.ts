/**
 * The Emmett baseline (`@event-driven-io/emmett-sqlite` 0.42.4, on the `sqlite3` driver), on the
 * same workloads and the same events, in two set-ups:
 *
 * - as shipped: `getSQLiteEventStore({ fileName })`, which opens a connection for every operation
 *   and closes it after, and leaves SQLite's default `synchronous=FULL` (an fsync per commit in
 *   WAL mode); W2 is its `aggregateStream`;
 * - tuned: one connection kept open for the whole run, with `synchronous=NORMAL` as Mandate's
 *   adapter uses, driving the functions the store itself calls (`appendToStream`, `readStream`).
 *
 * Emmett has no `readAll` on the store, so W3 pages through `readMessagesBatch` (what its consumers
 * use) on one connection in both set-ups. Emmett stores no hash chain and decodes no event through
 * a codec (`JSON.parse` only), so its figures are for less work than Mandate's.
 *
 * On a file, Emmett's appends now and then fail at COMMIT with `SQLITE_BUSY: cannot commit
 * transaction - SQL statements in progress` (a statement of the `sqlite3` driver still open; seen
 * here within the first hundred appends, with no other connection on the file). Emmett rolls the
 * transaction back and logs the error with `console.log`; the benchmark retries such an append
 * (its time counts), swallows that log line so it does not garble the tables, and reports how
 * many appends it retried.
 */
import { join } from 'node:path';
import type { Event as EmmettEvent } from '@event-driven-io/emmett';
import {
  appendToStream,
  createEventStoreSchema,
  getSQLiteEventStore,
  isSQLiteError,
  readMessagesBatch,
  readStream,
  sqliteConnection,
  type SQLiteConnection,
} from '@event-driven-io/emmett-sqlite';
import type { NewEvent } from '@mandate/eventstore';
import { countsBuilder, emptySummary, summarise, type Counts } from './projection.js';
import { appendTurns, temporaryDirectory, type SubjectFactory } from './subject.js';

type Message = EmmettEvent<string, Record<string, unknown>, Record<string, unknown>>;

const PAGE = 1_000;

/** A Mandate event as an Emmett event: the same type, data and metadata. */
const message = (event: NewEvent): Message => ({
  type: event.type,
  data: event.data as Record<string, unknown>,
  metadata: event.metadata as unknown as Record<string, unknown>,
});

/** Emmett stream versions count events, from 0 for a stream that does not exist. */
const expectedVersion = (revisionBefore: number): bigint => BigInt(revisionBefore);

const SQLITE_BUSY = 5;
const MAX_RETRIES = 5;

const isBusy = (error: unknown): boolean => isSQLiteError(error) && error.errno === SQLITE_BUSY;

/**
 * Runs W1's appends with busy appends retried: while it runs, Emmett's own `console.log` of a
 * busy error is swallowed (and counted); anything else is logged as usual.
 */
async function appendRetryingBusy(
  streams: Parameters<typeof appendTurns>[0],
  appendOnce: (
    stream: string,
    revisionBefore: number,
    events: ReadonlyArray<NewEvent>,
  ) => Promise<void>,
): Promise<number> {
  const log = console.log;
  let retries = 0;
  console.log = (...args: unknown[]) => {
    if (!(args.length === 1 && isBusy(args[0]))) log(...args);
  };
  try {
    for (const { stream, revisionBefore, events } of appendTurns(streams)) {
      for (let attempt = 0; ; attempt++) {
        try {
          await appendOnce(stream, revisionBefore, events);
          break;
        } catch (error) {
          if (attempt >= MAX_RETRIES || !isBusy(error)) throw error;
          retries += 1;
        }
      }
    }
  } finally {
    console.log = log;
  }
  return retries;
}

/** W3 on Emmett: every message in global order, page by page, into the projection. */
async function replayMessages(connection: SQLiteConnection): Promise<Counts> {
  const projection = countsBuilder();
  for (let after = 0n; ;) {
    const batch = await readMessagesBatch<Message>(connection, { after, batchSize: PAGE });
    for (const { type, metadata } of batch.messages) projection.add(metadata.streamName, type);
    if (!batch.areEventsLeft || batch.messages.length === 0) return projection.counts();
    after = batch.currentGlobalPosition;
  }
}

/** Emmett as shipped: `getSQLiteEventStore` on a temporary file. */
export const emmettSubject: SubjectFactory = {
  key: 'emmett',
  name: 'Emmett SQLite, as shipped',
  open: async () => {
    const directory = temporaryDirectory('emmett');
    const fileName = join(directory.path, 'events.db');
    const store = getSQLiteEventStore({ fileName });
    let retried = 0;
    return {
      appendAll: async (streams) => {
        retried += await appendRetryingBusy(streams, async (stream, revisionBefore, events) => {
          await store.appendToStream(stream, events.map(message), {
            expectedStreamVersion: expectedVersion(revisionBefore),
          });
        });
      },
      retries: () => retried,
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
        const connection = sqliteConnection({ fileName });
        try {
          return await replayMessages(connection);
        } finally {
          connection.close();
        }
      },
      close: async () => directory.remove(),
    };
  },
};

/** Emmett tuned: one connection, `synchronous=NORMAL`, on a temporary file. */
export const emmettTunedSubject: SubjectFactory = {
  key: 'emmett-tuned',
  name: 'Emmett SQLite, 1 connection, sync=NORMAL',
  open: async () => {
    const directory = temporaryDirectory('emmett-tuned');
    const connection = sqliteConnection({ fileName: join(directory.path, 'events.db') });
    await connection.command('PRAGMA synchronous = NORMAL');
    await createEventStoreSchema(connection);
    let retried = 0;
    return {
      appendAll: async (streams) => {
        retried += await appendRetryingBusy(streams, async (stream, revisionBefore, events) => {
          const result = await appendToStream(connection, stream, 'body', events.map(message), {
            expectedStreamVersion: expectedVersion(revisionBefore),
          });
          if (!result.success) throw new Error(`Emmett refused an append to ${stream}`);
        });
      },
      retries: () => retried,
      readAndFold: async (streams) => {
        let folded = 0;
        for (const stream of streams) {
          const { events } = await readStream<Message>(connection, stream);
          let summary = emptySummary;
          for (const event of events) summary = summarise(summary, event);
          folded += summary.events;
        }
        return folded;
      },
      replay: () => replayMessages(connection),
      close: async () => {
        connection.close();
        directory.remove();
      },
    };
  },
};
