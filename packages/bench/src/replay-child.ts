/**
 * The child process of W4: replays one SQLite file once and prints what it measured as one line
 * of JSON on stdout. Run in a fresh process so that its peak RSS is the replay's own.
 *
 * `replay-child.ts mandate <file>`: Mandate's SQLite store, `readAll` page by page, every event
 * decoded through the body's codecs, into the projection. `replay-child.ts raw <file>`: raw
 * better-sqlite3 `iterate()` over the same rows, `JSON.parse` only, into the same projection.
 * Mandate's packages are imported only by the replay that uses them.
 */
import { countsBuilder, type Counts } from './projection.js';
import { openRaw, rawReplay } from './raw.js';

/** What a child prints. */
export interface ChildReport {
  readonly events: number;
  readonly seconds: number;
  /** Peak resident set size of the whole child process, in MiB. */
  readonly peakRssMiB: number;
  /** Resident set size just before the replay started, in MiB. */
  readonly startRssMiB: number;
  readonly byType: Readonly<Record<string, number>>;
}

/** Loads Mandate's packages (before the clock starts), then gives the replay that uses them. */
async function mandateReplay(): Promise<(file: string) => Promise<Counts>> {
  const E = await import('fp-ts/Either');
  const { Body } = await import('@mandate/core');
  const { NO_UPCASTERS, decodeStored, eventSchemaFromUnion } = await import('@mandate/eventstore');
  const { createSqliteEventStore } = await import('@mandate/adapter-sqlite');
  return async (file) => {
    const opened = await createSqliteEventStore({ path: file });
    if (E.isLeft(opened)) throw new Error(opened.left.message);
    const store = opened.right;
    const schema = eventSchemaFromUnion(Body.EventVersions, Body.Event);
    const projection = countsBuilder();
    try {
      for (let after = 0n; ;) {
        const page = await store.readAll({ after });
        if (E.isLeft(page)) throw new Error(page.left.message);
        const last = page.right.at(-1);
        if (last === undefined) return projection.counts();
        for (const stored of page.right) {
          const event = decodeStored(schema, NO_UPCASTERS, stored);
          if (E.isLeft(event)) throw new Error(event.left.message);
          projection.add(stored.stream, event.right.type);
        }
        after = last.position;
      }
    } finally {
      await store.close();
    }
  };
}

async function replayRaw(file: string): Promise<Counts> {
  const db = openRaw(file);
  try {
    return rawReplay(db);
  } finally {
    db.close();
  }
}

const MiB = 1024;

const [mode, file] = process.argv.slice(2);
if (file === undefined || (mode !== 'mandate' && mode !== 'raw')) {
  throw new Error('usage: replay-child.ts mandate|raw <file>');
}
const replay = mode === 'mandate' ? await mandateReplay() : replayRaw;
const startRssMiB = process.memoryUsage().rss / MiB / MiB;
const start = performance.now();
const counts = await replay(file);
const seconds = (performance.now() - start) / 1000;
const report: ChildReport = {
  events: counts.events,
  seconds,
  peakRssMiB: process.resourceUsage().maxRSS / MiB,
  startRssMiB,
  byType: Object.fromEntries(counts.byType),
};
process.stdout.write(`${JSON.stringify(report)}\n`);
