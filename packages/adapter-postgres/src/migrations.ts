/**
 * Versioned schema migrations under a schema name of the user's choice. The schema records every
 * applied migration in `mandate_schema_migrations`; opening a store applies the pending ones, in
 * order, in one transaction holding an advisory lock on the schema's name (so two processes
 * opening a new schema at once migrate it once), and refuses a schema migrated by a newer adapter.
 *
 * Schema version 1:
 * - `events`: the log. `position` is assigned `last + 1` by the append under the `log_head` row
 *   lock, so positions have no gaps (a sequence would leave gaps after rolled-back appends) and
 *   commit in position order. `(stream, revision)` is unique. Rows are append-only (triggers refuse
 *   UPDATE, DELETE and TRUNCATE). Data and metadata are kept as the exact canonical JSON text that
 *   was hashed (`json`/`jsonb` would not keep `jsonb`'s key order or `json`'s escapes checked), with
 *   a check that they parse. `command_id` names the command an event was appended for, if any.
 * - `streams`: each stream's last revision and last hash, read by the next append.
 * - `commands`: each recorded command id with the result of its append, for idempotency.
 * - `log_head`: one row holding the last position and recorded instant; every append locks it
 *   first, and its update announces the commit to subscribers (`NOTIFY`).
 * - `lock_log(streams, command)`: takes that lock, then (in a new statement, so a snapshot taken
 *   after the lock was granted) reads the log head, the heads of `streams` and the result recorded
 *   for `command`, in one round trip.
 */
import type { PoolClient } from 'pg';
import * as E from 'fp-ts/Either';
import { schemaTooNew, type SchemaTooNew } from './errors.js';

/** Schema names: lower-case letters, digits and `_`, starting with a letter or `_`, at most 50. */
export const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,49}$/;

/** The identifiers a store's SQL is built from, for one schema name. */
export interface SchemaNames {
  /** The schema name, as given. */
  readonly schema: string;
  /** The schema name quoted for SQL. */
  readonly quoted: string;
  /** The `LISTEN`/`NOTIFY` channel announcing commits to this schema's log. */
  readonly channel: string;
}

/** The identifiers for `schema`; throws `RangeError` when it does not match the pattern. */
export function schemaNames(schema: string): SchemaNames {
  if (!SCHEMA_NAME_PATTERN.test(schema)) {
    throw new RangeError(`schema must match ${SCHEMA_NAME_PATTERN}`);
  }
  return { schema, quoted: `"${schema}"`, channel: `${schema}_events` };
}

/** One schema version: SQL statements applied in order, inside the migration transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** The statements, given the schema's names. */
  readonly steps: (names: SchemaNames) => ReadonlyArray<string>;
}

/** Every schema version this adapter knows, oldest first; versions count 1, 2, 3, … */
export const MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: 'events, streams, commands and the log head',
    steps: ({ quoted: s, channel }) => [
      `CREATE TABLE ${s}.events (
        position bigint PRIMARY KEY CHECK (position >= 1),
        stream text NOT NULL,
        revision bigint NOT NULL CHECK (revision >= 0),
        event_id text NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data text NOT NULL CONSTRAINT events_data_is_json CHECK (data::json IS NOT NULL),
        metadata text NOT NULL CONSTRAINT events_metadata_is_json CHECK (metadata::json IS NOT NULL),
        recorded_at text NOT NULL,
        previous_hash text NOT NULL,
        hash text NOT NULL,
        command_id text,
        CONSTRAINT events_stream_revision_key UNIQUE (stream, revision)
      )`,
      `CREATE INDEX events_command_id ON ${s}.events (command_id) WHERE command_id IS NOT NULL`,
      `CREATE TABLE ${s}.streams (
        stream text PRIMARY KEY,
        last_revision bigint NOT NULL CHECK (last_revision >= 0),
        last_hash text NOT NULL
      )`,
      `CREATE TABLE ${s}.commands (
        command_id text CONSTRAINT commands_pkey PRIMARY KEY,
        result jsonb NOT NULL,
        recorded_at text NOT NULL
      )`,
      `CREATE TABLE ${s}.log_head (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        last_position bigint NOT NULL CHECK (last_position >= 0),
        last_recorded_at text
      )`,
      `INSERT INTO ${s}.log_head (only_row, last_position) VALUES (true, 0)`,
      `CREATE FUNCTION ${s}.refuse_change() RETURNS trigger LANGUAGE plpgsql AS
        $$BEGIN RAISE EXCEPTION 'events are append-only'; END$$`,
      `CREATE TRIGGER events_are_append_only BEFORE UPDATE OR DELETE ON ${s}.events
        FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_change()`,
      `CREATE TRIGGER events_are_not_truncated BEFORE TRUNCATE ON ${s}.events
        FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_change()`,
      `CREATE FUNCTION ${s}.lock_log(streams text[], command text)
        RETURNS TABLE (kind text, stream text, last_revision bigint, last_hash text, result jsonb,
                       last_position bigint, last_recorded_at text)
        LANGUAGE plpgsql VOLATILE AS $$
        DECLARE head_position bigint; head_recorded text;
        BEGIN
          SELECT l.last_position, l.last_recorded_at INTO head_position, head_recorded
            FROM ${s}.log_head l FOR UPDATE;
          RETURN QUERY
            SELECT 'log', NULL, NULL, NULL, NULL::jsonb, head_position, head_recorded
            UNION ALL
            SELECT 'head', h.stream, h.last_revision, h.last_hash, NULL, NULL, NULL
              FROM ${s}.streams h WHERE h.stream = ANY (streams)
            UNION ALL
            SELECT 'command', NULL, NULL, NULL, c.result, NULL, NULL
              FROM ${s}.commands c WHERE c.command_id = command;
        END $$`,
      `CREATE FUNCTION ${s}.announce_commit() RETURNS trigger LANGUAGE plpgsql AS
        $$BEGIN PERFORM pg_notify('${channel}', NEW.last_position::text); RETURN NULL; END$$`,
      `CREATE TRIGGER log_head_announces AFTER UPDATE ON ${s}.log_head
        FOR EACH ROW EXECUTE FUNCTION ${s}.announce_commit()`,
    ],
  },
];

/** What {@link migrate} did. */
export interface MigrationOutcome {
  readonly from: number;
  readonly to: number;
}

/**
 * Brings the schema up to the last of `migrations` on `client`, stamping each with `appliedAt`,
 * in one transaction; throws the driver's error (everything rolled back) when a step fails.
 */
export async function migrate(
  client: PoolClient,
  names: SchemaNames,
  appliedAt: string,
  migrations: ReadonlyArray<Migration> = MIGRATIONS,
): Promise<E.Either<SchemaTooNew, MigrationOutcome>> {
  const s = names.quoted;
  const known = migrations.at(-1)?.version ?? 0;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`mandate:${names.schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.mandate_schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at text NOT NULL
    )`);
    const { rows } = await client.query<{ version: number }>(
      `SELECT coalesce(max(version), 0)::integer AS version FROM ${s}.mandate_schema_migrations`,
    );
    const from = rows[0]?.version ?? 0;
    if (from > known) {
      await client.query('ROLLBACK');
      return E.left(schemaTooNew(from, known));
    }
    for (const migration of migrations.filter((m) => m.version > from)) {
      for (const step of migration.steps(names)) await client.query(step);
      await client.query(
        `INSERT INTO ${s}.mandate_schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
        [migration.version, migration.name, appliedAt],
      );
    }
    await client.query('COMMIT');
    return E.right({ from, to: known });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
