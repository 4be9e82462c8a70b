/**
 * Whether a schema exists on a PostgreSQL server, asked before opening a store that must already
 * be there (opening creates the schema otherwise).
 */
import pg from 'pg';
import * as E from 'fp-ts/Either';
import type { StoreUnavailable } from '@mandate/eventstore';
import { unavailable } from './errors.js';

/**
 * True when `schema` exists on the server `connectionString` names; an unreachable server is
 * `StoreUnavailable`. Creates nothing.
 */
export async function postgresSchemaExists(
  connectionString: string,
  schema: string,
): Promise<E.Either<StoreUnavailable, boolean>> {
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
    const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    return E.right(found.rowCount !== null && found.rowCount > 0);
  } catch (error) {
    return E.left(unavailable('look its schema up', error));
  } finally {
    await client.end().catch(() => undefined);
  }
}
