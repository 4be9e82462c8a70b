/**
 * The SQLite event store: the embedded default backend of Mandate, one file per store.
 *
 * It implements the whole event store port on a better-sqlite3 connection shared by every store
 * of the process open on the same file, in WAL mode. Appends are validated first (shared limits),
 * then run in one `BEGIN IMMEDIATE` transaction; a busy file is retried here with back-off, so
 * callers never see "database is busy" unless the retry budget runs out (then `StoreUnavailable`,
 * retryable). Subscriptions are the shared catch-up subscription, woken at once by this process's
 * commits and by polling `PRAGMA data_version` for other processes' commits.
 *
 * @see docs/reference/domain.md rule 10
 * @see docs/reference/domain.md rule 13
 */
import * as E from 'fp-ts/Either';
import { CommandId, instantOf, type Instant } from '@mandate/core';
import {
  APPEND_LIMITS,
  createAppendAnnouncer,
  createCatchUpSubscription,
  validateAppend,
  verifyStore,
  withVerifyProgress,
  wholeNumberOption,
  type AppendLimits,
  type CommandRecord,
  type EventStore,
  type RawStoredEvent,
  type StoreUnavailable,
  type StreamHeadRecord,
  type Subscription,
} from '@mandate/eventstore';
import { appendOnce, recordedResult } from './append.js';
import {
  acquireConnection,
  announceCommit,
  releaseConnection,
  resolveFile,
  watchCommits,
  type Durability,
  type SharedConnection,
} from './connection.js';
import { sqliteCode, storeClosed, unavailable, type OpenError } from './errors.js';
import { readAllOnce, readStreamOnce } from './read.js';
import { retryWhileBusy } from './retry.js';
import { decodeAppendResult, rawEventOf } from './rows.js';

/** Options of {@link createSqliteEventStore}. */
export interface SqliteEventStoreOptions {
  /** The database file, created if absent; its `-wal` and `-shm` companions live beside it. */
  readonly path: string;
  /** The store clock stamping `recordedAt` (default: the system clock). */
  readonly clock?: () => Instant;
  /**
   * `'process-safe'` (default): a committed append survives the process being killed;
   * `'power-safe'`: it also survives an OS crash or power loss, at one fsync per append.
   */
  readonly durability?: Durability;
  /** How long SQLite itself waits for another process's write lock per attempt (default 5,000). */
  readonly busyTimeoutMs?: number;
  /** How long the adapter keeps retrying a busy operation before giving up (default 30,000). */
  readonly retryBudgetMs?: number;
  /** How often subscriptions check for other processes' commits, in ms (default 200). */
  readonly pollIntervalMs?: number;
  /** The append limits (default `APPEND_LIMITS` of `@mandate/eventstore`). */
  readonly limits?: AppendLimits;
}

/** The defaults of {@link SqliteEventStoreOptions}. */
export const SQLITE_DEFAULTS = {
  durability: 'process-safe',
  busyTimeoutMs: 5_000,
  retryBudgetMs: 30_000,
  pollIntervalMs: 200,
} as const satisfies Partial<SqliteEventStoreOptions>;

/** An event store kept in one SQLite file. */
export interface SqliteEventStore extends EventStore {
  /** The absolute path of the database file. */
  readonly file: string;
}

const VERIFY_PAGE = 1_000;

/** The rows kept beside the log, and the log's last position, read in one transaction. */
function readBeside(connection: SharedConnection): {
  readonly lastPosition: bigint;
  readonly heads: ReadonlyArray<StreamHeadRecord>;
  readonly commands: ReadonlyArray<CommandRecord>;
} {
  const { db, statements } = connection;
  const heads = db
    .prepare<[], { stream: string; last_revision: bigint; last_hash: string }>(
      'SELECT stream, last_revision, last_hash FROM streams',
    )
    .safeIntegers(true)
    .all()
    .map((row) => ({ stream: row.stream, revision: row.last_revision, hash: row.last_hash }));
  const commands = db
    .prepare<[], { command_id: string; result: string }>('SELECT command_id, result FROM commands')
    .all()
    .map((row) => {
      const result = decodeAppendResult(row.result);
      return { commandId: row.command_id, result: E.isRight(result) ? result.right : undefined };
    });
  return { lastPosition: statements.lastEvent.get()?.position ?? 0n, heads, commands };
}

const systemClock = (): Instant => instantOf(Date.now());

const checkCount = (maxCount: number | undefined): void => {
  if (maxCount !== undefined) wholeNumberOption('maxCount', maxCount, 1);
};

/**
 * Opens the event store kept in the SQLite file at `options.path`, creating and migrating the file
 * as needed. Resolves to `SchemaTooNew` for a file written by a newer adapter, and to
 * `StoreUnavailable` when the file cannot be used (not a database, unreadable, no such directory).
 * Throws `RangeError` for options out of range.
 */
