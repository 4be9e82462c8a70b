/**
 * The printed report: one Markdown table per benchmark, rates at the median of the repeats,
 * ratios against the baselines measured in the same run, each target beside its figure marked
 * `ok` or `MISS`, and the repeat counts. Markdown, so that the README can quote it as printed.
 */
import type { EsdbResult } from './esdb.bench.js';
import type { FoldResult, FoldVariant } from './fold.bench.js';
import { median, medianSeconds, rate, type Timing } from './measure.js';
import type { PostgresBenchResult } from './postgres.bench.js';
import type { ChildReport } from './replay-child.js';
import {
  ROUND_TRIP,
  type Latencies,
  type ReadModelResult,
  type RosterResult,
} from './read-models.bench.js';
import type { ReplayResult } from './replay-1m.js';
import type { RunContext, SuiteResult } from './suite.js';
import { treeCpuOverhead, treeOverhead, type TrustResult } from './trust.bench.js';
import type { SubjectResult, WorkloadsResult } from './workloads.js';

// -------------------------------------------------------------------------------------------------
// Formatting
// -------------------------------------------------------------------------------------------------

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Events per second, with k or M. */
function perSecond(events: number): string {
  if (events >= 1_000_000) return `${(events / 1_000_000).toFixed(2)} M/s`;
  if (events >= 1_000) return `${(events / 1_000).toFixed(1)} k/s`;
  return `${events.toFixed(0)} /s`;
}

const times = (ratio: number): string => `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×`;
const percent = (ratio: number): string => `${(ratio * 100).toFixed(0)} %`;
const verdict = (ok: boolean): string => (ok ? 'ok' : '**MISS**');

