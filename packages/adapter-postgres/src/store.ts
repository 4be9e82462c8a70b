/**
 * The PostgreSQL event store: the whole event store port on a pool of `pg` connections, under a
 * schema of the user's choice, for many writers in many processes on one server.
 *
 * Appends are validated first (shared limits), then run in one transaction that takes the log
 * head's row lock (see `append.ts`): positions are gap-free and commit in position order, so
 * readers and subscribers paging "after position P" never skip an event that commits late.
 * Reads and subscriptions use the read pool — a replica's, when `readConnectionString` is given —
 * while appends, command look-ups and `verify` use the primary. Subscriptions are the shared
 * catch-up subscription, woken by `LISTEN` on the primary (every append's update of the log head
 * sends a `NOTIFY` at commit) and by polling, which also covers a replica's lag behind the
 * notification.
 *
 * @see docs/reference/domain.md rule 10
 * @see docs/reference/domain.md rule 13
 */
import pg from 'pg';
import * as E from 'fp-ts/Either';
import { CommandId, instantOf, type Instant } from '@mandate/core';
import {
  APPEND_LIMITS,
  createAppendAnnouncer,
  createCatchUpSubscription,
  validateAppend,
  wholeNumberOption,
  type AppendLimits,
  type EventStore,
  type StoreUnavailable,
  type Subscription,
} from '@mandate/eventstore';
import { appendOnce, appendStatements } from './append.js';
import {
  errorCode,
  failureKind,
  refusedByPostgres,
  storeClosed,
  unavailable,
  type OpenError,
} from './errors.js';
import { listenForCommits, type CommitListener } from './listen.js';
import { migrate, schemaNames, type SchemaNames } from './migrations.js';
import { lastPositionOnce, readAllOnce, readStatements, readStreamOnce } from './read.js';
import { decodeAppendResult } from './rows.js';
import { verifyOnce, verifyStatements } from './verify.js';

/** Options of {@link createPostgresEventStore}. */
export interface PostgresEventStoreOptions {
  /** The primary server, e.g. `postgres://user@host:5432/db`; appends and `verify` go here. */
  readonly connectionString: string;
  /** A server to read from (a streaming replica); default: the primary. */
  readonly readConnectionString?: string;
  /** The schema holding the store's tables, created if absent (default `mandate`). */
  readonly schema?: string;
  /** The store clock stamping `recordedAt` (default: the system clock). */
  readonly clock?: () => Instant;
  /** The most connections each pool opens (default 10). */
  readonly maxConnections?: number;
  /** The server cancels any statement running longer than this, in ms (default 0: never). */
  readonly statementTimeoutMs?: number;
  /** How often subscriptions also read without a notification, in ms (default 1,000). */
  readonly pollIntervalMs?: number;
  /** The append limits (default `APPEND_LIMITS` of `@mandate/eventstore`). */
  readonly limits?: AppendLimits;
}

/** The defaults of {@link PostgresEventStoreOptions}. */
export const POSTGRES_DEFAULTS = {
  schema: 'mandate',
  maxConnections: 10,
  statementTimeoutMs: 0,
  pollIntervalMs: 1_000,
} as const satisfies Partial<PostgresEventStoreOptions>;

/** An event store kept in a PostgreSQL schema. */
export interface PostgresEventStore extends EventStore {
  /** The schema holding the store's tables. */
  readonly schema: string;
}

const systemClock = (): Instant => instantOf(Date.now());

const checkCount = (maxCount: number | undefined): void => {
  if (maxCount !== undefined) wholeNumberOption('maxCount', maxCount, 1);
};

/** True for what the driver or the server threw, as opposed to a defect of this code. */
const isDriverError = (error: unknown): boolean =>
  errorCode(error) !== undefined || failureKind(error) !== 'other';

function openPool(connectionString: string, max: number, statementTimeoutMs: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
  });
  // An idle connection dropped by the server is removed from the pool; the next query reports it.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Opens the event store in `options.schema` on the server at `options.connectionString`,
 * creating and migrating the schema as needed. Resolves to `SchemaTooNew` for a schema migrated
 * by a newer adapter, and to `StoreUnavailable` when the server cannot be used. Throws
 * `RangeError` for options out of range.
 */
