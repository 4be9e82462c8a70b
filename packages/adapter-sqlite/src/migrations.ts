/**
 * Versioned schema migrations. The file records every applied migration in
 * `mandate_schema_migrations`; opening a file applies the pending ones, in order, in one
 * `BEGIN IMMEDIATE` transaction (so two processes opening a new file at once migrate it once), and
 * refuses a file migrated by a newer adapter than this one.
 *
 * Schema version 1:
 * - `events`: the log. `position` is the rowid, assigned `max + 1` by the append transaction, so
 *   positions have no gaps (AUTOINCREMENT would leave gaps after rolled-back appends). Rows are
 *   append-only (triggers refuse UPDATE and DELETE); JSON columns must be valid JSON.
 * - `streams`: each stream's last revision and last hash, read by the next append.
 * - `commands`: each recorded command id with the result of its append, for idempotency.
 */
import type { Database } from 'better-sqlite3';
import * as E from 'fp-ts/Either';
import { schemaTooNew, type SchemaTooNew } from './errors.js';

/** One schema version: SQL statements applied in order, inside the migration transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly steps: ReadonlyArray<string>;
}

/** Every schema version this adapter knows, oldest first; versions count 1, 2, 3, … */
export const MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: 'events, streams and commands',
    steps: [
      `CREATE TABLE events (
        position INTEGER PRIMARY KEY,
        stream TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 0),
        event_id TEXT NOT NULL,
        type TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        metadata TEXT NOT NULL CHECK (json_valid(metadata)),
        recorded_at TEXT NOT NULL,
        previous_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        UNIQUE (stream, revision)
      ) STRICT`,
      `CREATE TABLE streams (
        stream TEXT PRIMARY KEY,
        last_revision INTEGER NOT NULL CHECK (last_revision >= 0),
        last_hash TEXT NOT NULL
      ) STRICT, WITHOUT ROWID`,
      `CREATE TABLE commands (
        command_id TEXT PRIMARY KEY,
        result TEXT NOT NULL CHECK (json_valid(result)),
        recorded_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID`,
      `CREATE TRIGGER events_are_not_updated BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END`,
      `CREATE TRIGGER events_are_not_deleted BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END`,
    ],
  },
];

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS mandate_schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`;

/** The schema version recorded in the file: 0 for a new file. */
export function schemaVersion(db: Database): number {
  const table = db
    .prepare(
      "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'mandate_schema_migrations'",
    )
    .get();
  if (table === undefined) return 0;
  const row = db
    .prepare('SELECT coalesce(max(version), 0) AS version FROM mandate_schema_migrations')
    .get() as { version: number };
  return row.version;
}

/** What {@link migrate} did. */
export interface MigrationOutcome {
  readonly from: number;
  readonly to: number;
}

/**
 * Brings the file's schema up to the last of `migrations`, stamping each with `appliedAt`.
 * Takes the write lock only when something is pending; throws the driver's error (all pending
 * migrations rolled back) when a step fails or the lock is busy.
 */
export function migrate(
  db: Database,
  appliedAt: string,
  migrations: ReadonlyArray<Migration> = MIGRATIONS,
): E.Either<SchemaTooNew, MigrationOutcome> {
  const known = migrations.at(-1)?.version ?? 0;
  const before = schemaVersion(db);
  if (before > known) return E.left(schemaTooNew(before, known));
  if (before === known) return E.right({ from: before, to: before });
  db.exec('BEGIN IMMEDIATE');
  try {
    const from = schemaVersion(db);
    if (from > known) {
      db.exec('ROLLBACK');
      return E.left(schemaTooNew(from, known));
    }
    db.exec(CREATE_MIGRATIONS_TABLE);
    const record = db.prepare(
      'INSERT INTO mandate_schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    );
    for (const migration of migrations.filter((m) => m.version > from)) {
      for (const step of migration.steps) db.exec(step);
      record.run(migration.version, migration.name, appliedAt);
    }
    db.exec('COMMIT');
    return E.right({ from, to: known });
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
