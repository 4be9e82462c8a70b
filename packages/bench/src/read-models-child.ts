/**
 * The child process of R1: rebuilds the read models once from one SQLite event file and prints
 * what it measured as one line of JSON on stdout. Run in a fresh process so that its peak RSS is
 * the rebuild's own.
 *
 * `read-models-child.ts sqlite <events file> <read-model file>`: every projection rebuilt from
 * zero by the runner (`rebuild`, one transaction per page) into a SQLite read model.
 * `read-models-child.ts postgres <events file> <connection string> <schema>`: the same into a
 * PostgreSQL read model in a schema of its own (dropped afterwards).
 * `read-models-child.ts projection <events file>`: the ceiling, the same rebuild into a model that
 * stores nothing but what the projection reads back (see projection-alone.ts).
 * `read-models-child.ts raw <events file>`: the baseline, a raw scan of the same log (better-sqlite3
 * `iterate()` + `JSON.parse`).
 *
 * A rebuild reports its progress on stderr (events done of the log's total, rate so far) about
 * every tenth of the log.
 */
import type { CheckpointedModel, FactStore } from '@mandate/projections';
import type { ChildReport } from './replay-child.js';
import { openRaw, rawReplay } from './raw.js';

/** The number of events in an events file (its last position). */
function eventsIn(eventsFile: string): number {
  const db = openRaw(eventsFile);
  try {
    const row = db.prepare('SELECT max(position) AS last FROM events').get() as
      { last: number | null } | undefined;
    return row?.last ?? 0;
  } finally {
    db.close();
  }
}

/** The rebuild of every projection from the store at `eventsFile` into the model `open` gives. */
async function rebuildFrom(
  eventsFile: string,
  openModel: () => Promise<{
    readonly target: CheckpointedModel<FactStore>;
    readonly close: () => Promise<void>;
  }>,
): Promise<number> {
  const E = await import('fp-ts/Either');
  const { createSqliteEventStore } = await import('@mandate/adapter-sqlite');
  const { rebuildInto } = await import('./rebuild.js');
  const opened = await createSqliteEventStore({ path: eventsFile });
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  const store = opened.right;
  const model = await openModel();
  const total = eventsIn(eventsFile);
  let reported = 0;
  try {
    return await rebuildInto(store, model.target, {
      total,
      report: ({ events, perSecond }) => {
        if (events < total && events < reported + total / 10) return;
        reported = events;
        const share = total === 0 ? 100 : Math.round((100 * events) / total);
        process.stderr.write(
          `rebuild: ${events.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} events (${share} %), ${Math.round(perSecond).toLocaleString('en-US')} events/s\n`,
        );
      },
    });
  } finally {
    await model.close();
    await store.close();
  }
}

async function sqliteRebuild(eventsFile: string, readModelFile: string): Promise<number> {
  const { default: Database } = await import('better-sqlite3');
  const { bitemporalProjection } = await import('@mandate/projections');
  const { createSqliteReadModel } = await import('@mandate/adapter-sqlite/read-model');
  return rebuildFrom(eventsFile, () => {
    const db = new Database(readModelFile);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const model = createSqliteReadModel(db, bitemporalProjection);
    return Promise.resolve({
      target: model.target,
      close: () => {
        db.close();
        return Promise.resolve();
      },
    });
  });
}

async function postgresRebuild(eventsFile: string, url: string, schema: string): Promise<number> {
  const { default: pg } = await import('pg');
  const { bitemporalProjection } = await import('@mandate/projections');
  const { createPostgresReadModel } = await import('@mandate/adapter-postgres/read-model');
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.query(`CREATE SCHEMA ${schema}`);
  try {
    return await rebuildFrom(eventsFile, async () => {
      const model = await createPostgresReadModel(pool, bitemporalProjection, { schema });
      return { target: model.target, close: () => Promise.resolve() };
    });
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  }
}

async function projectionAlone(eventsFile: string): Promise<number> {
  const { createProjectionAlone } = await import('./projection-alone.js');
  return rebuildFrom(eventsFile, () =>
    Promise.resolve({ target: createProjectionAlone(), close: () => Promise.resolve() }),
  );
}

function rawScan(eventsFile: string): Promise<number> {
  const db = openRaw(eventsFile);
  try {
    return Promise.resolve(rawReplay(db).events);
  } finally {
    db.close();
  }
}

const MiB = 1024;
const [mode, eventsFile, ...rest] = process.argv.slice(2);
if (eventsFile === undefined)
  throw new Error('usage: read-models-child.ts raw|projection|sqlite|postgres <events file> …');
const run = (): Promise<number> => {
  const [first, second] = rest;
  if (mode === 'raw') return rawScan(eventsFile);
  if (mode === 'projection') return projectionAlone(eventsFile);
  if (mode === 'sqlite' && first !== undefined) return sqliteRebuild(eventsFile, first);
  if (mode === 'postgres' && first !== undefined && second !== undefined)
    return postgresRebuild(eventsFile, first, second);
  throw new Error(
    `usage: read-models-child.ts raw|projection|sqlite|postgres <events file> …, not ${mode}`,
  );
};
const startRssMiB = process.memoryUsage().rss / MiB / MiB;
const start = performance.now();
const events = await run();
const seconds = (performance.now() - start) / 1000;
const report: ChildReport = {
  events,
  seconds,
  peakRssMiB: process.resourceUsage().maxRSS / MiB,
  startRssMiB,
  byType: {},
};
process.stdout.write(`${JSON.stringify(report)}\n`);