/** A Markdown table. */
function table(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const line = (cells: ReadonlyArray<string>) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

// -------------------------------------------------------------------------------------------------
// B1
// -------------------------------------------------------------------------------------------------

/** Target of B1: folding ten times the events takes at most twelve times as long. */
const FOLD_GROWTH_TARGET = 12;
/** Target of B1: at least a million events per second at the large size. */
const FOLD_RATE_TARGET = 1_000_000;

const growth = (variant: FoldVariant): number =>
  medianSeconds(variant.large) / medianSeconds(variant.small);

function foldSection(result: FoldResult): string {
  const { smallEvents: small, largeEvents: large } = result.options;
  const baseline = result.baseline;
  const rows = [result.evolve, result.fold, baseline].map((variant) => {
    const largeRate = rate(large, variant.large);
    const isBaseline = variant === baseline;
    return [
      variant.name,
      perSecond(rate(small, variant.small)),
      perSecond(largeRate),
      `${growth(variant).toFixed(1)}${isBaseline ? '' : ` ${verdict(growth(variant) <= FOLD_GROWTH_TARGET)}`}`,
      isBaseline ? '—' : verdict(largeRate >= FOLD_RATE_TARGET),
      isBaseline ? '1×' : times(medianSeconds(variant.large) / medianSeconds(baseline.large)),
      `${variant.small.seconds.length} / ${variant.large.seconds.length}`,
    ];
  });
  const checked = result.decideChecked;
  return [
    `### B1 — fold one body stream (${count(small)} and ${count(large)} events)`,
    '',
    table(
      [
        'fold',
        `events/s @ ${count(small)}`,
        `events/s @ ${count(large)}`,
        `t(${count(large)}) / t(${count(small)}) (≤ ${FOLD_GROWTH_TARGET})`,
        '≥ 1 M/s',
        `time ÷ baseline @ ${count(large)}`,
        'repeats',
      ],
      rows,
    ),
    '',
    `History: mean event data ${result.meanDataBytes.toFixed(0)} B of JSON; ` +
      `the first ${count(checked.events)} events (${count(checked.steps)} decisions) replayed ` +
      `through \`decide\` in ${checked.seconds.toFixed(1)} s with identical events; both histories ` +
      `folded and compared with the generator's model. ` +
      `Garbage collection took ${percent(result.largeGcShare)} of the median ${count(large)}-event evolve run.`,
  ].join('\n');
}

// -------------------------------------------------------------------------------------------------
// B2 W1–W3
// -------------------------------------------------------------------------------------------------

/** Targets of B2: Mandate SQLite against Emmett and against raw better-sqlite3, per workload. */
const STORE_TARGETS = {
  overEmmett: 2,
  ofRaw: { append: 0.5, readAndFold: 0.6, replay: 0.6 },
} as const;

const WORKLOADS = ['append', 'readAndFold', 'replay'] as const;
type Workload = (typeof WORKLOADS)[number];

const workloadRate = (events: number, timing: Timing | undefined): string =>
  timing === undefined ? '—' : perSecond(rate(events, timing));

function storeRows(result: WorkloadsResult): string[][] {
  return result.subjects.map((subject) => [
    subject.name,
    ...WORKLOADS.map((w) => workloadRate(result.events, subject[w])),
    workloadRate(result.events, subject.verify),
    `${subject.append.seconds.length}${subject.retries === undefined ? '' : ` (appends retried: ${subject.retries.join(', ')})`}`,
  ]);
}

const storeHeader = [
  'store',
  'W1 append',
  'W2 read + fold',
  'W3 replay',
  'verify chain',
  'repeats',
];

/** How many times faster `over` did workload `w` than `under`. */
const speedup = (over: SubjectResult, under: SubjectResult, w: Workload): number =>
  medianSeconds(under[w]) / medianSeconds(over[w]);

const find = (result: WorkloadsResult, key: string) => result.subjects.find((s) => s.key === key);

function ratioRows(result: WorkloadsResult, emmettKey: string, emmettLabel: string): string[][] {
  const sqlite = find(result, 'sqlite');
  if (sqlite === undefined) return [];
  const rows: string[][] = [];
  const emmett = find(result, emmettKey);
  if (emmett !== undefined) {
    rows.push([
      `Mandate SQLite ÷ ${emmettLabel} (≥ ${STORE_TARGETS.overEmmett}×)`,
      ...WORKLOADS.map((w) => {
        const ratio = speedup(sqlite, emmett, w);
        return `${times(ratio)} ${verdict(ratio >= STORE_TARGETS.overEmmett)}`;
      }),
    ]);
  }
  const raw = find(result, 'raw');
  if (raw !== undefined) {
    rows.push([
      'Mandate SQLite ÷ raw (≥ 50 % W1, ≥ 60 % W2–W3)',
      ...WORKLOADS.map((w) => {
        const ratio = speedup(sqlite, raw, w);
        return `${percent(ratio)} ${verdict(ratio >= STORE_TARGETS.ofRaw[w])}`;
      }),
    ]);
  }
  return rows;
}

function workloadsSection(result: WorkloadsResult): string {
  const { streams, eventsPerStream, batchSize } = result.options.shape;
  return [
    `### B2 — W1–W3: ${count(streams)} streams × ${count(eventsPerStream)} events = ${count(result.events)} events, ${count(batchSize)} per append`,
    '',
    table(storeHeader, storeRows(result)),
    '',
    table(
      ['ratio (median rates)', 'W1 append', 'W2 read + fold', 'W3 replay'],
      ratioRows(result, 'emmett-tuned', 'Emmett, 1 connection'),
    ),
  ].join('\n');
}

function asShippedSection(result: WorkloadsResult): string {
  const { streams, eventsPerStream } = result.options.shape;
  return [
    `### B2 — W1–W3 against Emmett as shipped (\`getSQLiteEventStore\`): ${count(streams)} streams × ${count(eventsPerStream)} events = ${count(result.events)} events`,
    '',
    table(storeHeader, storeRows(result)),
    '',
    table(
      ['ratio', 'W1 append', 'W2 read + fold', 'W3 replay'],
      ratioRows(result, 'emmett', 'Emmett as shipped'),
    ),
  ].join('\n');
}

// -------------------------------------------------------------------------------------------------
// W4
// -------------------------------------------------------------------------------------------------

const medianOf = (reports: ReadonlyArray<ChildReport>, pick: (r: ChildReport) => number): number =>
  median(reports.map(pick));

/** `verify` must keep at least this share of a raw scan that parses and hashes every row. */
const VERIFY_OF_RAW_TARGET = 0.5;
/** Replay at the full log's size must keep at least this share of its rate on the smaller log. */
const REPLAY_FLAT_TARGET = 0.8;

function replaySection(result: ReplayResult): string {
  const { file, mandate, raw, verify, rawHash, smaller, options } = result;
  const rateOf = (reports: ReadonlyArray<ChildReport>) =>
    medianOf(reports, (r) => r.events / r.seconds);
  const peak = (reports: ReadonlyArray<ChildReport>) =>
    Math.max(...reports.map((r) => r.peakRssMiB));
  const row = (name: string, reports: ReadonlyArray<ChildReport>, limit: boolean) => [
    name,
    perSecond(rateOf(reports)),
    `${peak(reports).toFixed(0)} MiB${limit ? ` ${verdict(peak(reports) < options.peakRssLimitMiB)}` : ''}`,
    `${medianOf(reports, (r) => r.startRssMiB).toFixed(0)} MiB`,
    `${reports.length}`,
  ];
  const origin =
    file.generatedInSeconds === undefined
      ? 'reused from the cache'
      : `generated through Mandate's SQLite store in ${file.generatedInSeconds.toFixed(1)} s (${perSecond(file.events / file.generatedInSeconds)})`;
  return [
    `### B2 — W4: replay ${count(file.events)} events from one SQLite file, each replay in a fresh child process`,
    '',
    table(
      [
        'replay',
        'events/s',
        `peak RSS (< ${options.peakRssLimitMiB} MiB)`,
        'RSS before replay',
        'repeats',
      ],
      [
        row('Mandate SQLite `readAll` + decode every event', mandate, true),
        row('raw better-sqlite3 `iterate()` + `JSON.parse`', raw, false),
        ['Mandate ÷ raw', percent(rateOf(mandate) / rateOf(raw)), '', '', ''],
        row('Mandate SQLite `verify()`', verify, true),
        row('raw `iterate()` + `JSON.parse` + one SHA-256 per row', rawHash, false),
        [
          `verify ÷ raw with SHA-256 (≥ ${percent(VERIFY_OF_RAW_TARGET)})`,
          `${percent(rateOf(verify) / rateOf(rawHash))} ${verdict(rateOf(verify) / rateOf(rawHash) >= VERIFY_OF_RAW_TARGET)}`,
          '',
          '',
          '',
        ],
        row(`Mandate replay of ${count(smaller.file.events)} events`, smaller.mandate, true),
        [
          `replay at ${count(file.events)} ÷ at ${count(smaller.file.events)} (≥ ${REPLAY_FLAT_TARGET.toFixed(2)}×)`,
          `${(rateOf(mandate) / rateOf(smaller.mandate)).toFixed(2)}× ${verdict(rateOf(mandate) / rateOf(smaller.mandate) >= REPLAY_FLAT_TARGET)}`,
          '',
          '',
          '',
        ],
      ],
    ),
    '',
    `File: ${file.path}, ${origin}.`,
  ].join('\n');
}

// -------------------------------------------------------------------------------------------------
// R1, R2
// -------------------------------------------------------------------------------------------------

/** Target of R1: a rebuild's rate at least this share of the raw scan's. */
const REBUILD_SHARE_TARGET = 0.25;

/** Target of R2 on SQLite: a roster query's 99th percentile under a millisecond. */
const ROSTER_P99_TARGET_MS = 1;

/** Target of R2 on PostgreSQL: a roster query's 99th percentile at most this many bare round trips'. */
const ROSTER_ROUND_TRIPS_TARGET = 2;

/** The value at quantile `q` (0–1) of the values, nearest rank. */
function quantile(values: ReadonlyArray<number>, q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

const ms = (value: number): string => `${value < 1 ? value.toFixed(3) : value.toFixed(1)} ms`;

function readModelsSection(result: ReadModelResult): string {
  const { rebuild, options } = result;
  const rateOf = (reports: ReadonlyArray<ChildReport>) =>
    medianOf(reports, (r) => r.events / r.seconds);
  const peak = (reports: ReadonlyArray<ChildReport>) =>
    Math.max(...reports.map((r) => r.peakRssMiB));
  const share = (reports: ReadonlyArray<ChildReport>) => rateOf(reports) / rateOf(rebuild.raw);
  const rebuildRow = (name: string, reports: ReadonlyArray<ChildReport>) => [
    name,
    perSecond(rateOf(reports)),
    `${percent(share(reports))} ${verdict(share(reports) >= REBUILD_SHARE_TARGET)}`,
    `${peak(reports).toFixed(0)} MiB ${verdict(peak(reports) < options.peakRssLimitMiB)}`,
    `${reports.length}`,
  ];
  return [
    `### R1 — rebuild every projection from zero over ${count(result.events)} events (W4's SQLite file), each in a fresh child process`,
    '',
    table(
      [
        'rebuild',
        'events/s',
        `÷ raw scan (≥ ${percent(REBUILD_SHARE_TARGET)})`,
        `peak RSS (< ${options.peakRssLimitMiB} MiB)`,
        'repeats',
      ],
      [
        rebuildRow('into the SQLite read model', rebuild.sqlite),
        ...(rebuild.postgres.length === 0
          ? []
          : [rebuildRow('into the PostgreSQL read model', rebuild.postgres)]),
        [
          'ceiling: the projection alone, storing nothing (not judged)',
          perSecond(rateOf(rebuild.projection)),
          percent(share(rebuild.projection)),
          `${peak(rebuild.projection).toFixed(0)} MiB`,
          `${rebuild.projection.length}`,
        ],
        [
          'raw scan: better-sqlite3 `iterate()` + `JSON.parse`',
          perSecond(rateOf(rebuild.raw)),
          '100 %',
          `${peak(rebuild.raw).toFixed(0)} MiB`,
          `${rebuild.raw.length}`,
        ],
      ],
    ),
    '',
    rosterSection(result.roster),
  ].join('\n');
}

/**
 * R2: roster latencies. SQLite's p99 is judged against 1 ms; PostgreSQL's against twice the bare
 * round trip's p99 measured beside it (its own floor on this machine), and against 1 ms as well.
 */
function rosterSection(result: RosterResult): string {
  const oracle = result.latencies.find((l) => l.name === 'oracle');
  const trip = result.latencies.find((l) => l.name === ROUND_TRIP);
  const tripP99 = trip === undefined ? undefined : quantile(trip.milliseconds, 0.99);
  const latencyRow = ({ name, judged, milliseconds }: Latencies) => {
    const p99 = quantile(milliseconds, 0.99);
    const overTrip = name.startsWith('PostgreSQL') && judged && tripP99 !== undefined;
    return [
      name,
      ms(quantile(milliseconds, 0.5)),
      `${ms(p99)}${judged ? ` ${verdict(p99 < ROSTER_P99_TARGET_MS)}` : ''}`,
      overTrip
        ? `${times(p99 / tripP99)} ${verdict(p99 <= ROSTER_ROUND_TRIPS_TARGET * tripP99)}`
        : '—',
      oracle === undefined || !judged
        ? '—'
        : times(quantile(oracle.milliseconds, 0.5) / quantile(milliseconds, 0.5)),
      `${milliseconds.length}`,
    ];
  };
  return [
    `### R2 — one body's roster on random (on, knownAt) pairs, ${count(result.historyEvents)}-event history, its ex-officio seats resolved through ${count(result.offices)} offices`,
    '',
    table(
      [
        'answered by',
        'p50',
        `p99 (< ${ROSTER_P99_TARGET_MS} ms)`,
        `p99 ÷ round trip p99 (≤ ${ROSTER_ROUND_TRIPS_TARGET}×)`,
        'oracle p50 ÷ p50',
        'queries',
      ],
      result.latencies.map(latencyRow),
    ),
    '',
    'SQLite answers every question first, alone; then the PostgreSQL model and the round trip take turns on every question.',
  ].join('\n');
}

// -------------------------------------------------------------------------------------------------
// E1 — the ESDB adapter on the test server
// -------------------------------------------------------------------------------------------------

/** The adapter's share of the raw client's speed it must keep. */
const ESDB_OVERHEAD_TARGET = 0.7;

function esdbSection(result: EsdbResult): string {
  const { streams, eventsPerStream, batchSize } = result.workloads.options.shape;
  const ratioRow = (what: string, raw: Timing, adapter: Timing, cpu: Timing): string[] => {
    const ratio = medianSeconds(raw) / medianSeconds(adapter);
    // The raw call plus only the adapter's encode, hash and parse work: its overhead per event.
    const cpuRatio = medianSeconds(raw) / (medianSeconds(raw) + medianSeconds(cpu));
    return [
      what,
      perSecond(rate(result.events, raw)),
      perSecond(rate(result.events, adapter)),
      percent(ratio),
      perSecond(rate(result.events, cpu)),
      `${percent(cpuRatio)} ${verdict(cpuRatio >= ESDB_OVERHEAD_TARGET)}`,
      `${raw.seconds.length}`,
    ];
  };
  return [
    `### E1 — the ESDB adapter on the test server (information only: the server is a fake): W1–W3 on ${count(streams)} streams × ${count(eventsPerStream)} events, ${count(batchSize)} per append`,
    '',
    table(storeHeader, storeRows(result.workloads)),
    '',
    table(
      [
        `${count(result.events)} events, 10 per call`,
        'raw client',
        'through the adapter',
        'adapter ÷ raw, end to end',
        'encode + hash / parse alone',
        `raw ÷ (raw + encode, hash, parse) (≥ ${percent(ESDB_OVERHEAD_TARGET)})`,
        'repeats',
      ],
      [
        ratioRow(
          'append (appendToStream)',
          result.raw.append,
          result.adapter.append,
          result.cpu.append,
        ),
        ratioRow('read (readStream)', result.raw.read, result.adapter.read, result.cpu.read),
      ],
    ),
  ].join('\n');
}

// -------------------------------------------------------------------------------------------------
// B3
// -------------------------------------------------------------------------------------------------

/** The issue's targets against raw `pg`: W1 at least half its rate, W2 and W3 at least 60 %. */
const POSTGRES_RAW_TARGETS = { append: 0.5, readAndFold: 0.6, replay: 0.6 } as const;

/** The replay of 1M events must keep at least this share of its rate at 100k. */
const POSTGRES_REPLAY_FLATNESS = 0.8;

function postgresSection(result: PostgresBenchResult): string {
  const { workloads } = result;
  const mandate = find(workloads, 'postgres');
  const raw = find(workloads, 'raw-pg');
  const emmett = find(workloads, 'emmett-pg');
  const ratioRowsPg: string[][] = [];
  if (mandate !== undefined && emmett !== undefined) {
    ratioRowsPg.push([
      `Mandate ÷ Emmett PostgreSQL (≥ ${STORE_TARGETS.overEmmett}×)`,
      ...WORKLOADS.map((w) => {
        const ratio = speedup(mandate, emmett, w);
        return `${times(ratio)} ${verdict(ratio >= STORE_TARGETS.overEmmett)}`;
      }),
    ]);
  }
  if (mandate !== undefined && raw !== undefined) {
    ratioRowsPg.push([
      'Mandate ÷ raw pg (≥ 50 % W1, ≥ 60 % W2–W3)',
      ...WORKLOADS.map((w) => {
        const ratio = speedup(mandate, raw, w);
        return `${percent(ratio)} ${verdict(ratio >= POSTGRES_RAW_TARGETS[w])}`;
      }),
    ]);
  }
  const { one, eight, events } = result.concurrent;
  const [small, large] = result.replay;
  const replayRate = (r: (typeof result.replay)[number]) => rate(r.events, r.timing);
  const flatness =
    small === undefined || large === undefined ? undefined : replayRate(large) / replayRate(small);
  return [
    `### B3 — PostgreSQL: W1–W3 on ${count(workloads.events)} events, beside raw pg and Emmett`,
    '',
    table(storeHeader, storeRows(workloads)),
    '',
    table(['ratio (median rates)', 'W1 append', 'W2 read + fold', 'W3 replay'], ratioRowsPg),
    '',
    table(
      ['W1 append', 'events/s', 'ratio to one writer'],
      [
        ['1 writer', perSecond(events / medianSeconds(one)), '1.00×'],
        [
          '8 writers, distinct streams',
          perSecond(events / medianSeconds(eight)),
          times(medianSeconds(one) / medianSeconds(eight)),
        ],
      ],
    ),
    '',
    table(
      [
        'replay (W3)',
        'events/s',
        `ratio to the smaller log (≥ ${times(POSTGRES_REPLAY_FLATNESS)})`,
        'loaded through the adapter in',
        'repeats',
      ],
      result.replay.map((r, i) => [
        count(r.events),
        perSecond(replayRate(r)),
        i === 0 || flatness === undefined
          ? '—'
          : `${times(flatness)} ${verdict(flatness >= POSTGRES_REPLAY_FLATNESS)}`,
        r.loadedInSeconds === undefined
          ? 'cached'
          : `${r.loadedInSeconds.toFixed(0)} s (${perSecond(r.events / r.loadedInSeconds)})`,
        String(r.timing.seconds.length),
      ]),
    ),
  ].join('\n');
}

// -------------------------------------------------------------------------------------------------
// The whole report
// -------------------------------------------------------------------------------------------------

function contextLine(context: RunContext, quick: boolean): string {
  const load = (l: ReadonlyArray<number>) => l.map((x) => x.toFixed(2)).join(' ');
  return [
    `Run ${context.startedAt}${quick ? ' (QUICK mode: tiny sizes, the figures mean nothing)' : ''}: ` +
      `Node ${context.node}, ${context.cores} × ${context.cpu}; ` +
      `load average ${load(context.loadBefore)} before, ${load(context.loadAfter)} after; ` +
      `${context.seconds.toFixed(0)} s in all. Rates are at the median of the repeats.`,
  ].join('\n');
}

// -------------------------------------------------------------------------------------------------
// T1
// -------------------------------------------------------------------------------------------------

/** Target of T1: keeping the Merkle tree adds at most 15 % to appending. */
const TREE_OVERHEAD_TARGET = 0.15;

const secondsAsMs = (seconds: number): string => ms(seconds * 1000);

function trustSection(result: TrustResult): string {
  const { events, repeats } = result.options;
  const overhead = treeOverhead(result);
  return [
    `### T1 — trust anchor (SQLite, ${count(events)} single-event appends, ${repeats} interleaved repeat(s))`,
    '',
    table(
      ['measure', 'figure', 'target'],
      [
        ['append without the tree', perSecond(rate(events, result.plain)), '—'],
        [
          'append with the tree kept current, signed every 1,000',
          perSecond(rate(events, result.withTree)),
          '—',
        ],
        [
          'tree overhead on appending',
          percent(overhead),
          `≤ 15 % ${verdict(overhead <= TREE_OVERHEAD_TARGET)}`,
        ],
        ['the same in CPU time of the process', percent(treeCpuOverhead(result)), '—'],
        [
          `checkpoint from scratch (${count(events)} events)`,
          secondsAsMs(medianSeconds(result.checkpointFromScratch)),
          '—',
        ],
        [
          'checkpoint after one more append',
          secondsAsMs(medianSeconds(result.checkpointIncremental)),
          '—',
        ],
        ['proof tree over the log', secondsAsMs(medianSeconds(result.proofTree)), '—'],
        ['one inclusion proof', secondsAsMs(result.proofs / 1_000), '—'],
        ['verify without a checkpoint', secondsAsMs(medianSeconds(result.verifyPlain)), '—'],
        ['verify with a checkpoint', secondsAsMs(medianSeconds(result.verifyWithCheckpoint)), '—'],
      ],
    ),
  ].join('\n');
}

/** The whole report, as printed. */
export function formatReport(result: SuiteResult): string {
  return [
    contextLine(result.context, result.quick),
    ...(result.fold === undefined ? [] : [foldSection(result.fold)]),
    ...(result.workloads === undefined ? [] : [workloadsSection(result.workloads)]),
    ...(result.asShipped === undefined ? [] : [asShippedSection(result.asShipped)]),
    ...(result.replay === undefined ? [] : [replaySection(result.replay)]),
    ...(result.readModels === undefined ? [] : [readModelsSection(result.readModels)]),
    ...(result.roster === undefined ? [] : [rosterSection(result.roster)]),
    ...(result.esdb === undefined ? [] : [esdbSection(result.esdb)]),
    ...(result.trust === undefined ? [] : [trustSection(result.trust)]),
    ...(result.postgres === undefined ? [] : [postgresSection(result.postgres)]),
  ].join('\n\n');
}
