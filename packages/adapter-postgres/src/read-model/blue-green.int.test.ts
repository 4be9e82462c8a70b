/**
 * Blue/green deployment on the real PostgreSQL server (`MANDATE_PG_URL`, in a schema of its
 * own): the scenario every storage is held to, each "restart" opening the models and the
 * registry again over the same tables.
 *
 * @see docs/reference/domain.md rule 11
 */
import { describe, expect, it } from 'vitest';
import { bitemporalProjection } from '@mandate/projections';
import { blueGreenScenario } from '../../../projections/src/blue-green.fixture.js';
import { createPostgresActiveVersions, dropPostgresReadModel } from './blue-green.js';
import { createPostgresReadModel } from './read-model.js';
import { postgresForTests } from './server.fixture.js';

const { pool, schema } = postgresForTests();

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
