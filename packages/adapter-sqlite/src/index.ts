/** @mandate/adapter-sqlite — the embedded default event store of Mandate, on one SQLite file. */
export type { SqliteEventStore, SqliteEventStoreOptions } from './store.js';
export { SQLITE_DEFAULTS, createSqliteEventStore } from './store.js';
export { SQLITE_READ_ALL } from './read.js';
export type { Durability } from './connection.js';
export type { OpenError, SchemaTooNew } from './errors.js';
