/**
 * @mandate/adapter-postgres/read-model — the bitemporal read model on PostgreSQL and its
 * blue/green registry, for the projections of `@mandate/projections`.
 */
export type { PostgresReadModel, PostgresReadModelOptions } from './read-model.js';
export { createPostgresReadModel } from './read-model.js';
export { createPostgresActiveVersions, dropPostgresReadModel } from './blue-green.js';
export type { OpenPostgresReadModelOptions, OwnedPostgresReadModel } from './open.js';
export { openPostgresReadModel } from './open.js';