export async function createSqliteEventStore(
  options: SqliteEventStoreOptions,
): Promise<E.Either<OpenError, SqliteEventStore>> {
  const clock = options.clock ?? systemClock;
  const limits = options.limits ?? APPEND_LIMITS;
  const durability = options.durability ?? SQLITE_DEFAULTS.durability;
  if (durability !== 'process-safe' && durability !== 'power-safe') {
    throw new RangeError("durability must be 'process-safe' or 'power-safe'");
  }
  const busyTimeoutMs = wholeNumberOption(
    'busyTimeoutMs',
    options.busyTimeoutMs ?? SQLITE_DEFAULTS.busyTimeoutMs,
    0,
  );
  const budget = wholeNumberOption(
    'retryBudgetMs',
    options.retryBudgetMs ?? SQLITE_DEFAULTS.retryBudgetMs,
    0,
  );
  const pollIntervalMs = wholeNumberOption(
    'pollIntervalMs',
    options.pollIntervalMs ?? SQLITE_DEFAULTS.pollIntervalMs,
    1,
  );
  const file = resolveFile(options.path);
  if (E.isLeft(file)) return file;
  const opened = await retryWhileBusy(
    `open ${file.right}`,
    budget,
    () => acquireConnection(file.right, { durability, busyTimeoutMs, now: clock() }),
    (error) => E.left(unavailable(`open ${file.right}`, error)),
  );
  return E.map((connection: SharedConnection) =>
    storeOn(connection, clock, limits, budget, pollIntervalMs),
  )(opened);
}

function storeOn(
  connection: SharedConnection,
  clock: () => Instant,
  limits: AppendLimits,
  budget: number,
  pollIntervalMs: number,
): SqliteEventStore {
  const subscriptions = new Set<Subscription>();
  const announcer = createAppendAnnouncer();
  let closed = false;

  /** Runs one synchronous SQLite operation, retried while busy; driver failures become values. */
  const run = <L, A>(
    action: string,
    operation: () => E.Either<L, A>,
  ): Promise<E.Either<L | StoreUnavailable, A>> =>
    retryWhileBusy<L | StoreUnavailable, A>(
      action,
      budget,
      () => (closed ? E.left(storeClosed()) : operation()),
      (error) => {
        // Only the driver's failures are the store's; anything else is a defect and is thrown.
        if (sqliteCode(error) === undefined) throw error;
        return E.left(unavailable(action, error));
      },
    );

  const lastPosition = () =>
    run<StoreUnavailable, bigint>('read the last position', () =>
      E.right(connection.statements.lastEvent.get()?.position ?? 0n),
    );

  const store: SqliteEventStore = {
    file: connection.path,

    append: async (request) => {
      if (closed) return E.left(storeClosed());
      const valid = validateAppend(request, limits);
      if (E.isLeft(valid)) return valid;
      const outcome = await run('append', () =>
        appendOnce(connection, valid.right, clock(), (rows) =>
          announcer.announce(valid.right, rows),
        ),
      );
      if (E.isRight(outcome) && !outcome.right.duplicate) announceCommit(connection);
      return outcome;
    },

    findCommand: (commandId) =>
      run('find a command', () =>
        CommandId.is(commandId) ? recordedResult(connection, commandId) : E.right(undefined),
      ),

    readStream: async (stream, options = {}) => {
      checkCount(options.maxCount);
      if (options.fromRevision !== undefined && options.fromRevision < 0n) {
        throw new RangeError('fromRevision must be >= 0');
      }
      return run('read a stream', () => readStreamOnce(connection, stream, options));
    },

    readAll: async (options = {}) => {
      checkCount(options.maxCount);
      return run('read the log', () => readAllOnce(connection, options));
    },

    onAppended: announcer.listen,

    subscribe: (options) => {
      const subscription = createCatchUpSubscription(
        {
          readAll: store.readAll,
          lastPosition,
          onCommitted: (listener) => watchCommits(connection, listener, pollIntervalMs),
        },
        options,
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

    verify: async (options = {}) => {
      // The heads and commands as of one snapshot, and the log up to that snapshot's last event:
      // appends committed meanwhile neither appear half-read nor make a head look edited.
      const snapshot = await run('read the streams and commands to verify them', () =>
        E.right(connection.db.transaction(() => readBeside(connection))()),
      );
      if (E.isLeft(snapshot)) return snapshot;
      const { lastPosition: end, heads, commands } = snapshot.right;
      let failure: StoreUnavailable | undefined;
      async function* rows(): AsyncGenerator<RawStoredEvent> {
        for (let after = 0n; after < end;) {
          const page = await run('read the log to verify it', () =>
            E.right(connection.statements.all.all(after, VERIFY_PAGE)),
          );
          if (E.isLeft(page)) {
            failure = page.left;
            return;
          }
          const last = page.right.at(-1);
          if (last === undefined) return;
          for (const row of page.right) if (row[0] <= end) yield rawEventOf(row);
          after = last[0];
        }
      }
      const report = await verifyStore(
        { events: withVerifyProgress(rows(), end, options.onProgress), heads, commands },
        options,
      );
      return failure === undefined ? E.right(report) : E.left(failure);
    },

    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      subscriptions.clear();
      releaseConnection(connection);
    },
  };
  return store;
}
