/**
 * Opens the event store an address names, through its adapter. A command that reads (every query,
 * `verify`, `replay`) opens only a store that exists — a SQLite file that is there, a PostgreSQL
 * schema that holds a store — so that a mistyped address is refused and nothing is created; a
 * command that writes may create it.
 */
import { existsSync } from 'node:fs';
import * as E from 'fp-ts/Either';
import { connectEsdbDriver, createEsdbEventStore } from '@mandate/adapter-esdb';
import { createPostgresEventStore, postgresSchemaExists } from '@mandate/adapter-postgres';
import { createSqliteEventStore } from '@mandate/adapter-sqlite';
import { createInMemoryEventStore, type EventStore } from '@mandate/eventstore';
import { storeUnreachable, type StoreUnreachable } from './failure.js';
import { displayStore, type StoreLocation } from './store-url.js';

/** Whether opening may create the store (`create`) or needs it to exist already (`existing`). */
export type OpenMode = 'existing' | 'create';

/** A store opened for one command. */
export interface OpenedStore {
  readonly location: StoreLocation;
  /** The address as given, for messages (a password masked). */
  readonly display: string;
  readonly store: EventStore;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

async function openEsdb(
  location: Extract<StoreLocation, { kind: 'esdb' }>,
): Promise<E.Either<string, EventStore>> {
  const driver = await connectEsdbDriver(location.client, location.connectionString);
  if (E.isLeft(driver)) return E.left(driver.left.message);
  try {
    const opened = await createEsdbEventStore({ driver: driver.right });
    return E.mapLeft((error: { readonly message: string }) => error.message)(opened);
  } catch (error) {
    return E.left(messageOf(error));
  }
}

async function openLocation(
  location: StoreLocation,
  mode: OpenMode,
): Promise<E.Either<string, EventStore>> {
  switch (location.kind) {
    case 'memory':
      return E.right(createInMemoryEventStore());
    case 'sqlite': {
      if (mode === 'existing' && !existsSync(location.path)) {
        return E.left(`there is no file ${location.path}`);
      }
      const opened = await createSqliteEventStore({ path: location.path });
      return E.mapLeft((error: { readonly message: string }) => error.message)(opened);
    }
    case 'postgres': {
      if (mode === 'existing') {
        const exists = await postgresSchemaExists(location.connectionString, location.schema);
        if (E.isLeft(exists)) return E.left(exists.left.message);
        if (!exists.right) return E.left(`the database has no schema ${location.schema}`);
      }
      const opened = await createPostgresEventStore({
        connectionString: location.connectionString,
        schema: location.schema,
      });
      return E.mapLeft((error: { readonly message: string }) => error.message)(opened);
    }
    case 'esdb':
      return openEsdb(location);
    default: {
      const unexpected: never = location;
      return unexpected;
    }
  }
}

/**
 * Opens the store at `location` (`address` is how it was written); refuses, creating nothing, a
 * store that is absent when `mode` is `existing`, and any store the adapter cannot open.
 */
export async function openStore(
  address: string,
  location: StoreLocation,
  mode: OpenMode,
): Promise<E.Either<StoreUnreachable, OpenedStore>> {
  const display = displayStore(address);
  const opened = await openLocation(location, mode);
  return E.isLeft(opened)
    ? E.left(storeUnreachable(display, opened.left))
    : E.right({ location, display, store: opened.right });
}
