/**
 * @mandate/adapter-postgres — the PostgreSQL event store of Mandate: many writers on one server,
 * a gap-free global order subscribers can trust, reads from a replica.
 */
export type { PostgresEventStore, PostgresEventStoreOptions } from './store.js';
export { POSTGRES_DEFAULTS, createPostgresEventStore } from './store.js';
export { POSTGRES_READ_ALL } from './read.js';
export { SCHEMA_NAME_PATTERN } from './migrations.js';
export type { OpenError, SchemaTooNew } from './errors.js';
export { postgresSchemaExists } from './schema-exists.js';
