/**
 * R1 and R2 — the read models (issue #4's targets).
 *
 * R1 rebuilds every projection from zero over W4's 1,000,000-event SQLite file (10,000 body
 * streams × 100 events; generated once and cached, see `replay-1m.ts`) into a SQLite read model
 * and into a PostgreSQL one, each in a fresh child process so that its peak RSS is its own;
 * the baseline is a raw scan of the same log in a child of its own, and the ceiling the same
 * rebuild into a model that stores nothing (the projection alone, see `projection-alone.ts`).
 * Targets: ≥ 25 % of the raw scan's rate, peak RSS < 256 MiB.
 *
 * R2 asks one body's roster on random (valid date, known instant) pairs of a 10,000-event
 * history, whose ex-officio seats are resolved through the holdings of the offices they follow
 * (office histories appended alongside, see `office-history.ts`), from the SQLite and PostgreSQL
 * read models, and the same questions of the naive oracle (which folds the log filtered to the
 * instant); beside them, the bare PostgreSQL round trip as often. SQLite answers every question
 * first, before the PostgreSQL model is built: its target is its own latency, and taking turns
 * with PostgreSQL (whose server shares the machine's cores, and whose client's garbage is
 * collected during SQLite's questions) nearly doubled its p50 and p99. Then the PostgreSQL model
 * and the round trip take turns on every question (PostgreSQL, `SELECT 1`, the next question…),
 * so that a burst of outside load hits them alike. Targets: roster p99 < 1 ms on SQLite; on
 * PostgreSQL, p99 ≤ 2× the bare round trip's p99 measured beside it. `runRoster` runs R2 alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/Either';
import pg from 'pg';
import type { BodyId, CalendarDate, Instant } from '@mandate/core';
import {
  createInMemoryEventStore,
  type EventStore,
  type NewEvent,
  type StoredEvent,
} from '@mandate/eventstore';
import {
  bitemporalProjection,
  createOracle,
  type CheckpointedModel,
  type FactStore,
  type ReadModelQueries,
} from '@mandate/projections';
import { createPostgresReadModel } from '@mandate/adapter-postgres/read-model';
import { createSqliteReadModel } from '@mandate/adapter-sqlite/read-model';
import { streamFixture } from './fixtures.js';
import { officeStream, officesFollowed, type OfficeHistoryShape } from './office-history.js';
import { rebuildInto } from './rebuild.js';
import type { ChildReport } from './replay-child.js';
import { replayFile, runChild, type ReplayOptions } from './replay-1m.js';

/** Sizes and repeats of R1 and R2. */
export interface ReadModelOptions {
  /** The event file R1 rebuilds from (W4's). */
  readonly replay: ReplayOptions;
  readonly maxRepeats: number;
  /** No further R1 turn starts once the rebuilds have taken this many seconds in all. */
  readonly budgetSeconds: number;
  readonly peakRssLimitMiB: number;
  /** The length of R2's body history. */
  readonly historyEvents: number;
  readonly rosterQuestions: number;
  readonly oracleQuestions: number;
  /** PostgreSQL to rebuild into; `undefined` skips it. */
  readonly postgresUrl: string | undefined;
}

