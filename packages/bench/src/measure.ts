/**
 * Timing: run a measurement several times, keep every wall-clock duration, report the median.
 * The machine is shared and noisy, so single runs mean little; callers interleave the subjects
 * they compare (A, B, C, A, B, C, …) so that a burst of outside load hits all of them alike.
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';

/** The durations, in seconds, of the repeats of one measurement. */
export interface Timing {
  readonly seconds: ReadonlyArray<number>;
}

/** The median of a non-empty list of numbers. */
export function median(values: ReadonlyArray<number>): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  if (upper === undefined) throw new RangeError('The median of nothing');
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/** The median duration of a timing, in seconds. */
export const medianSeconds = (timing: Timing): number => median(timing.seconds);

/** Events per second at the median duration. */
export const rate = (events: number, timing: Timing): number => events / medianSeconds(timing);

/** How long the collector's helper threads are given to finish sweeping after a forced GC. */
const SETTLE_MS = 100;

/**
 * Runs a full garbage collection when the process was started with `--expose-gc`, then waits a
 * moment. A full collection leaves the heap's pages to be swept by helper threads afterwards; a
 * run started at once pays for the sweeping the moment it allocates — in proportion to the whole
 * heap, not to its own work — which could make a 10,000-event fold slower per event than a
 * 100,000-event one.
 */
async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return;
  gc();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

/** The wall-clock seconds one call of `run` takes, after a garbage collection. */
export async function timeOnce(run: () => Promise<unknown> | unknown): Promise<number> {
  await collectGarbage();
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
}

/** What one run did: its wall-clock seconds and the seconds spent collecting garbage meanwhile. */
export interface GcTimed {
  readonly seconds: number;
  readonly gcSeconds: number;
}

/**
 * Times one synchronous call of `run` and sums the garbage collections that happened during it
 * (from `gc` performance entries, delivered after the call returns).
 */
export async function timeWithGc(run: () => unknown): Promise<GcTimed> {
  let gcMs = 0;
  let start = 0;
  let end = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.startTime >= start && entry.startTime <= end) gcMs += entry.duration;
    }
  });
  await collectGarbage();
  observer.observe({ entryTypes: ['gc'] });
  start = performance.now();
  end = Number.POSITIVE_INFINITY;
  run();
  end = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return { seconds: (end - start) / 1000, gcSeconds: gcMs / 1000 };
}
