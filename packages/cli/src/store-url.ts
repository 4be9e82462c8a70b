/**
 * The store a command works on, decoded from its address (`--store` or `MANDATE_STORE`):
 * `sqlite:PATH` (the embedded default, `sqlite:./mandate.sqlite`), `memory:` (an empty store that
 * lives as long as the command), `postgres://…` or `postgresql://…` (the schema in a `schema`
 * parameter, default `mandate`), `esdb://…` (EventStoreDB client) or `kurrentdb://…` (KurrentDB
 * client). Anything else is refused with the forms it could have been.
 */
import * as E from 'fp-ts/Either';
import { SCHEMA_NAME_PATTERN } from '@mandate/adapter-postgres';
import { invalidArgument, type InvalidArgument } from './failure.js';

/** The store used when neither `--store` nor `MANDATE_STORE` names one. */
export const DEFAULT_STORE = 'sqlite:./mandate.sqlite';

/** The PostgreSQL schema used when the address names none. */
export const DEFAULT_POSTGRES_SCHEMA = 'mandate';

/** Where a store lives, by kind. */
export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'memory' }
  | {
      readonly kind: 'postgres';
      /** The server address without the `schema` parameter. */
      readonly connectionString: string;
      readonly schema: string;
    }
  | {
      readonly kind: 'esdb';
      readonly client: 'eventstore-db' | 'kurrent-db';
      readonly connectionString: string;
    };

const FORMS = 'use sqlite:PATH, memory:, postgres://…, postgresql://…, esdb://… or kurrentdb://…';

const refuse = (address: string, reason: string): E.Either<InvalidArgument, never> =>
  E.left(invalidArgument('--store', address, reason));

function postgresLocation(address: string): E.Either<InvalidArgument, StoreLocation> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return refuse(address, 'it is not a PostgreSQL URL like postgres://user@host:5432/database');
  }
  const schema = url.searchParams.get('schema') ?? DEFAULT_POSTGRES_SCHEMA;
  if (!SCHEMA_NAME_PATTERN.test(schema)) {
    return refuse(address, `the schema ${JSON.stringify(schema)} is not a plain lower-case name`);
  }
  url.searchParams.delete('schema');
  return E.right({ kind: 'postgres', connectionString: url.toString(), schema });
}

/** Decodes a store address; a refusal names the forms accepted. */
export function parseStoreUrl(address: string): E.Either<InvalidArgument, StoreLocation> {
  if (address === 'memory:') return E.right({ kind: 'memory' });
  if (address.startsWith('sqlite:')) {
    const path = address.slice('sqlite:'.length);
    return path === '' || path === ':memory:'
      ? refuse(address, 'give the path of the database file, e.g. sqlite:./mandate.sqlite')
      : E.right({ kind: 'sqlite', path });
  }
  if (/^postgres(ql)?:\/\//.test(address)) return postgresLocation(address);
  if (/^esdb(\+discover)?:\/\/./.test(address)) {
    return E.right({ kind: 'esdb', client: 'eventstore-db', connectionString: address });
  }
  if (/^kurrentdb(\+discover)?:\/\/./.test(address)) {
    return E.right({ kind: 'esdb', client: 'kurrent-db', connectionString: address });
  }
  return refuse(address, `it is not a store address; ${FORMS}`);
}

/** The address of a store for messages, a password in it masked. */
export function displayStore(address: string): string {
  if (!/^postgres(ql)?:\/\//.test(address)) return address;
  try {
    const url = new URL(address);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return address;
  }
}
