/**
 * @mandate/adapter-sqlite/read-model — the bitemporal read model on SQLite (facts, extents, stream
 * events and checkpoint in one file, answering every audit question on any date as known at any
 * instant), and blue/green deployment of its versions.
 */
export type { SqliteReadModel, SqliteReadModelOptions } from './read-model.js';
export { createSqliteReadModel } from './read-model.js';
export { createSqliteActiveVersions, dropSqliteReadModel } from './blue-green.js';
export { schemaStatements } from './schema.js';
export type { SqliteReadModelFile } from './open-file.js';
export { openSqliteReadModelFile } from './open-file.js';