/** Where PostgreSQL is: `MANDATE_PG_URL`, or the local server. */
export const POSTGRES_URL =
  process.env['MANDATE_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** What R1 measured, per store. */
export interface RebuildRuns {
  readonly raw: ReadonlyArray<ChildReport>;
  /** The ceiling: the projection alone, storing nothing. */
  readonly projection: ReadonlyArray<ChildReport>;
  readonly sqlite: ReadonlyArray<ChildReport>;
  readonly postgres: ReadonlyArray<ChildReport>;
}

/** Latencies of one way of answering, in milliseconds. */
export interface Latencies {
  readonly name: string;
  /** Whether the roster target applies (not to the oracle, nor to the bare round trip). */
  readonly judged: boolean;
  readonly milliseconds: ReadonlyArray<number>;
}

/** What R2 needs: its body's size, how many questions, and where PostgreSQL is. */
export type RosterOptions = Pick<
  ReadModelOptions,
  'historyEvents' | 'rosterQuestions' | 'oracleQuestions' | 'postgresUrl'
>;

/** What R2 measured. */
export interface RosterResult {
  readonly historyEvents: number;
  /** How many offices R2's ex-officio seats follow, each with a history of its own. */
  readonly offices: number;
  readonly latencies: ReadonlyArray<Latencies>;
}

/** What R1 and R2 measured. */
export interface ReadModelResult {
  readonly options: ReadModelOptions;
  readonly events: number;
  readonly rebuild: RebuildRuns;
  readonly roster: RosterResult;
}

const MINUTE = 60_000;

/** A read model under test: what the runner writes to, and what it answers. */
interface ReadModel {
  readonly target: CheckpointedModel<FactStore>;
  readonly queries: ReadModelQueries;
  /** Called once a rebuild has caught up, as the model's guide says (PostgreSQL's model has it). */
  readonly vacuum?: () => Promise<void>;
}

/**
 * The offices of R2's ex-officio seats (the generator gives each ex-officio holder an office of
 * their own, so there are many): a new holder every five years from 1990 to 2005.
 */
const R2_OFFICES: OfficeHistoryShape = {
  establishedOn: '1985-01-01' as CalendarDate,
  appointments: 4,
  spacingDays: 1_826,
};

/**
 * Appends one body's history to an in-memory store, a batch a minute, with the histories of the
 * offices its ex-officio seats follow cut into as many slices, one after each batch (so that
 * what is known of the offices grows with what is known of the body); reads the log back.
 */
async function bodyLog(
  events: number,
): Promise<{ store: EventStore; log: StoredEvent[]; offices: number }> {
  let now = Date.parse('2018-12-05T02:00:00.000Z');
  const store = createInMemoryEventStore({
    clock: () => new Date((now += MINUTE)).toISOString() as Instant,
  });
  const { stream, batches } = streamFixture(0, {
    streams: 1,
    eventsPerStream: events,
    batchSize: 100,
  });
  const offices = officesFollowed(batches.flat()).map((office) => officeStream(office, R2_OFFICES));
  const revisions = new Map<string, bigint>();
  const append = async (name: string, slice: ReadonlyArray<NewEvent>) => {
    if (slice.length === 0) return;
    const revision = revisions.get(name);
    const appended = await store.append({
      appends: [{ stream: name, expectedRevision: revision ?? 'no-stream', events: slice }],
    });
    if (E.isLeft(appended)) throw new Error(appended.left.message);
    revisions.set(name, (revision ?? -1n) + BigInt(slice.length));
  };
  for (const [i, batch] of batches.entries()) {
    await append(stream, batch);
    for (const office of offices) {
      const cut = (k: number) => Math.round((k * office.events.length) / batches.length);
      await append(office.stream, office.events.slice(cut(i), cut(i + 1)));
    }
  }
  const log: StoredEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: log.at(-1)?.position ?? 0n, maxCount: 5_000 });
    if (E.isLeft(page)) throw new Error(page.left.message);
    if (page.right.length === 0) return { store, log, offices: offices.length };
    log.push(...page.right);
  }
}

/** A deterministic stream of numbers in [0, 1). */
function pseudoRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Random questions: a valid date some event took effect on, and an instant some event was recorded at. */
function questions(log: ReadonlyArray<StoredEvent>, count: number): Array<[CalendarDate, Instant]> {
  const random = pseudoRandom(2018);
  const pick = () => log[Math.floor(random() * log.length)] as StoredEvent;
  return Array.from({ length: count }, () => [
    (pick().data as { effectiveOn: CalendarDate }).effectiveOn,
    pick().recordedAt,
  ]);
}

/** One way of answering a roster question, timed on every question. */
interface Answerer {
  readonly name: string;
  readonly judged: boolean;
  readonly ask: (on: CalendarDate, knownAt: Instant) => Promise<unknown>;
}

/** Times every answerer on every question, the answerers taking turns on each question. */
async function timeInTurns(
  answerers: ReadonlyArray<Answerer>,
  asked: ReadonlyArray<[CalendarDate, Instant]>,
): Promise<Latencies[]> {
  const milliseconds = answerers.map(() => [] as number[]);
  for (const [on, knownAt] of asked) {
    for (const [i, { ask }] of answerers.entries()) {
      const start = performance.now();
      await ask(on, knownAt);
      milliseconds[i]?.push(performance.now() - start);
    }
  }
  return answerers.map(({ name, judged }, i) => ({
    name,
    judged,
    milliseconds: milliseconds[i] ?? [],
  }));
}

/** The bare round trip to PostgreSQL (`SELECT 1`, prepared): the floor of any query there. */
const roundTrip = (pool: pg.Pool): Answerer => ({
  name: ROUND_TRIP,
  judged: false,
  ask: () => pool.query({ name: 'mandate_bench_round_trip', text: 'SELECT 1' }),
});

/** The name of the bare round trip's latencies. */
export const ROUND_TRIP = 'PostgreSQL round trip (`SELECT 1`)';

/**
 * Warms the model up on `asked` and checks that some ex-officio seat was resolved to an office
 * holder, so that R2 measures rosters that go through the holdings.
 */
