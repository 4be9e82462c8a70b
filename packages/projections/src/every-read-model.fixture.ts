/**
 * Every read model the library ships — in memory, SQLite (a real file) and PostgreSQL (the real
 * server) — and the oracle, each built over a whole log, for example tests that ask them all the
 * same questions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import type { EventStore } from '@mandate/eventstore';
import { createPostgresReadModel } from '@mandate/adapter-postgres/read-model';
import { createSqliteReadModel } from '@mandate/adapter-sqlite/read-model';
import { postgresForTests } from '../../adapter-postgres/src/read-model/server.fixture.js';
import { bitemporalProjection } from './bitemporal-projection.js';
import type { CheckpointedModel } from './checkpoint.js';
import type { FactStore } from './fact-store.js';
import { wholeLog } from './history.fixture.js';
import { createInMemoryReadModel } from './in-memory/read-model.js';
import { createOracle } from './oracle.js';
import { startProjection } from './runner.js';
import type { ReadModelQueries } from './views.js';

/** A read model's name, and how to build it over the log. */
export type NamedReadModel = readonly [string, () => Promise<ReadModelQueries>];

/** Brings `target` up to the whole log of `store`, then stops its runner. */
export async function projectWholeLog(
  store: EventStore,
  target: CheckpointedModel<FactStore>,
): Promise<void> {
  const runner = startProjection({ store, projection: bitemporalProjection, target });
  await runner.waitUntilCaughtUp();
  await runner.stop();
}

/**
 * The read models of every backend and the oracle, each built afresh over the log of the store
 * `storeOf` gives when it is built; the SQLite file and the PostgreSQL schema are this test
 * file's own (`name`), removed after it.
 */
export function everyReadModel(
  name: string,
  storeOf: () => EventStore,
): ReadonlyArray<NamedReadModel> {
  const directory = mkdtempSync(join(tmpdir(), `mandate-${name}-`));
  const postgres = postgresForTests(2);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  return [
    [
      'in memory',
      async () => {
        const model = createInMemoryReadModel();
        await projectWholeLog(storeOf(), model.target);
        return model.queries;
      },
    ],
    [
      'in SQLite',
      async () => {
        const file = new Database(join(directory, 'read-model.sqlite'));
        const model = createSqliteReadModel(file, bitemporalProjection);
        await projectWholeLog(storeOf(), model.target);
        return model.queries;
      },
    ],
    [
      'in PostgreSQL',
      async () => {
        const model = await createPostgresReadModel(postgres.pool, bitemporalProjection, {
          schema: postgres.schema,
        });
        await projectWholeLog(storeOf(), model.target);
        return model.queries;
      },
    ],
    ['by the oracle', async () => createOracle(await wholeLog(storeOf()))],
  ];
}
