/**
 * The PostgreSQL read model on a pool of its own, for a program that holds no pool: opened from a
 * connection string, closed with its pool.
 */
import pg from 'pg';
import type { FactStore, Projection } from '@mandate/projections';
import {
  createPostgresReadModel,
  type PostgresReadModel,
  type PostgresReadModelOptions,
} from './read-model.js';

/** Where {@link openPostgresReadModel} connects, and the read model's options. */
export interface OpenPostgresReadModelOptions extends PostgresReadModelOptions {
  /** The server, e.g. `postgres://user@host:5432/db`. */
  readonly connectionString: string;
  /** The most connections the read model's pool opens (default 2). */
  readonly maxConnections?: number;
}

/** A PostgreSQL read model that owns its pool: `close` ends the pool. */
export interface OwnedPostgresReadModel extends PostgresReadModel {
  readonly close: () => Promise<void>;
}

/**
 * Opens a pool on `connectionString` and the read model of `projection` on it (creating its
 * tables if needed); the pool is ended again when opening fails, and the failure thrown.
 */
export async function openPostgresReadModel(
  projection: Pick<Projection<FactStore>, 'name' | 'version'>,
  { connectionString, maxConnections = 2, ...options }: OpenPostgresReadModelOptions,
): Promise<OwnedPostgresReadModel> {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  try {
    const model = await createPostgresReadModel(pool, projection, options);
    return { ...model, close: () => pool.end() };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
