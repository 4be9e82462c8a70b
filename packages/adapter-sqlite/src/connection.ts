/**
 * One shared better-sqlite3 connection per file per process.
 *
 * better-sqlite3 is synchronous, so one connection serves every store of the process that opens
 * the same file: a module-level registry keyed by the file's resolved path hands out leases and
 * closes the connection when the last lease is released. The connection runs in WAL mode (readers
 * never block the writer, and a committed transaction survives a killed process), with a busy
 * timeout so that writers of other processes wait for the lock instead of failing.
 *
 * The connection also carries the commit signal: stores sharing it announce their commits to
 * each other's subscriptions directly, and `PRAGMA data_version` reveals commits made by other
 * processes.
 */
import Database from 'better-sqlite3';
import type { Database as Connection, Statement } from 'better-sqlite3';
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import * as E from 'fp-ts/Either';
import { refusedBySqlite, unavailable, type OpenError } from './errors.js';
import { migrate } from './migrations.js';
import { EVENT_COLUMNS, type EventRow, type eventRowValues } from './rows.js';

/**
 * How hard SQLite works to keep a commit: `'process-safe'` (`synchronous=NORMAL`) survives the
 * process being killed at any point; `'power-safe'` (`synchronous=FULL`) also survives an OS crash
 * or power loss, at the price of an fsync per commit.
 */
export type Durability = 'process-safe' | 'power-safe';

const SYNCHRONOUS: Readonly<Record<Durability, number>> = {
  // PRAGMA synchronous values: NORMAL = 1, FULL = 2.
  'process-safe': 1,
  'power-safe': 2,
};

/** The prepared statements every store uses, compiled once per connection. */
export interface Statements {
  readonly lastEvent: Statement<[], { position: bigint; recorded_at: string }>;
  readonly stream: Statement<[string], { last_revision: bigint; last_hash: string }>;
  readonly lastRevision: Statement<[string], { revision: bigint | null }>;
  readonly putStream: Statement<[string, bigint, string]>;
  readonly insertEvent: Statement<ReturnType<typeof eventRowValues>>;
  readonly command: Statement<[string], { result: string }>;
  readonly putCommand: Statement<[string, string, string]>;
  readonly streamForwards: Statement<[string, bigint, number], EventRow>;
  readonly streamBackwards: Statement<[string, bigint, number], EventRow>;
  readonly all: Statement<[bigint, number], EventRow>;
}

