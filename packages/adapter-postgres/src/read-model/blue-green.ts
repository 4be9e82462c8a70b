/**
 * Blue/green deployment on PostgreSQL: the registry of active versions as a `projection_active`
 * table beside the read models (in the same schema), and dropping a retired version's tables and
 * checkpoint.
 *
 * @see docs/reference/domain.md rule 11
 */
import type { Pool } from 'pg';
import {
  ACTIVE_VERSION_TABLE,
  tablePrefix,
  type ActiveVersionRegistry,
  type Projection,
} from '@mandate/projections';
import type { PostgresReadModelOptions } from './read-model.js';
import { postgresDropStatements, postgresTables, qualifiedName } from './schema.js';

/** The registry of active versions in PostgreSQL (its schema and table created if needed). */
export async function createPostgresActiveVersions(
  pool: Pool,
  { schema }: PostgresReadModelOptions = {},
): Promise<ActiveVersionRegistry> {
  const table = qualifiedName(schema, ACTIVE_VERSION_TABLE);
  await pool.query(
    `${schema === undefined ? '' : `CREATE SCHEMA IF NOT EXISTS ${schema};`}
     CREATE TABLE IF NOT EXISTS ${table} (name text PRIMARY KEY, version integer NOT NULL)`,
  );
  return {
    active: async (name) => {
      const { rows } = await pool.query<{ version: number }>(
        `SELECT version FROM ${table} WHERE name = $1`,
        [name],
      );
      return rows[0]?.version;
    },
    activate: async (name, version) => {
      await pool.query(
        `INSERT INTO ${table} (name, version) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET version = excluded.version`,
        [name, version],
      );
    },
  };
}

/**
 * Drops the tables and the checkpoint of a projection version, in one transaction (idempotent
 * once a version has been opened in the schema).
 */
export async function dropPostgresReadModel(
  pool: Pool,
  projection: Pick<Projection<unknown>, 'name' | 'version'>,
  { schema }: PostgresReadModelOptions = {},
): Promise<void> {
  const tables = postgresTables(tablePrefix(projection), schema);
  await pool.query(postgresDropStatements(tables).join(';\n'));
}
