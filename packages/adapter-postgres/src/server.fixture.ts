/**
 * The real PostgreSQL server the integration tests run against (`MANDATE_PG_URL`, or the local
 * server), and stores on it under schemas of their own, dropped after the test.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import * as E from 'fp-ts/Either';
import {
  EventMetadataCodec,
  type EventMetadata,
  type NewEvent,
  type StoreError,
} from '@mandate/eventstore';
import {
  createPostgresEventStore,
  type PostgresEventStore,
  type PostgresEventStoreOptions,
} from './store.js';

/** The server the tests use: `MANDATE_PG_URL`, or the local one with trust authentication. */
export const SERVER_URL =
  process.env['MANDATE_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh schema name, unique to one test. */
export const freshSchema = (): string => `mandate_test_${randomBytes(6).toString('hex')}`;

/** Runs `sql` on the server through a connection of its own, as a person with psql would. */
export async function bySql<R extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  values: ReadonlyArray<unknown> = [],
  connectionString = SERVER_URL,
): Promise<ReadonlyArray<R>> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<R>(sql, [...values])).rows;
  } finally {
    await client.end();
  }
}

/** Drops a test's schema and everything in it. */
export const dropSchema = async (schema: string): Promise<void> => {
  await bySql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
};

/** Opens a store that must open, throwing (a test failure) otherwise. */
export async function openStore(
  options: Partial<PostgresEventStoreOptions> & { readonly schema: string },
): Promise<PostgresEventStore> {
  const opened = await createPostgresEventStore({ connectionString: SERVER_URL, ...options });
  if (E.isLeft(opened)) throw new Error(`The store did not open: ${opened.left.message}`);
  return opened.right;
}

/** Valid metadata for a test event, decoded by the store's own codec. */
export function sampleMetadata(commandId = 'cmd-1'): EventMetadata {
  const decoded = EventMetadataCodec.decode({
    validDate: '2018-03-01',
    commandId,
    correlationId: 'corr-1',
    causationId: commandId,
    actor: 'test',
  });
  if (E.isLeft(decoded)) throw new Error('The sample metadata does not decode');
  return decoded.right;
}

/** A valid new event with the given id and data, for command `commandId`. */
export const sampleEvent = (
  eventId: string,
  data: unknown = {},
  commandId = 'cmd-1',
): NewEvent => ({
  eventId,
  type: 'ThingHappened',
  schemaVersion: 1,
  data,
  metadata: sampleMetadata(commandId),
});

/** The right value of an outcome that must succeed, throwing (a test failure) otherwise. */
export function successOf<A>(outcome: E.Either<StoreError, A>): A {
  if (E.isLeft(outcome)) {
    throw new Error(`Expected success, got ${outcome.left._tag}: ${outcome.left.message}`);
  }
  return outcome.right;
}
