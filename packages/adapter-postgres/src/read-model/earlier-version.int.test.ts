/**
 * A read model of projection version 2 (written before the annulment was kept in the read model)
 * is not read by the current projection: on the real PostgreSQL server, the current version builds
 * its own tables beside it in the same schema and answers as the oracle does.
 *
 * @see docs/reference/domain.md rule 14
 */
import { describe, it } from 'vitest';
import { factTable, tablePrefix } from '@mandate/projections';
import {
  VERSION_2,
  expectVersion2NotRead,
} from '../../../projections/src/earlier-version.fixture.js';
import { createPostgresReadModel } from './read-model.js';
import { postgresForTests } from './server.fixture.js';

const { pool, schema } = postgresForTests(2);

describe('a PostgreSQL read model of projection version 2', () => {
  it('is not read by the current version, which builds its own tables and answers as the oracle', async () => {
    const records = `${schema}.${factTable(tablePrefix(VERSION_2), 'instrument')}`;
    const changes = `${schema}.${factTable(tablePrefix(VERSION_2), 'change')}`;
    await expectVersion2NotRead({
      open: (projection) => createPostgresReadModel(pool, projection, { schema }),
      rewriteAsVersion2: async () => {
        await pool.query(
          `UPDATE ${records}
              SET payload = ((payload::jsonb - 'annulment')
                             || jsonb_build_object('annulledBy', payload::jsonb -> 'annulment' -> 'by'))::text
            WHERE payload::jsonb ? 'annulment'`,
        );
        await pool.query(`UPDATE ${changes} SET payload = (payload::jsonb - 'eventId')::text`);
      },
      version2Rows: async () =>
        (
          await pool.query<{ payload: string }>(
            `SELECT payload FROM ${records} UNION ALL SELECT payload FROM ${changes} ORDER BY 1`,
          )
        ).rows.map((row) => row.payload),
    });
  });
});
