/**
 * Blue/green deployment on a real SQLite file: the scenario every storage is held to, each
 * "restart" closing the database and opening the file again.
 *
 * @see docs/reference/domain.md rule 11
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { bitemporalProjection } from '@mandate/projections';
// The scenario every storage is held to lives beside the engine it exercises.
import { blueGreenScenario } from '../../../projections/src/blue-green.fixture.js';
import { createSqliteActiveVersions, dropSqliteReadModel } from './blue-green.js';
import { createSqliteReadModel } from './read-model.js';

const directory = mkdtempSync(join(tmpdir(), 'mandate-blue-green-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('blue/green deployment on SQLite', () => {
  it('serves the old version while the new one builds, resumes after a crash, swaps and retires', async () => {
    const file = join(directory, 'read-models.sqlite');
    let db: Database.Database | undefined;
    await blueGreenScenario(() => {
      db?.close();
      const opened = new Database(file);
      opened.pragma('journal_mode = WAL');
      db = opened;
      return Promise.resolve({
        open: (version) => createSqliteReadModel(opened, { ...bitemporalProjection, version }),
        drop: (version) => dropSqliteReadModel(opened, { ...bitemporalProjection, version }),
        active: createSqliteActiveVersions(opened),
        tables: () =>
          Promise.resolve(
            opened
              .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
              .all()
              .map((row) => row.name),
          ),
      });
    });
    const checkpoints = db
      ?.prepare<[], { projection: string }>('SELECT projection FROM projection_checkpoint')
      .all()
      .map((row) => row.projection);
    expect(checkpoints).toEqual(['mandate_v2']);
    db?.close();
  });
});
