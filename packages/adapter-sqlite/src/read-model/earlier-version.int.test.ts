/**
 * A read-model file of projection version 2 (written before the annulment was kept in the read
 * model) is not read by the current projection: on a real SQLite file, the current version builds
 * its own tables beside it and answers as the oracle does.
 *
 * @see docs/reference/domain.md rule 14
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, it } from 'vitest';
import { factTable, tablePrefix } from '@mandate/projections';
import {
  VERSION_2,
  expectVersion2NotRead,
} from '../../../projections/src/earlier-version.fixture.js';
import { createSqliteReadModel } from './read-model.js';

const directory = mkdtempSync(join(tmpdir(), 'mandate-earlier-version-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('a SQLite read-model file of projection version 2', () => {
  it('is not read by the current version, which builds its own tables and answers as the oracle', async () => {
    const db = new Database(join(directory, 'mandate.read-model.sqlite'));
    const records = factTable(tablePrefix(VERSION_2), 'instrument');
    const changes = factTable(tablePrefix(VERSION_2), 'change');
    await expectVersion2NotRead({
      open: (projection) => Promise.resolve(createSqliteReadModel(db, projection)),
      rewriteAsVersion2: () => {
        db.exec(
          `UPDATE ${records}
              SET payload = json_set(json_remove(payload, '$.annulment'),
                                     '$.annulledBy', json_extract(payload, '$.annulment.by'))
            WHERE json_extract(payload, '$.annulment') IS NOT NULL`,
        );
        db.exec(`UPDATE ${changes} SET payload = json_remove(payload, '$.eventId')`);
        return Promise.resolve();
      },
      version2Rows: () =>
        Promise.resolve(
          db
            .prepare<[], { payload: string }>(
              `SELECT payload FROM ${records} UNION ALL SELECT payload FROM ${changes} ORDER BY 1`,
            )
            .all()
            .map((row) => row.payload),
        ),
    });
    db.close();
  });
});
