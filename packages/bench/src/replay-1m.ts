/**
 * W4 — a 1,000,000-event replay from SQLite with a peak RSS under 256 MiB.
 *
 * The file is generated once through Mandate's SQLite store (10,000 body streams × 100 events,
 * appended ten streams — 1,000 events — at a time, the hash chain computed on every event) and
 * cached under the OS temporary directory, keyed by {@link REPLAY_FILE_VERSION}, so later runs
 * reuse it; a file is only given its final name once complete. Each replay runs in a fresh child
 * process (`replay-child.ts`) so that its peak RSS is the replay's own: Mandate's `readAll`,
 * decoding every event, beside raw better-sqlite3 `iterate()` over the same file, taking turns.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/Either';
import { createSqliteEventStore } from '@mandate/adapter-sqlite';
import type { StreamAppend } from '@mandate/eventstore';
import { streamFixture, type WorkloadShape } from './fixtures.js';
import { openRaw } from './raw.js';
import type { ChildReport } from './replay-child.js';
import { temporaryDirectory } from './subject.js';

/** Bump when the generated file would differ (generator, shape, schema): old caches are ignored. */
const REPLAY_FILE_VERSION = 'v2';

/** Sizes, repeats and caching of W4. */
export interface ReplayOptions {
  readonly shape: WorkloadShape;
  /** How many streams go into one append (their events together at most 1,000). */
  readonly streamsPerAppend: number;
  readonly maxRepeats: number;
  /** No further turn starts once the replays have taken this many seconds in all. */
  readonly budgetSeconds: number;
  /** Keep the generated file under the OS temporary directory for later runs. */
  readonly cache: boolean;
  readonly peakRssLimitMiB: number;
  /** The streams of the smaller log replayed beside it, to see whether replay stays flat. */
  readonly smallerStreams: number;
}

/** The full run: 1,000,000 events, cached. */
export const REPLAY_FULL: ReplayOptions = {
  shape: { streams: 10_000, eventsPerStream: 100, batchSize: 100 },
  streamsPerAppend: 10,
  maxRepeats: 3,
  budgetSeconds: 60,
  cache: true,
  peakRssLimitMiB: 256,
  smallerStreams: 1_000,
};

/** The quick run: 2,000 events in a temporary file, removed after. */
export const REPLAY_QUICK: ReplayOptions = {
  shape: { streams: 20, eventsPerStream: 100, batchSize: 100 },
  streamsPerAppend: 10,
  maxRepeats: 1,
  budgetSeconds: 60,
  cache: false,
  peakRssLimitMiB: 256,
  smallerStreams: 2,
};

/** How the replayed file came to be. */
export interface ReplayFile {
  readonly path: string;
  readonly events: number;
  /** Seconds spent generating it in this run, or `undefined` when a cached file was reused. */
  readonly generatedInSeconds: number | undefined;
}

/** What W4 measured: each child's report, per turn. */
export interface ReplayResult {
  readonly options: ReplayOptions;
  readonly file: ReplayFile;
  readonly mandate: ReadonlyArray<ChildReport>;
  readonly raw: ReadonlyArray<ChildReport>;
  /** Mandate's `verify()` of the same file, and its floor: a raw scan hashing every row. */
  readonly verify: ReadonlyArray<ChildReport>;
  readonly rawHash: ReadonlyArray<ChildReport>;
  /** Mandate's replay of the smaller log (a tenth of the streams in the full run). */
  readonly smaller: { readonly file: ReplayFile; readonly mandate: ReadonlyArray<ChildReport> };
}

const PACKAGE_DIRECTORY = dirname(dirname(fileURLToPath(import.meta.url)));

const eventsOf = (shape: WorkloadShape) => shape.streams * shape.eventsPerStream;

const removeDatabase = (path: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
};

