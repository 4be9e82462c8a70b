/**
 * Blue/green deployment on SQLite: the registry of active versions as a `projection_active`
 * table beside the read models, and dropping a retired version's tables and checkpoint.
 *
 * @see docs/reference/domain.md rule 11
 */
import type { Database } from 'better-sqlite3';
import {
  ACTIVE_VERSION_TABLE,
  CHECKPOINT_TABLE,
  FACT_KINDS,
  factTable,
  streamEventTable,
  tablePrefix,
  type ActiveVersionRegistry,
  type Projection,
} from '@mandate/projections';
import { extentTable, subjectTable } from './extent.js';
import { rebuildingTable } from './schema.js';

/** The registry of active versions in a SQLite database (its table created if needed). */
export function createSqliteActiveVersions(db: Database): ActiveVersionRegistry {
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${ACTIVE_VERSION_TABLE} (
       name TEXT PRIMARY KEY,
       version INTEGER NOT NULL
     ) STRICT`,
  );
  const read = db.prepare<[string], { version: number }>(
    `SELECT version FROM ${ACTIVE_VERSION_TABLE} WHERE name = ?`,
  );
  const write = db.prepare<[string, number]>(
    `INSERT INTO ${ACTIVE_VERSION_TABLE} (name, version) VALUES (?, ?)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version`,
  );
  return {
    active: (name) => Promise.resolve(read.get(name)?.version),
    activate: (name, version) => {
      write.run(name, version);
      return Promise.resolve();
    },
  };
}

/**
 * Every table of a projection version: its fact tables with their extent indexes (R*Tree
 * virtual tables, whose own tables go with them), its subject numbers, its stream events and its
 * rebuild marker.
 */
const versionTables = (prefix: string): ReadonlyArray<string> => [
  ...FACT_KINDS.flatMap((kind) => [extentTable(prefix, kind), factTable(prefix, kind)]),
  subjectTable(prefix),
  streamEventTable(prefix),
  rebuildingTable(prefix),
];

/** Drops the tables and the checkpoint of a projection version, in one transaction (idempotent). */
export function dropSqliteReadModel(
  db: Database,
  projection: Pick<Projection<unknown>, 'name' | 'version'>,
): void {
  const prefix = tablePrefix(projection);
  const hasCheckpoints =
    db
      .prepare<[string], { name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`,
      )
      .get(CHECKPOINT_TABLE) !== undefined;
  db.transaction(() => {
    for (const table of versionTables(prefix)) db.exec(`DROP TABLE IF EXISTS ${table}`);
    if (hasCheckpoints)
      db.prepare(`DELETE FROM ${CHECKPOINT_TABLE} WHERE projection = ?`).run(prefix);
  })();
}
