/**
 * Opt-in partitioning of `events` by position range (`eventsPerPartition` of the store's options;
 * trade-offs in docs/how-to/postgres-store.md). A schema once partitioned stays partitioned: the
 * `event_partitioning` table records it, and every store opening the schema keeps creating
 * partitions, whether or not it was given the option.
 *
 * Partitioning an existing schema, in the open's migration transaction (under its advisory lock,
 * and the log head's row lock, so no append runs meanwhile): the current `events` table becomes
 * the first partition, `events_p0`, covering positions 1 to the end of the partition holding the
 * last event; a new `events` partitioned by `RANGE (position)` takes its place with the same
 * columns, checks, primary key on `position`, an index on `(stream, revision)` — not unique: a
 * unique key on a partitioned table must include `position`, so a stream's revisions are kept
 * unique by the append's lock and the `streams` heads, and checked by `verify` — and the
 * append-only triggers (`TRUNCATE` triggers are not inherited, so each partition gets its own).
 * Attaching the first partition and checking its JSON read the whole log once.
 *
 * Partitions hold positions `k·n + 1` to `(k + 1)·n` for `n` events per partition. An append whose
 * last position lies beyond the last partition calls `ensure_event_partitions` in its
 * transaction (under the log lock) first, which creates the missing ones; creating a partition
 * locks `events` against readers until that append commits, once every `n` events.
 */
import type { PoolClient } from 'pg';
import type { SchemaNames } from './migrations.js';

/** The statements partitioning `events` of a schema not yet partitioned. */
export const partitionSteps = (
  { quoted: s }: SchemaNames,
  eventsPerPartition: number,
): ReadonlyArray<string> => {
  const n = String(eventsPerPartition);
  return [
    `SELECT 1 FROM ${s}.log_head FOR UPDATE`,
    `ALTER TABLE ${s}.events RENAME TO events_p0`,
    `ALTER TABLE ${s}.events_p0 RENAME CONSTRAINT events_pkey TO events_p0_pkey`,
    `ALTER INDEX ${s}.events_command_id RENAME TO events_p0_command_id`,
    `DROP TRIGGER events_are_append_only ON ${s}.events_p0`,
    // Added back on the parent below, so that the partitions inherit them.
    `ALTER TABLE ${s}.events_p0 DROP CONSTRAINT events_data_is_json,
      DROP CONSTRAINT events_metadata_is_json`,
    `CREATE TABLE ${s}.events (LIKE ${s}.events_p0 INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
      PARTITION BY RANGE (position)`,
    `ALTER TABLE ${s}.events ADD CONSTRAINT events_pkey PRIMARY KEY (position)`,
    `CREATE INDEX events_stream_revision ON ${s}.events (stream, revision)`,
    `CREATE INDEX events_command_id ON ${s}.events (command_id) WHERE command_id IS NOT NULL`,
    `CREATE TRIGGER events_are_append_only BEFORE UPDATE OR DELETE ON ${s}.events
      FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_change()`,
    `CREATE TRIGGER events_are_not_truncated BEFORE TRUNCATE ON ${s}.events
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_change()`,
    `CREATE TABLE ${s}.event_partitioning (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      events_per_partition bigint NOT NULL CHECK (events_per_partition >= 1),
      partitioned_up_to bigint NOT NULL CHECK (partitioned_up_to >= 0)
    )`,
    `INSERT INTO ${s}.event_partitioning (only_row, events_per_partition, partitioned_up_to)
      SELECT true, ${n}, (last_position / ${n} + 1) * ${n} FROM ${s}.log_head`,
    `DO $$BEGIN EXECUTE format(
      'ALTER TABLE ${s}.events ATTACH PARTITION ${s}.events_p0 FOR VALUES FROM (1) TO (%s)',
      (SELECT partitioned_up_to + 1 FROM ${s}.event_partitioning)); END$$`,
    `ALTER TABLE ${s}.events
      ADD CONSTRAINT events_data_is_json CHECK (data::json IS NOT NULL),
      ADD CONSTRAINT events_metadata_is_json CHECK (metadata::json IS NOT NULL)`,
    `CREATE FUNCTION ${s}.ensure_event_partitions(up_to bigint) RETURNS bigint
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE covered bigint; size bigint; part text;
      BEGIN
        SELECT p.partitioned_up_to, p.events_per_partition INTO covered, size
          FROM ${s}.event_partitioning p FOR UPDATE;
        WHILE covered < up_to LOOP
          part := 'events_p' || (covered / size)::text;
          EXECUTE format('CREATE TABLE ${s}.%I PARTITION OF ${s}.events FOR VALUES FROM (%s) TO (%s)',
            part, covered + 1, covered + size + 1);
          EXECUTE format('CREATE TRIGGER events_are_not_truncated BEFORE TRUNCATE ON ${s}.%I
            FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_change()', part);
          covered := covered + size;
        END LOOP;
        UPDATE ${s}.event_partitioning SET partitioned_up_to = covered;
        RETURN covered;
      END $$`,
  ];
};

/** What the store knows of a schema's partitions; `undefined` when `events` is not partitioned. */
export interface Partitions {
  /** The last position the existing partitions cover, as last seen (others may have added some). */
  coveredUpTo: bigint;
}

/** The SQL of partitioning, built once per schema. */
export interface PartitionStatements {
  readonly ensure: string;
}

/** Builds the {@link PartitionStatements} of one schema. */
export const partitionStatements = ({ quoted: s }: SchemaNames): PartitionStatements => ({
  ensure: `SELECT ${s}.ensure_event_partitions($1::bigint)::text AS covered`,
});

/**
 * Partitions `events` when `eventsPerPartition` is given and the schema is not partitioned yet
 * (in one transaction, under the same advisory lock as migrations), then tells whether the schema
 * is partitioned and how far its partitions reach. Driver errors are thrown, everything rolled
 * back.
 */
export async function partitionsOf(
  client: PoolClient,
  names: SchemaNames,
  eventsPerPartition: number | undefined,
): Promise<Partitions | undefined> {
  const s = names.quoted;
  const covered = async (): Promise<Partitions | undefined> => {
    const found = await client.query<{ partitioned: boolean }>(
      'SELECT to_regclass($1) IS NOT NULL AS partitioned',
      [`${s}.event_partitioning`],
    );
    if (found.rows[0]?.partitioned !== true) return undefined;
    const { rows } = await client.query<{ covered: string }>(
      `SELECT partitioned_up_to::text AS covered FROM ${s}.event_partitioning`,
    );
    return { coveredUpTo: BigInt(rows[0]?.covered ?? 0) };
  };
  if (eventsPerPartition === undefined) return covered();
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`mandate:${names.schema}`]);
    if ((await covered()) === undefined) {
      for (const step of partitionSteps(names, eventsPerPartition)) await client.query(step);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return covered();
}

/**
 * Makes sure partitions cover every position up to `lastPosition`, within the append's
 * transaction (the log lock held); asks the server only when the partitions last seen end before.
 */
export async function ensurePartitions(
  client: PoolClient,
  sql: PartitionStatements,
  partitions: Partitions,
  lastPosition: bigint,
): Promise<void> {
  if (lastPosition <= partitions.coveredUpTo) return;
  const { rows } = await client.query<{ covered: string }>(sql.ensure, [String(lastPosition)]);
  partitions.coveredUpTo = BigInt(rows[0]?.covered ?? 0);
}
