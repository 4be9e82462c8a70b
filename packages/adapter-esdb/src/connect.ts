/**
 * A driver from a connection string, through the client library the application installed. The
 * two libraries are optional peer dependencies: they are imported only here, when a store is
 * opened by address, so a program that never opens an ESDB store needs neither.
 */
import * as E from 'fp-ts/Either';
import { storeUnavailable, type StoreUnavailable } from '@mandate/eventstore';
import { eventStoreDbDriver, kurrentDbDriver, type EsdbDriver } from './driver.js';

/** The client library a connection goes through. */
export type EsdbClientLibrary = 'eventstore-db' | 'kurrent-db';

/** The packages and versions of each client library. */
export const ESDB_CLIENT_PACKAGES: Readonly<
  Record<EsdbClientLibrary, { readonly name: string; readonly range: string }>
> = {
  'eventstore-db': { name: '@eventstore/db-client', range: '~6.2.1' },
  'kurrent-db': { name: '@kurrent/kurrentdb-client', range: '~1.3.1' },
};

/** The client library a connection needs is not installed. */
export interface ClientMissing {
  readonly _tag: 'ClientMissing';
  /** The package to install. */
  readonly packageName: string;
  readonly message: string;
}

const clientMissing = (library: EsdbClientLibrary): ClientMissing => {
  const { name, range } = ESDB_CLIENT_PACKAGES[library];
  return {
    _tag: 'ClientMissing',
    packageName: name,
    message: `An ESDB store at this address needs the client library ${name} ${range}, which is not installed: install it beside @mandate/adapter-esdb (npm install ${name}@${range})`,
  };
};

/** True when `error` says that the package `name` itself could not be found. */
const isMissing = (error: unknown, name: string): boolean =>
  typeof error === 'object' &&
  error !== null &&
  'code' in error &&
  (error.code === 'ERR_MODULE_NOT_FOUND' || error.code === 'MODULE_NOT_FOUND') &&
  error instanceof Error &&
  error.message.includes(name);

const driverOf = async (library: EsdbClientLibrary, connectionString: string) =>
  library === 'kurrent-db'
    ? kurrentDbDriver(
        (await import('@kurrent/kurrentdb-client')).KurrentDBClient.connectionString(
          connectionString,
        ),
      )
    : eventStoreDbDriver(
        (await import('@eventstore/db-client')).EventStoreDBClient.connectionString(
          connectionString,
        ),
      );

/**
 * Imports `library`'s client and connects it to `connectionString` (the client connects lazily,
 * on its first call). `ClientMissing` when the library is not installed; `StoreUnavailable`, not
 * retryable, when the client refuses the connection string.
 */
export async function connectEsdbDriver(
  library: EsdbClientLibrary,
  connectionString: string,
): Promise<E.Either<ClientMissing | StoreUnavailable, EsdbDriver>> {
  try {
    return E.right(await driverOf(library, connectionString));
  } catch (error) {
    if (isMissing(error, ESDB_CLIENT_PACKAGES[library].name)) return E.left(clientMissing(library));
    const reason = error instanceof Error ? error.message : String(error);
    return E.left(
      storeUnavailable(`The ESDB client refused the connection string (${reason})`, false, error),
    );
  }
}
