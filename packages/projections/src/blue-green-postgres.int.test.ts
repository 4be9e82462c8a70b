/**
 * Blue/green deployment on the real PostgreSQL server (`MANDATE_PG_URL`, in a schema of its
 * own): the scenario every storage is held to, each "restart" opening the models and the
 * registry again over the same tables.
 *
 * @see DOMAIN.md rule 11
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { bitemporalProjection } from './bitemporal-projection.js';
import { blueGreenScenario } from './blue-green.fixture.js';
import { createPostgresActiveVersions, dropPostgresReadModel } from './blue-green-postgres.js';
import { createPostgresReadModel } from './postgres/read-model.js';

const pool = new pg.Pool({
  connectionString: process.env['MANDATE_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
  max: 4,
});
const schema = `mandate_test_${randomBytes(6).toString('hex')}`;
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
});

describe('blue/green deployment on PostgreSQL', () => {
  it('serves the old version while the new one builds, resumes after a crash, swaps and retires', async () => {
    await blueGreenScenario(async () => ({
      open: (version) =>
        createPostgresReadModel(pool, { ...bitemporalProjection, version }, { schema }),
      drop: (version) =>
        dropPostgresReadModel(pool, { ...bitemporalProjection, version }, { schema }),
      active: await createPostgresActiveVersions(pool, { schema }),
      tables: async () =>
        (
          await pool.query<{ table_name: string }>(
            'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
            [schema],
          )
        ).rows.map((row) => row.table_name),
    }));
    const { rows } = await pool.query<{ projection: string }>(
      `SELECT projection FROM ${schema}.projection_checkpoint`,
    );
    expect(rows.map((row) => row.projection)).toEqual(['mandate_v2']);
  });
});
