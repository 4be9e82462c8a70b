/**
 * The quick mode runs every benchmark end to end at tiny sizes — B1's fold, W1–W3 on every store
 * (including Emmett both ways and the raw floor), W4's replays in child processes, and E1 on the
 * ESDB test server — and produces a figure for each. It asserts that results exist, never how
 * fast they are.
 */
import { describe, expect, it } from 'vitest';
import { medianSeconds } from './measure.js';
import { formatReport } from './report.js';
import { runSuite } from './suite.js';

const positive = (seconds: ReadonlyArray<number>) =>
  seconds.length > 0 && seconds.every((s) => Number.isFinite(s) && s > 0);

describe('the benchmark suite in quick mode', () => {
  it('produces a result for every benchmark', async () => {
    const result = await runSuite({ quick: true });

    const fold = result.fold;
    expect(fold).toBeDefined();
    for (const variant of [fold!.evolve, fold!.fold, fold!.baseline]) {
      expect(positive(variant.small.seconds) && positive(variant.large.seconds)).toBe(true);
    }
    expect(fold!.decideChecked.events).toBeGreaterThan(0);

    for (const run of [result.workloads, result.asShipped]) {
      expect(run).toBeDefined();
      expect(run!.events).toBeGreaterThan(0);
      for (const subject of run!.subjects) {
        for (const timing of [subject.append, subject.readAndFold, subject.replay]) {
          expect(positive(timing.seconds)).toBe(true);
        }
      }
    }
    expect(result.workloads!.subjects.map((s) => s.key)).toEqual([
      'memory',
      'sqlite',
      'raw',
      'emmett-tuned',
    ]);
    expect(result.asShipped!.subjects.map((s) => s.key)).toEqual(['sqlite', 'emmett']);
    expect(medianSeconds(result.workloads!.subjects[1]!.verify!)).toBeGreaterThan(0);

    const replay = result.replay;
    expect(replay).toBeDefined();
    for (const report of [...replay!.mandate, ...replay!.raw]) {
      expect(report.events).toBe(replay!.file.events);
      expect(report.peakRssMiB).toBeGreaterThan(0);
    }

    const readModels = result.readModels;
    expect(readModels).toBeDefined();
    const { raw, sqlite, postgres } = readModels!.rebuild;
    for (const report of [...raw, ...sqlite, ...postgres]) {
      expect(report.events).toBe(readModels!.events);
      expect(report.peakRssMiB).toBeGreaterThan(0);
    }
    expect(postgres.length).toBeGreaterThan(0);
    expect(readModels!.roster.latencies.map((l) => l.name)).toEqual([
      'SQLite read model',
      'PostgreSQL read model',
      'PostgreSQL round trip (`SELECT 1`)',
      'oracle',
    ]);
    expect(readModels!.roster.offices).toBeGreaterThan(0);
    expect(readModels!.roster.latencies.every((l) => positive(l.milliseconds))).toBe(true);
    expect(result.roster).toBeUndefined();

    const esdb = result.esdb;
    expect(esdb).toBeDefined();
    expect(esdb!.workloads.subjects.map((s) => s.key)).toEqual(['esdb']);
    for (const timing of [
      esdb!.raw.append,
      esdb!.raw.read,
      esdb!.adapter.append,
      esdb!.adapter.read,
      esdb!.cpu.append,
      esdb!.cpu.read,
    ]) {
      expect(positive(timing.seconds)).toBe(true);
    }

    const trust = result.trust;
    expect(trust).toBeDefined();
    for (const timing of [trust!.plain, trust!.withTree, trust!.checkpointFromScratch]) {
      expect(positive(timing.seconds)).toBe(true);
    }

    const b3 = result.postgres;
    expect(b3).toBeDefined();
    expect(b3!.workloads.subjects.map((s) => s.key)).toEqual(['postgres', 'raw-pg', 'emmett-pg']);
    expect(positive(b3!.concurrent.one.seconds)).toBe(true);
    expect(positive(b3!.concurrent.eight.seconds)).toBe(true);
    expect(b3!.replay.map((r) => r.events)).toEqual([2_000, 10_000]);
    for (const r of b3!.replay) {
      expect(positive(r.timing.seconds)).toBe(true);
      expect(r.loadedInSeconds).toBeGreaterThan(0);
    }

    const printed = formatReport(result);
    for (const heading of [
      '### B1',
      '### B2 — W1–W3',
      'Emmett as shipped',
      '### B2 — W4',
      '### R1',
      '### R2',
      '### E1',
      '### T1',
      '### B3',
    ]) {
      expect(printed).toContain(heading);
    }
  }, 300_000);

  it('runs R2 alone when asked for the roster only', async () => {
    const result = await runSuite({ quick: true, only: ['roster'] });
    expect(result.readModels).toBeUndefined();
    expect(result.roster!.latencies.map((l) => l.name)).toEqual([
      'SQLite read model',
      'PostgreSQL read model',
      'PostgreSQL round trip (`SELECT 1`)',
      'oracle',
    ]);
    expect(formatReport(result)).toContain('### R2');
  }, 120_000);

  it('runs only the benchmarks asked for', async () => {
    const result = await runSuite({ quick: true, only: ['fold'] });
    expect(result.fold).toBeDefined();
    expect([
      result.workloads,
      result.asShipped,
      result.replay,
      result.readModels,
      result.roster,
      result.postgres,
    ]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  }, 60_000);
});
