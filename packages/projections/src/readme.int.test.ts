/**
 * The usage examples of the package README, run as a test on the seed story, on a real SQLite
 * file and the real PostgreSQL server (`MANDATE_PG_URL`, in a schema of its own): the README
 * shows each region between `#region` markers below verbatim, and the last test checks that it
 * still does.
 */
import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unsafeCalendarDate, type Instant } from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import { memoryWorld, wholeLog } from './history.fixture.js';
import { createOracle } from './oracle.js';
import { postgresForTests } from '../../adapter-postgres/src/read-model/server.fixture.js';
// #region imports
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import type pg from 'pg';
import type { BodyId, CalendarDate } from '@mandate/core';
import type { EventStore } from '@mandate/eventstore';
import {
  type CheckpointedModel,
  type FactStore,
  bitemporalProjection,
  createInMemoryReadModel,
  deployProjection,
  startProjection,
} from '@mandate/projections';
import {
  createPostgresActiveVersions,
  createPostgresReadModel,
  dropPostgresReadModel,
} from '@mandate/adapter-postgres/read-model';
import { createSqliteReadModel } from '@mandate/adapter-sqlite/read-model';
// #endregion imports

// #region memory
async function rosterInMemory(store: EventStore, bodyId: BodyId) {
  const model = createInMemoryReadModel();
  const runner = startProjection({ store, projection: bitemporalProjection, target: model.target });
  await runner.waitUntilCaughtUp();
  const roster = await model.queries.roster(bodyId, '2019-01-01' as CalendarDate);
  await runner.stop();
  return roster;
}
// #endregion memory

// #region sqlite
function openSqlite(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL'); // a lost commit loses its checkpoint too: applied again
  return { db, model: createSqliteReadModel(db, bitemporalProjection) }; // mandate_v3_* tables
}
// #endregion sqlite

// #region postgres
async function openPostgres(pool: pg.Pool, schema: string) {
  // Creates the mandate_v3_* tables if needed; a stream is folded again when first touched.
  return createPostgresReadModel(pool, bitemporalProjection, { schema });
}
// #endregion postgres

// #region rebuild
async function rebuild(store: EventStore, target: CheckpointedModel<FactStore>) {
  const runner = startProjection({ store, projection: bitemporalProjection, target });
  const rebuilt = await runner.rebuild({
    pageSize: 500, // events read, and applied in one commit, at a time
    onProgress: ({ events }) => console.log(`${events} events applied`),
  });
  if (E.isLeft(rebuilt)) console.error(rebuilt.left._tag); // StoreUnavailable | CorruptEvent
  return runner; // following the log live again
}
// #endregion rebuild

// #region blue-green
async function deployVersion4(store: EventStore, pool: pg.Pool, schema: string) {
  const version = (v: number) => ({ ...bitemporalProjection, version: v });
  const deployment = await deployProjection({
    store,
    projection: version(4),
    previous: bitemporalProjection, // version 3 keeps following the log until the swap
    open: (v) => createPostgresReadModel(pool, version(v), { schema }),
    drop: (v) => dropPostgresReadModel(pool, version(v), { schema }),
    active: await createPostgresActiveVersions(pool, { schema }),
    onProgress: ({ events }) => console.log(`version 4: ${events} events applied`),
  });
  // deployment.queries() answers from version 3 until version 4 has caught up, then from 4.
  const outcome = await deployment.outcome;
  if (E.isRight(outcome) && outcome.right._tag === 'Serving') {
    console.log(outcome.right.version, outcome.right.replaced); // 4 3
    await deployment.retire(); // drops the mandate_v3_* tables
  }
  return deployment;
}
// #endregion blue-green

const directory = mkdtempSync(join(tmpdir(), 'mandate-readme-'));
const { pool, schema } = postgresForTests();
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function seedStore(): Promise<EventStore> {
  const { store, clock, handler } = memoryWorld('2018-12-05T02:00:00.000Z' as Instant);
  for (const step of Seed.seedSteps) {
    clock.advance(60_000);
    expect(E.isRight(await handler.handle(step.envelope))).toBe(true);
  }
  return store;
}

/** Runs `work`, returning what it printed. */
async function printedBy(work: () => Promise<unknown>): Promise<unknown[][]> {
  const printed: unknown[][] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => printed.push(args);
  try {
    await work();
  } finally {
    console.log = log;
  }
  return printed;
}

describe('the README examples', () => {
  const successor = Seed.SeedIds.successor as BodyId;
  const on = unsafeCalendarDate('2019-01-01');

  it('run on every storage, answering as the oracle', async () => {
    const store = await seedStore();
    const log = await wholeLog(store);
    const expected = await createOracle(log).roster(successor, on);
    expect(E.getOrElseW(() => [])(expected).length).toBeGreaterThan(0);
    expect(await rosterInMemory(store, successor)).toEqual(expected);

    const { db, model: sqlite } = openSqlite(join(directory, 'read-model.sqlite'));
    const printed = await printedBy(async () => (await rebuild(store, sqlite.target)).stop());
    expect(printed).toEqual([[`${log.length} events applied`]]);
    expect(await sqlite.queries.roster(successor, on)).toEqual(expected);
    db.close();

    const postgres = await openPostgres(pool, schema);
    await (await rebuild(store, postgres.target)).stop();
    expect(await (await openPostgres(pool, schema)).queries.roster(successor, on)).toEqual(
      expected,
    );
    await (await createPostgresActiveVersions(pool, { schema })).activate('mandate', 3);
    let served: Awaited<ReturnType<typeof deployVersion4>> | undefined;
    const deployed = await printedBy(async () => {
      served = await deployVersion4(store, pool, schema);
    });
    expect(deployed).toEqual([[`version 4: ${log.length} events applied`], [4, 3]]);
    expect(await served?.queries().roster(successor, on)).toEqual(expected);
    await served?.stop();
    const { rows } = await pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = $1 AND table_name LIKE 'mandate_v3%'`,
      [schema],
    );
    expect(rows).toEqual([]);
  });

  it('are shown verbatim in the README', async () => {
    const source = await readFile(new URL('./readme.int.test.ts', import.meta.url), 'utf8');
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    for (const name of ['imports', 'memory', 'sqlite', 'postgres', 'rebuild', 'blue-green']) {
      const region = new RegExp(`// #region ${name}\\n([\\s\\S]*?)// #endregion ${name}`).exec(
        source,
      )?.[1];
      expect(region, name).toBeDefined();
      expect(readme, name).toContain(`\`\`\`ts\n${region ?? ''}\`\`\``);
    }
  });
});
