/**
 * The child process of W4: replays one SQLite file once and prints what it measured as one line
 * of JSON on stdout. Run in a fresh process so that its peak RSS is the replay's own.
 *
 * `replay-child.ts mandate <file>`: Mandate's SQLite store, `readAll` page by page, every event
 * decoded through the body's codecs, into the projection. `replay-child.ts raw <file>`: raw
 * better-sqlite3 `iterate()` over the same rows, `JSON.parse` only, into the same projection.
 * `replay-child.ts verify <file>`: Mandate's SQLite store's `verify()` of the whole file (hash chain,
 * stream heads, command rows). `replay-child.ts raw-hash <file>`: the floor of a verification, raw
 * better-sqlite3 `iterate()` over the same rows, `JSON.parse` of data and metadata and one SHA-256
 * of each row's stored text.
 * Mandate's packages are imported only by the replay that uses them.
 */
import { hash } from 'node:crypto';
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

/** Verifies the file through Mandate's store; the counts hold only the number of events. */
async function mandateVerify(): Promise<(file: string) => Promise<Counts>> {
  const E = await import('fp-ts/Either');
  const { createSqliteEventStore } = await import('@mandate/adapter-sqlite');
  return async (file) => {
    const opened = await createSqliteEventStore({ path: file });
    if (E.isLeft(opened)) throw new Error(opened.left.message);
    try {
      const verified = await opened.right.verify();
      if (E.isLeft(verified)) throw new Error(verified.left.message);
      if (!verified.right.ok) throw new Error(verified.right.problem.message);
      return { events: Number(verified.right.events), byType: new Map(), streams: 0 };
    } finally {
      await opened.right.close();
    }
  };
}

interface HashedRow {
  readonly stream: string;
  readonly event_id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
  readonly previous_hash: string;
}

/** The floor of a verification: every row parsed and its stored text hashed once. */
function rawHash(file: string): Promise<Counts> {
  const db = openRaw(file);
  try {
    const rows = db.prepare<[], HashedRow>(
      'SELECT stream, event_id, type, data, metadata, recorded_at, previous_hash FROM events ORDER BY position',
    );
    let events = 0;
    for (const row of rows.iterate()) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      const digest = hash(
        'sha256',
        `${row.data}${row.event_id}${row.metadata}${row.previous_hash}${row.recorded_at}${row.stream}${row.type}`,
        'hex',
      );
      if (digest.length !== 64) throw new Error('not a SHA-256 digest');
      events += 1;
    }
    return Promise.resolve({ events, byType: new Map(), streams: 0 });
  } finally {
    db.close();
  }
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
const modes = {
  mandate: mandateReplay,
  raw: () => Promise.resolve(replayRaw),
  verify: mandateVerify,
  'raw-hash': () => Promise.resolve(rawHash),
} as const;
const isMode = (name: string | undefined): name is keyof typeof modes =>
  name !== undefined && Object.prototype.hasOwnProperty.call(modes, name);
if (file === undefined || !isMode(mode)) {
  throw new Error('usage: replay-child.ts mandate|raw|verify|raw-hash <file>');
}
const replay = await modes[mode]();
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
