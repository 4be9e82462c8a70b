/**
 * The SQLite read model in a file of its own, for a program that holds no connection: opened
 * from a path (WAL journal, so readers do not wait for the writer), closed with its connection.
 */
import Database from 'better-sqlite3';
import type { FactStore, Projection } from '@mandate/projections';
import {
  createSqliteReadModel,
  type SqliteReadModel,
  type SqliteReadModelOptions,
} from './read-model.js';

/** A SQLite read model that owns its connection: `close` closes it. */
export interface SqliteReadModelFile extends SqliteReadModel {
  readonly close: () => void;
}

/**
 * Opens (creating if needed) the SQLite file at `path` and the read model of `projection` in it;
 * the connection is closed again when opening fails, and the failure thrown.
 */
export function openSqliteReadModelFile(
  path: string,
  projection: Pick<Projection<FactStore>, 'name' | 'version'>,
  options: SqliteReadModelOptions = {},
): SqliteReadModelFile {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    return { ...createSqliteReadModel(db, projection, options), close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}