async function expectOfficeHolders(
  queries: ReadModelQueries,
  bodyId: BodyId,
  asked: ReadonlyArray<[CalendarDate, Instant]>,
): Promise<void> {
  let resolved = 0;
  for (const [on, knownAt] of asked)
    for (const seat of E.getOrElseW(() => [])(await queries.roster(bodyId, on, knownAt)))
      if (seat.occupant?.kind === 'person' && seat.occupant.via === 'office') resolved += 1;
  if (resolved === 0) throw new Error('No roster question resolved an ex-officio seat');
}

/** R2: roster latencies of the read models, the bare round trip and the oracle over one long body history. */
export async function runRoster(options: RosterOptions): Promise<RosterResult> {
  const { store, log, offices } = await bodyLog(options.historyEvents);
  const bodyStream = log[0]?.stream ?? '';
  const bodyId = bodyStream.slice('body-'.length) as BodyId;
  const asked = questions(
    log.filter((event) => event.stream === bodyStream),
    options.rosterQuestions,
  );
  const directory = mkdtempSync(join(tmpdir(), 'mandate-bench-r2-'));
  const db = new Database(join(directory, 'read-model.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const pool =
    options.postgresUrl === undefined
      ? undefined
      : new pg.Pool({ connectionString: options.postgresUrl, max: 2 });
  const schema = `mandate_bench_r2_${process.pid}`;
  /** The model rebuilt from the history and warmed up, as an answerer of the roster questions. */
  const answererOf = async (name: string, model: ReadModel): Promise<Answerer> => {
    await rebuildInto(store, model.target);
    await model.vacuum?.();
    await expectOfficeHolders(model.queries, bodyId, asked.slice(0, 50));
    return { name, judged: true, ask: (on, knownAt) => model.queries.roster(bodyId, on, knownAt) };
  };
  try {
    const sqlite = createSqliteReadModel(db, bitemporalProjection);
    const latencies = await timeInTurns([await answererOf('SQLite read model', sqlite)], asked);
    if (pool !== undefined) {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.query(`CREATE SCHEMA ${schema}`);
      const postgres = await createPostgresReadModel(pool, bitemporalProjection, { schema });
      const answerer = await answererOf('PostgreSQL read model', postgres);
      latencies.push(...(await timeInTurns([answerer, roundTrip(pool)], asked)));
    }
    const oracle = createOracle(log);
    const [oracleLatencies] = await timeInTurns(
      [
        {
          name: 'oracle',
          judged: false,
          ask: (on, knownAt) => oracle.roster(bodyId, on, knownAt),
        },
      ],
      asked.slice(0, options.oracleQuestions),
    );
    if (oracleLatencies !== undefined) latencies.push(oracleLatencies);
    return { historyEvents: options.historyEvents, offices, latencies };
  } finally {
    db.close();
    rmSync(directory, { recursive: true, force: true });
    if (pool !== undefined) {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    }
  }
}

/** R1: rebuilds from W4's file in child processes, taking turns with the raw scan. */
async function rebuildRuns(
  options: ReadModelOptions,
  path: string,
  directory: string,
): Promise<RebuildRuns> {
  const runs = {
    raw: [] as ChildReport[],
    projection: [] as ChildReport[],
    sqlite: [] as ChildReport[],
    postgres: [] as ChildReport[],
  };
  let spent = 0;
  for (
    let turn = 0;
    turn < options.maxRepeats && (turn === 0 || spent < options.budgetSeconds);
    turn++
  ) {
    const turns: Array<[ChildReport[], ReadonlyArray<string>]> = [
      [runs.raw, ['raw', path]],
      [runs.projection, ['projection', path]],
      [runs.sqlite, ['sqlite', path, join(directory, `read-model-${turn}.sqlite`)]],
    ];
    if (options.postgresUrl !== undefined)
      turns.push([
        runs.postgres,
        ['postgres', path, options.postgresUrl, `mandate_bench_r1_${process.pid}_${turn}`],
      ]);
    for (const [reports, args] of turns) {
      const report = await runChild<ChildReport>('read-models-child.ts', args);
      reports.push(report);
      spent += report.seconds;
    }
  }
  return runs;
}

/** Runs R1 then R2. */
export async function runReadModels(options: ReadModelOptions): Promise<ReadModelResult> {
  const file = await replayFile(options.replay);
  const directory = mkdtempSync(join(tmpdir(), 'mandate-bench-r1-'));
  try {
    const rebuild = await rebuildRuns(options, file.path, directory);
    for (const report of [...rebuild.projection, ...rebuild.sqlite, ...rebuild.postgres])
      if (report.events !== file.events)
        throw new Error(`A rebuild read ${report.events} of ${file.events} events`);
    const roster = await runRoster(options);
    return { options, events: file.events, rebuild, roster };
  } finally {
    rmSync(directory, { recursive: true, force: true });
    file.remove();
  }
}
