/**
 * The benchmark suite: which benchmarks run, at which sizes (full or quick), in which order, and
 * what the run was like (machine, load). `main.ts` prints its result; the quick-mode test checks
 * that every benchmark still produces one.
 */
import { cpus, loadavg } from 'node:os';
import { FOLD_FULL, FOLD_QUICK, runFoldBench, type FoldResult } from './fold.bench.js';
import { ESDB_FULL, ESDB_QUICK, runEsdbBench, type EsdbResult } from './esdb.bench.js';
import { emmettSubject, emmettTunedSubject } from './emmett.js';
import {
  POSTGRES_FULL,
  POSTGRES_QUICK,
  runPostgresBench,
  type PostgresBenchResult,
} from './postgres.bench.js';
import { rawSubject } from './raw.js';
import {
  POSTGRES_URL,
  runReadModels,
  runRoster,
  type ReadModelOptions,
  type ReadModelResult,
  type RosterResult,
} from './read-models.bench.js';
import { REPLAY_FULL, REPLAY_QUICK, runReplay, type ReplayResult } from './replay-1m.js';
import { TRUST_FULL, TRUST_QUICK, runTrustBench, type TrustResult } from './trust.bench.js';
import {
  WORKLOADS_FULL,
  WORKLOADS_QUICK,
  inMemorySubject,
  runWorkloads,
  sqliteSubject,
  type WorkloadOptions,
  type WorkloadsResult,
} from './workloads.js';

/** The benchmarks, by the names `--only` accepts. */
export const BENCHMARKS = [
  'fold',
  'workloads',
  'as-shipped',
  'replay',
  'read-models',
  'roster',
  'esdb',
  'trust',
  'postgres',
] as const;
/** One benchmark's name. */
export type BenchmarkName = (typeof BENCHMARKS)[number];

/** What to run. */
export interface SuiteOptions {
  /** Small sizes and single repeats: proves every benchmark works, measures nothing. */
  readonly quick: boolean;
  /** Run only these benchmarks (default: all). */
  readonly only?: ReadonlyArray<BenchmarkName>;
}

/** The machine and its load, to read the figures by. */
export interface RunContext {
  readonly startedAt: string;
  readonly node: string;
  readonly cpu: string;
  readonly cores: number;
  readonly loadBefore: ReadonlyArray<number>;
  readonly loadAfter: ReadonlyArray<number>;
  readonly seconds: number;
}

/** Everything the suite measured; a benchmark that did not run is absent. */
export interface SuiteResult {
  readonly quick: boolean;
  readonly context: RunContext;
  readonly fold?: FoldResult;
  /** W1–W3 on Mandate's stores, the raw floor and Emmett kept on one connection. */
  readonly workloads?: WorkloadsResult;
  /** W1–W3 on Mandate's SQLite store and Emmett as shipped, at a tenth of the size. */
  readonly asShipped?: WorkloadsResult;
  readonly replay?: ReplayResult;
  /** R1 rebuilds and R2 roster latencies. */
  readonly readModels?: ReadModelResult;
  /** R2 alone, when `roster` is asked for without `read-models` (which includes it). */
  readonly roster?: RosterResult;
  /** E1: the ESDB adapter on the test server. */
  readonly esdb?: EsdbResult;
  /** T1: the Merkle tree's append overhead, checkpoint, proof and verify costs. */
  readonly trust?: TrustResult;
  /** W1–W3 on PostgreSQL beside raw pg, W1 with 8 writers, replay at two sizes. */
  readonly postgres?: PostgresBenchResult;
}

/** R1 over W4's million events, R2 over a 10,000-event body. */
const READ_MODELS_FULL: ReadModelOptions = {
  replay: REPLAY_FULL,
  maxRepeats: 2,
  budgetSeconds: 600,
  peakRssLimitMiB: 256,
  historyEvents: 10_000,
  rosterQuestions: 2_000,
  oracleQuestions: 20,
  postgresUrl: POSTGRES_URL,
};

/** The quick run: W4's quick file, a 500-event body. */
const READ_MODELS_QUICK: ReadModelOptions = {
  ...READ_MODELS_FULL,
  replay: REPLAY_QUICK,
  maxRepeats: 1,
  historyEvents: 500,
  rosterQuestions: 50,
  oracleQuestions: 3,
};

