/**
 * The real PostgreSQL server the integration tests run against (`MANDATE_PG_URL`, or the local
 * server): a pool and a schema of the test file's own, dropped with the pool after its tests.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';

/** Opens a pool of `max` connections and names a fresh schema; both go after the file's tests. */
export function postgresForTests(max = 4): { readonly pool: pg.Pool; readonly schema: string } {
  const pool = new pg.Pool({
    connectionString: process.env['MANDATE_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
    max,
  });
  const schema = `mandate_test_${randomBytes(6).toString('hex')}`;
  // A property's schema holds a table per fact kind of every version it built (hundreds): on a
  // busy server dropping them all takes longer than vitest's default 10 s for a hook.
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  }, 120_000);
  return { pool, schema };
}
