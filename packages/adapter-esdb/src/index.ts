/**
 * @mandate/adapter-esdb — the event store on EventStoreDB/KurrentDB, through
 * `@eventstore/db-client` 6.2 or `@kurrent/kurrentdb-client` 1.3.
 */
export type {
  ClientEventData,
  ClientExpectedState,
  ClientRecordedEvent,
  ClientStreamAppend,
  ClientSubscription,
  EsdbDriver,
  EventStoreDbClientShape,
  KurrentDbClientShape,
} from './driver.js';
export { eventStoreDbDriver, kurrentDbDriver } from './driver.js';
export type { ClientMissing, EsdbClientLibrary } from './connect.js';
export { ESDB_CLIENT_PACKAGES, connectEsdbDriver } from './connect.js';
export type { ClientFailure } from './errors.js';
export { classifyClientError } from './errors.js';
export type { EsdbEventStoreOptions } from './store.js';
export { ESDB_READ_ALL, createEsdbEventStore } from './store.js';