/** Emmett as shipped appends about 1,000 events/s, so it runs on a tenth of the streams, once. */
const asShippedOptions = (full: WorkloadOptions): WorkloadOptions => ({
  shape: { ...full.shape, streams: Math.max(1, Math.floor(full.shape.streams / 10)) },
  repeats: 1,
  budgetSeconds: full.budgetSeconds,
});

/** Runs the selected benchmarks in order, reporting progress lines through `progress`. */
export async function runSuite(
  options: SuiteOptions,
  progress: (line: string) => void = () => undefined,
): Promise<SuiteResult> {
  const selected = (name: BenchmarkName) =>
    options.only === undefined || options.only.includes(name);
  const startedAt = new Date();
  const loadBefore = loadavg();
  const workloadOptions = options.quick ? WORKLOADS_QUICK : WORKLOADS_FULL;

  let fold: FoldResult | undefined;
  if (selected('fold')) {
    progress('B1 fold: generating and checking the history, then folding…');
    fold = await runFoldBench(options.quick ? FOLD_QUICK : FOLD_FULL);
  }
  let workloads: WorkloadsResult | undefined;
  if (selected('workloads')) {
    progress('B2 W1–W3: in-memory, SQLite, raw better-sqlite3, Emmett (one connection)…');
    workloads = await runWorkloads(workloadOptions, [
      inMemorySubject,
      sqliteSubject,
      rawSubject,
      emmettTunedSubject,
    ]);
  }
  let asShipped: WorkloadsResult | undefined;
  if (selected('as-shipped')) {
    progress('B2 W1–W3 at a tenth of the size: SQLite and Emmett as shipped…');
    asShipped = await runWorkloads(asShippedOptions(workloadOptions), [
      sqliteSubject,
      emmettSubject,
    ]);
  }
  let replay: ReplayResult | undefined;
  if (selected('replay')) {
    progress(
      'B2 W4: preparing the replay file (generated once, then cached), replaying in child processes…',
    );
    replay = await runReplay(options.quick ? REPLAY_QUICK : REPLAY_FULL);
  }
  let readModels: ReadModelResult | undefined;
  if (selected('read-models')) {
    progress('R1 rebuilds (SQLite, PostgreSQL, raw scan) in child processes; R2 roster latencies…');
    readModels = await runReadModels(options.quick ? READ_MODELS_QUICK : READ_MODELS_FULL);
  }
  let roster: RosterResult | undefined;
  if (selected('roster') && readModels === undefined) {
    progress('R2 roster latencies (SQLite, PostgreSQL, the bare round trip, the oracle)…');
    roster = await runRoster(options.quick ? READ_MODELS_QUICK : READ_MODELS_FULL);
  }
  let esdb: EsdbResult | undefined;
  if (selected('esdb')) {
    progress('E1: the ESDB adapter and the raw client on the test server (a child process)…');
    esdb = await runEsdbBench(options.quick ? ESDB_QUICK : ESDB_FULL);
  }
  let trust: TrustResult | undefined;
  if (selected('trust')) {
    progress('T1 trust anchor: appends with and without the Merkle tree, checkpoints, proofs…');
    trust = await runTrustBench(options.quick ? TRUST_QUICK : TRUST_FULL);
  }
  let postgres: PostgresBenchResult | undefined;
  if (selected('postgres')) {
    progress('B3 W1–W3 on PostgreSQL: Mandate, raw pg and Emmett…');
    postgres = await runPostgresBench(options.quick ? POSTGRES_QUICK : POSTGRES_FULL, progress);
  }
  const [cpu] = cpus();
  return {
    quick: options.quick,
    context: {
      startedAt: startedAt.toISOString(),
      node: process.version,
      cpu: cpu?.model ?? 'unknown',
      cores: cpus().length,
      loadBefore,
      loadAfter: loadavg(),
      seconds: (Date.now() - startedAt.getTime()) / 1000,
    },
    ...(fold === undefined ? {} : { fold }),
    ...(workloads === undefined ? {} : { workloads }),
    ...(asShipped === undefined ? {} : { asShipped }),
    ...(replay === undefined ? {} : { replay }),
    ...(readModels === undefined ? {} : { readModels }),
    ...(roster === undefined ? {} : { roster }),
    ...(esdb === undefined ? {} : { esdb }),
    ...(trust === undefined ? {} : { trust }),
    ...(postgres === undefined ? {} : { postgres }),
  };
}