function prepareStatements(db: Connection): Statements {
  const prepare = <P extends unknown[], R = unknown>(sql: string) =>
    db.prepare<P, R>(sql).safeIntegers(true);
  return {
    lastEvent: prepare('SELECT position, recorded_at FROM events ORDER BY position DESC LIMIT 1'),
    stream: prepare('SELECT last_revision, last_hash FROM streams WHERE stream = ?'),
    lastRevision: prepare('SELECT max(revision) AS revision FROM events WHERE stream = ?'),
    putStream: prepare(
      `INSERT INTO streams (stream, last_revision, last_hash) VALUES (?, ?, ?)
       ON CONFLICT (stream) DO UPDATE SET last_revision = excluded.last_revision,
         last_hash = excluded.last_hash`,
    ),
    insertEvent: prepare(
      `INSERT INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    command: prepare('SELECT result FROM commands WHERE command_id = ?'),
    putCommand: prepare('INSERT INTO commands (command_id, result, recorded_at) VALUES (?, ?, ?)'),
    // Event rows are read as arrays (`EventRow`): cheaper for the driver to build than objects.
    streamForwards: prepare<[string, bigint, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ?
       ORDER BY revision ASC LIMIT ?`,
    ).raw(true),
    streamBackwards: prepare<[string, bigint, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision <= ?
       ORDER BY revision DESC LIMIT ?`,
    ).raw(true),
    all: prepare<[bigint, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
    ).raw(true),
  };
}

/** A process's connection to one file, shared by every store open on it. */
export interface SharedConnection {
  readonly path: string;
  readonly db: Connection;
  readonly statements: Statements;
  /** Called after every commit seen on this file, local or (once polled) from another process. */
  readonly listeners: Set<() => void>;
}

interface Entry extends SharedConnection {
  leases: number;
  lastDataVersion: number;
}

const registry = new Map<string, Entry>();

/** What the opener asks of the connection. */
export interface ConnectionSettings {
  readonly durability: Durability;
  /** How long one statement waits for another connection's lock before failing busy. */
  readonly busyTimeoutMs: number;
  /** The instant recorded with migrations applied now. */
  readonly now: string;
}

/** The canonical name of the file at `path`: its directory's real path joined with its name. */
export function resolveFile(path: string): E.Either<OpenError, string> {
  if (path === '' || path === ':memory:' || path.startsWith('file:')) {
    return E.left(
      refusedBySqlite(`open ${JSON.stringify(path)}`, 'give the path of a database file'),
    );
  }
  const absolute = resolve(path);
  try {
    return E.right(join(realpathSync(dirname(absolute)), basename(absolute)));
  } catch (error) {
    return E.left(unavailable(`open ${JSON.stringify(path)}`, error));
  }
}

function applySettings(entry: Entry, settings: ConnectionSettings): void {
  // The strongest durability any open store asked for wins; it is never weakened while shared.
  const current = entry.db.pragma('synchronous', { simple: true }) as number;
  const wanted = SYNCHRONOUS[settings.durability];
  if (wanted > current) entry.db.pragma(`synchronous = ${wanted}`);
  const timeout = entry.db.pragma('busy_timeout', { simple: true }) as number;
  if (settings.busyTimeoutMs > timeout) entry.db.pragma(`busy_timeout = ${settings.busyTimeoutMs}`);
}

/**
 * Opens (or shares) the connection to `file`, switching it to WAL and migrating its schema.
 * Throws the driver's error when the file is busy, so the caller can retry; returns the open
 * errors that retrying cannot fix.
 */
export function acquireConnection(
  file: string,
  settings: ConnectionSettings,
): E.Either<OpenError, SharedConnection> {
  const shared = registry.get(file);
  if (shared !== undefined) {
    applySettings(shared, settings);
    shared.leases += 1;
    return E.right(shared);
  }
  const db = new Database(file, { timeout: settings.busyTimeoutMs });
  try {
    db.pragma(`synchronous = ${SYNCHRONOUS[settings.durability]}`);
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') {
        db.close();
        return E.left(
          refusedBySqlite(`open ${file}`, `it cannot use WAL (journal mode ${String(mode)})`),
        );
      }
    }
    const migrated = migrate(db, settings.now);
    if (E.isLeft(migrated)) {
      db.close();
      return migrated;
    }
    const entry: Entry = {
      path: file,
      db,
      statements: prepareStatements(db),
      listeners: new Set(),
      leases: 1,
      lastDataVersion: db.pragma('data_version', { simple: true }) as number,
    };
    registry.set(file, entry);
    return E.right(entry);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Gives back a lease; the last one closes the connection. */
export function releaseConnection(connection: SharedConnection): void {
  const entry = registry.get(connection.path);
  if (entry === undefined || entry !== connection) return;
  entry.leases -= 1;
  if (entry.leases > 0) return;
  registry.delete(entry.path);
  entry.listeners.clear();
  entry.db.close();
}

/** Tells every subscription on this connection that something was committed. */
export function announceCommit(connection: SharedConnection): void {
  for (const listener of [...connection.listeners]) listener();
}

/**
 * Checks whether another process committed since the last check (`PRAGMA data_version` changes
 * only for other connections' commits), and if so tells every subscription on this connection.
 */
function pollForeignCommits(connection: SharedConnection): void {
  const entry = registry.get(connection.path);
  if (entry === undefined || entry !== connection) return;
  let version: number;
  try {
    version = entry.db.pragma('data_version', { simple: true }) as number;
  } catch {
    // Let the subscriptions read: their read reports whatever is wrong with the file.
    announceCommit(entry);
    return;
  }
  if (version === entry.lastDataVersion) return;
  entry.lastDataVersion = version;
  announceCommit(entry);
}

/**
 * Calls `listener` after each commit to the file: at once for this process's commits, and within
 * `pollIntervalMs` for other processes' commits. Returns the function that stops the calls.
 */
export function watchCommits(
  connection: SharedConnection,
  listener: () => void,
  pollIntervalMs: number,
): () => void {
  const registered = () => listener();
  connection.listeners.add(registered);
  const poll = setInterval(() => pollForeignCommits(connection), pollIntervalMs);
  poll.unref();
  return () => {
    clearInterval(poll);
    connection.listeners.delete(registered);
  };
}

/** How many leases the process holds on `file` (0 when closed); for tests and diagnostics. */
export const openLeases = (file: string): number => registry.get(file)?.leases ?? 0;
