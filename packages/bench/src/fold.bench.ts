/**
 * B1 — folding must be linear in history length. One body's realistic, valid history is folded
 * at two lengths (10,000 and 100,000 events by default) with `Body.decider.evolve` in a loop and
 * with the kernel's `fold`; beside them, a plain loop over the same events counting their types
 * into a Map is the baseline. The large size is repeated up to three times, but no new round
 * starts once a minute has gone into it (a slow fold is measured once). Targets: t(large)/t(small) ≤ 12 for a tenfold history, and at least
 * 1,000,000 events/s at the large size.
 *
 * The history is checked before it is timed: its first decisions are replayed through
 * `Body.decider.decide` (which must record exactly the same events), and the state folded from
 * each whole history must agree with the generator's model.
 *
 * @see DOMAIN.md rule 11
 */
import { Body, fold, type BodyId } from '@mandate/core';
import { bodyHistory, decideCheck, foldCheck, type BodyHistory } from './history.js';
import { timeOnce, timeWithGc, type Timing } from './measure.js';

/** Sizes and repeats of B1. */
export interface FoldOptions {
  readonly smallEvents: number;
  readonly largeEvents: number;
  readonly smallRepeats: number;
  readonly largeRepeats: number;
  /** No further large round starts once the large runs have taken this many seconds in all. */
  readonly largeBudgetSeconds: number;
  /** How many events of the history's start are replayed through `decide` as a check. */
  readonly decideCheckEvents: number;
}

/** The full run: 10,000 and 100,000 events. */
export const FOLD_FULL: FoldOptions = {
  smallEvents: 10_000,
  largeEvents: 100_000,
  smallRepeats: 7,
  largeRepeats: 3,
  largeBudgetSeconds: 60,
  decideCheckEvents: 1_000,
};

/** The quick run: small sizes, to prove the benchmark works. */
export const FOLD_QUICK: FoldOptions = {
  smallEvents: 200,
  largeEvents: 2_000,
  smallRepeats: 3,
  largeRepeats: 3,
  largeBudgetSeconds: 60,
  decideCheckEvents: 200,
};

/** One way of folding, timed at both sizes. */
export interface FoldVariant {
  readonly name: string;
  readonly small: Timing;
  readonly large: Timing;
}

/** What B1 measured. */
export interface FoldResult {
  readonly options: FoldOptions;
  /** Mean size of an event's `data` as JSON, in bytes. */
  readonly meanDataBytes: number;
  /** The decisions and events replayed through `decide`, and how long that took. */
  readonly decideChecked: {
    readonly steps: number;
    readonly events: number;
    readonly seconds: number;
  };
  /** `Body.decider.evolve` in a loop, the kernel's `fold`, and the baseline loop. */
  readonly evolve: FoldVariant;
  readonly fold: FoldVariant;
  readonly baseline: FoldVariant;
  /** The share of the large evolve runs' time spent collecting garbage (median run). */
  readonly largeGcShare: number;
}

const BODY = 'bcd-chuyen-doi-so-binh-phuoc' as BodyId;
const SEED = 2018;

const evolveLoop = (events: ReadonlyArray<Body.Event>): Body.State => {
  let state = Body.decider.initialState;
  for (const event of events) state = Body.decider.evolve(state, event);
  return state;
};

const countTypes = (events: ReadonlyArray<Body.Event>): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
  return counts;
};

/** Refuses to time a history the decider would not have produced. */
function checkHistory(history: BodyHistory, decideEvents: number): FoldResult['decideChecked'] {
  const problem = foldCheck(history, evolveLoop(history.events));
  if (problem !== undefined) throw new Error(`The generated history does not fold: ${problem}`);
  if (decideEvents === 0) return { steps: 0, events: 0, seconds: 0 };
  let steps = 0;
  for (let events = 0; steps < history.steps.length && events < decideEvents; steps++) {
    events += history.steps[steps]?.events.length ?? 0;
  }
  const start = performance.now();
  const checked = decideCheck(history, steps);
  const seconds = (performance.now() - start) / 1000;
  if (!checked.ok) {
    throw new Error(`decide disputes decision ${checked.step} of the history: ${checked.problem}`);
  }
  return { steps: checked.steps, events: checked.events, seconds };
}

/** Runs B1. */
export async function runFoldBench(options: FoldOptions): Promise<FoldResult> {
  const small = bodyHistory({ bodyId: BODY, events: options.smallEvents, seed: SEED });
  const large = bodyHistory({ bodyId: BODY, events: options.largeEvents, seed: SEED });
  const decideChecked = checkHistory(small, options.decideCheckEvents);
  checkHistory(large, 0);
  const meanDataBytes =
    large.events.reduce((sum, event) => sum + Buffer.byteLength(JSON.stringify(event.data)), 0) /
    large.events.length;

  const runs = {
    evolve: { small: [] as number[], large: [] as number[] },
    fold: { small: [] as number[], large: [] as number[] },
    baseline: { small: [] as number[], large: [] as number[] },
  };
  const sink: unknown[] = [];
  for (let i = 0; i < options.smallRepeats; i++) {
    runs.evolve.small.push(await timeOnce(() => sink.push(evolveLoop(small.events))));
    runs.fold.small.push(await timeOnce(() => sink.push(fold(Body.decider, small.events))));
    runs.baseline.small.push(await timeOnce(() => sink.push(countTypes(small.events))));
    sink.length = 0;
  }
  const gcShares: number[] = [];
  let spent = 0;
  for (
    let i = 0;
    i < options.largeRepeats && (i === 0 || spent < options.largeBudgetSeconds);
    i++
  ) {
    const timed = await timeWithGc(() => sink.push(evolveLoop(large.events)));
    runs.evolve.large.push(timed.seconds);
    gcShares.push(timed.gcSeconds / timed.seconds);
    runs.fold.large.push(await timeOnce(() => sink.push(fold(Body.decider, large.events))));
    runs.baseline.large.push(await timeOnce(() => sink.push(countTypes(large.events))));
    sink.length = 0;
    spent += timed.seconds + (runs.fold.large.at(-1) ?? 0);
  }
  const variant = (name: string, timings: { small: number[]; large: number[] }): FoldVariant => ({
    name,
    small: { seconds: timings.small },
    large: { seconds: timings.large },
  });
  const medianIndex = [...runs.evolve.large.keys()].sort(
    (a, b) => (runs.evolve.large[a] as number) - (runs.evolve.large[b] as number),
  )[Math.floor(runs.evolve.large.length / 2)] as number;
  return {
    options,
    meanDataBytes,
    decideChecked,
    evolve: variant('Body.decider.evolve, in a loop', runs.evolve),
    fold: variant('fold(Body.decider, events)', runs.fold),
    baseline: variant('baseline: count types into a Map', runs.baseline),
    largeGcShare: gcShares[medianIndex] ?? 0,
  };
}