/** The number of events in a file written by Mandate's store (0 when it has no events table). */
function eventsIn(path: string): number {
  const db = openRaw(path);
  try {
    const row = db.prepare('SELECT max(position) AS last FROM events').get() as
      { last: number | null } | undefined;
    return row?.last ?? 0;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

/** Writes the workload's streams into a new file through Mandate's SQLite store. */
async function generate(path: string, options: ReplayOptions): Promise<void> {
  const opened = await createSqliteEventStore({ path });
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  const store = opened.right;
  try {
    const { shape } = options;
    for (let first = 0; first < shape.streams; first += options.streamsPerAppend) {
      const last = Math.min(shape.streams, first + options.streamsPerAppend);
      const appends: StreamAppend[] = [];
      for (let index = first; index < last; index++) {
        const { stream, batches } = streamFixture(index, shape);
        appends.push({ stream, expectedRevision: 'no-stream' as const, events: batches.flat() });
      }
      const appended = await store.append({ appends });
      if (E.isLeft(appended)) throw new Error(appended.left.message);
    }
  } finally {
    await store.close();
  }
}

/** The file to replay: the cached one if it is complete, else a newly generated one. */
export async function replayFile(
  options: ReplayOptions,
): Promise<ReplayFile & { readonly remove: () => void }> {
  const events = eventsOf(options.shape);
  const directory = options.cache ? undefined : temporaryDirectory('replay');
  const path =
    directory === undefined
      ? join(tmpdir(), `mandate-bench-replay-${REPLAY_FILE_VERSION}-${events}.db`)
      : join(directory.path, 'events.db');
  const remove = directory?.remove ?? (() => undefined);
  if (existsSync(path) && eventsIn(path) === events) {
    return { path, events, generatedInSeconds: undefined, remove };
  }
  removeDatabase(path);
  const partial = `${path}.partial`;
  removeDatabase(partial);
  const start = performance.now();
  await generate(partial, options);
  const generatedInSeconds = (performance.now() - start) / 1000;
  if (eventsIn(partial) !== events) throw new Error(`The generated file misses events`);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${partial}${suffix}`)) renameSync(`${partial}${suffix}`, `${path}${suffix}`);
  }
  renameSync(partial, path);
  return { path, events, generatedInSeconds, remove };
}

/**
 * Runs a benchmark script in a fresh child process (TypeScript through tsx, workspace sources)
 * and parses the JSON report it prints as its last line of stdout.
 */
export function runChild<Report>(script: string, args: ReadonlyArray<string>): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@mandate/source',
        join(PACKAGE_DIRECTORY, 'src', script),
        ...args,
      ],
      { cwd: PACKAGE_DIRECTORY, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    // The child's progress lines (R1's rebuilds report theirs) go on to this process's stderr.
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const label = `${script} ${args.join(' ')}`;
      if (code !== 0) {
        reject(new Error(`${label} exited with ${code}: ${stderr.trim()}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Report);
      } catch (error) {
        reject(new Error(`${label} printed no report: ${stdout} ${stderr}`, { cause: error }));
      }
    });
  });
}

/** Runs W4: makes sure the files exist, then replays and verifies them in child processes, taking turns. */
export async function runReplay(options: ReplayOptions): Promise<ReplayResult> {
  const file = await replayFile(options);
  const smallerFile = await replayFile({
    ...options,
    shape: { ...options.shape, streams: options.smallerStreams },
  });
  try {
    const mandate: ChildReport[] = [];
    const raw: ChildReport[] = [];
    const verify: ChildReport[] = [];
    const rawHash: ChildReport[] = [];
    const smaller: ChildReport[] = [];
    let spent = 0;
    for (
      let turn = 0;
      turn < options.maxRepeats && (turn === 0 || spent < options.budgetSeconds);
      turn++
    ) {
      for (const [mode, reports, on] of [
        ['mandate', mandate, file],
        ['raw', raw, file],
        ['verify', verify, file],
        ['raw-hash', rawHash, file],
        ['mandate', smaller, smallerFile],
      ] as const) {
        const report = await runChild<ChildReport>('replay-child.ts', [mode, on.path]);
        if (report.events !== on.events) {
          throw new Error(`The ${mode} replay read ${report.events} of ${on.events} events`);
        }
        reports.push(report);
        spent += report.seconds;
      }
    }
    const described = (f: ReplayFile): ReplayFile => ({
      path: f.path,
      events: f.events,
      generatedInSeconds: f.generatedInSeconds,
    });
    return {
      options,
      file: described(file),
      mandate,
      raw,
      verify,
      rawHash,
      smaller: { file: described(smallerFile), mandate: smaller },
    };
  } finally {
    file.remove();
    smallerFile.remove();
  }
}