export async function createPostgresEventStore(
  options: PostgresEventStoreOptions,
): Promise<E.Either<OpenError, PostgresEventStore>> {
  const names = schemaNames(options.schema ?? POSTGRES_DEFAULTS.schema);
  const max = wholeNumberOption(
    'maxConnections',
    options.maxConnections ?? POSTGRES_DEFAULTS.maxConnections,
    1,
  );
  const statementTimeoutMs = wholeNumberOption(
    'statementTimeoutMs',
    options.statementTimeoutMs ?? POSTGRES_DEFAULTS.statementTimeoutMs,
    0,
  );
  const pollIntervalMs = wholeNumberOption(
    'pollIntervalMs',
    options.pollIntervalMs ?? POSTGRES_DEFAULTS.pollIntervalMs,
    1,
  );
  const clock = options.clock ?? systemClock;
  const pool = openPool(options.connectionString, max, statementTimeoutMs);
  const readPool =
    options.readConnectionString === undefined
      ? pool
      : openPool(options.readConnectionString, max, statementTimeoutMs);
  const closePools = async () => {
    await pool.end();
    if (readPool !== pool) await readPool.end();
  };
  try {
    const client = await pool.connect();
    client.on('error', () => undefined);
    try {
      const migrated = await migrate(client, names, clock());
      if (E.isLeft(migrated)) {
        client.release();
        await closePools();
        return migrated;
      }
      client.release();
    } catch (error) {
      client.release(true);
      throw error;
    }
  } catch (error) {
    await closePools();
    if (!isDriverError(error)) throw error;
    return E.left(unavailable(`open schema ${names.schema}`, error));
  }
  return E.right(
    storeOn(names, pool, readPool, closePools, {
      clock,
      limits: options.limits ?? APPEND_LIMITS,
      pollIntervalMs,
      // A hot standby can neither LISTEN nor receive NOTIFY: commits are heard on the primary.
      listenTo: options.connectionString,
    }),
  );
}

interface StoreSettings {
  readonly clock: () => Instant;
  readonly limits: AppendLimits;
  readonly pollIntervalMs: number;
  /** The server whose notifications wake subscriptions (the primary). */
  readonly listenTo: string;
}

function storeOn(
  names: SchemaNames,
  pool: pg.Pool,
  readPool: pg.Pool,
  closePools: () => Promise<void>,
  settings: StoreSettings,
): PostgresEventStore {
  const appendSql = appendStatements(names);
  const readSql = readStatements(names);
  const verifySql = verifyStatements(names);
  const announcer = createAppendAnnouncer();
  const subscriptions = new Set<Subscription>();
  let listener: CommitListener | undefined;
  let closed = false;

  /** Runs `operation`, turning driver failures into `StoreUnavailable`; defects are rethrown. */
  const guard = async <L, A>(
    action: string,
    operation: () => Promise<E.Either<L, A>>,
  ): Promise<E.Either<L | StoreUnavailable, A>> => {
    if (closed) return E.left(storeClosed());
    try {
      return await operation();
    } catch (error) {
      if (!isDriverError(error)) throw error;
      return E.left(unavailable(action, error));
    }
  };

  /** Runs `operation` on a client of the primary pool, destroying the client after a failure. */
  const withClient = async <A>(operation: (client: pg.PoolClient) => Promise<A>): Promise<A> => {
    const client = await pool.connect();
    // A connection lost while checked out also rejects the running query, which reports it.
    const ignore = () => undefined;
    client.on('error', ignore);
    try {
      const result = await operation(client);
      client.off('error', ignore);
      client.release();
      return result;
    } catch (error) {
      client.off('error', ignore);
      client.release(true);
      throw error;
    }
  };

  const lastPosition = () =>
    guard<StoreUnavailable, bigint>('read the last position', async () =>
      E.right(await lastPositionOnce(readPool, readSql)),
    );

  const store: PostgresEventStore = {
    schema: names.schema,

    append: async (request) => {
      if (closed) return E.left(storeClosed());
      const valid = validateAppend(request, settings.limits);
      if (E.isLeft(valid)) return valid;
      return guard('append', () =>
        withClient((client) =>
          appendOnce(client, appendSql, valid.right, settings.clock(), (rows) =>
            announcer.announce(valid.right, rows),
          ),
        ),
      );
    },

    findCommand: (commandId) =>
      guard('find a command', async () => {
        if (!CommandId.is(commandId)) return E.right(undefined);
        const { rows } = await pool.query<{ result: unknown }>(appendSql.recordedResult, [
          commandId,
        ]);
        const row = rows[0];
        if (row === undefined) return E.right(undefined);
        return E.mapLeft((reason: string) =>
          refusedByPostgres(`read the result of command ${JSON.stringify(commandId)}`, reason),
        )(decodeAppendResult(row.result));
      }),

    readStream: async (stream, options = {}) => {
      checkCount(options.maxCount);
      if (options.fromRevision !== undefined && options.fromRevision < 0n) {
        throw new RangeError('fromRevision must be >= 0');
      }
      return guard('read a stream', () => readStreamOnce(readPool, readSql, stream, options));
    },

    readAll: async (options = {}) => {
      checkCount(options.maxCount);
      return guard('read the log', () => readAllOnce(readPool, readSql, options));
    },

    onAppended: announcer.listen,

    subscribe: (options) => {
      listener ??= listenForCommits(settings.listenTo, names.channel);
      const subscription = createCatchUpSubscription(
        { readAll: store.readAll, lastPosition, onCommitted: listener.listen },
        options,
        { pollIntervalMs: settings.pollIntervalMs },
      );
      subscriptions.add(subscription);
      return {
        waitUntilCaughtUp: subscription.waitUntilCaughtUp,
        stop: async () => {
          await subscription.stop();
          subscriptions.delete(subscription);
        },
      };
    },

    verify: (options) =>
      guard('verify the store', async () =>
        E.right(await withClient((client) => verifyOnce(client, verifySql, options))),
      ),

    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      subscriptions.clear();
      await listener?.close();
      await closePools();
    },
  };
  return store;
}
