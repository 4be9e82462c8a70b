/**
 * B1 — folding must be linear in history length. One body's realistic, valid history is folded
 * at two lengths (10,000 and 100,000 events by default) with `Body.decider.evolve` in a loop and
 * with the kernel's `fold`; beside them, a plain loop over the same events counting their types
 * into a Map is the baseline. Each of seven rounds times the evolve loop over the small history once
 * (over the large one too in the first three rounds, until a minute has gone into those loops), then
 * the fold and the baseline three times at each size, the sizes taking turns so that both meet the
 * same outside load (no further large folds once they have taken a minute: a slow fold is timed in
 * one round). Targets: t(large)/t(small) ≤ 12 for a tenfold history, and at least 1,000,000
 * events/s at the large size.
 *
 * The history is checked before it is timed: its first decisions are replayed through
 * `Body.decider.decide` (which must record exactly the same events), and the state folded from
 * each whole history must agree with the generator's model.
 *
 * What is folded are the events as an event store hands them to a fold: each parsed from its
 * JSON, as both of Mandate's stores read them, once and before any timing. The generator's objects
 * would measure an accident of how they were built: V8 gives every object built as
 * `{ ...common, more }` in optimised code a hidden class of its own, so that every property read
 * of every event's data in any fold misses its inline cache (about 5,000 instructions per event).
 *
 * @see docs/reference/domain.md rule 11
 */
import { Body, fold, type BodyId } from '@mandate/core';
import { bodyHistory, decideCheck, foldCheck, type BodyHistory } from './history.js';
import { timeOnce, timeWithGc, type Timing } from './measure.js';

/** Sizes and repeats of B1. */
export interface FoldOptions {
  readonly smallEvents: number;
  readonly largeEvents: number;
  /** Rounds; each times the evolve loop over the small history once. */
  readonly rounds: number;
  /** At most this many rounds also time the evolve loop over the large history (it is slow). */
  readonly largeEvolveRepeats: number;
  /**
   * No further evolve loop over the large history starts once those loops have taken this many
   * seconds in all, nor a further round of large folds once they have (a slow fold is measured in
   * one round).
   */
  readonly largeBudgetSeconds: number;
  /** How many events of the history's start are replayed through `decide` as a check. */
  readonly decideCheckEvents: number;
  /**
   * How many times a round times the fold and the baseline at each size, the sizes taking turns:
   * a run takes milliseconds, which one descheduling on the shared machine doubles, so each gets
   * many runs for its median to stand on, and both sizes meet the same outside load.
   */
  readonly samplesPerRound: number;
}

/** The full run: 10,000 and 100,000 events. */
export const FOLD_FULL: FoldOptions = {
  smallEvents: 10_000,
  largeEvents: 100_000,
  rounds: 7,
  largeEvolveRepeats: 3,
  largeBudgetSeconds: 60,
  decideCheckEvents: 1_000,
  samplesPerRound: 3,
};

/** The quick run: small sizes, to prove the benchmark works. */
export const FOLD_QUICK: FoldOptions = {
  smallEvents: 200,
  largeEvents: 2_000,
  rounds: 3,
  largeEvolveRepeats: 3,
  largeBudgetSeconds: 60,
  decideCheckEvents: 200,
  samplesPerRound: 1,
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

/** The events of a history as a store returns them: each parsed from its own JSON, in order. */
const asStored = (history: BodyHistory): ReadonlyArray<Body.Event> =>
  history.events.map((event) => JSON.parse(JSON.stringify(event)) as Body.Event);

/**
 * Refuses to time a history the decider would not have produced, or stored events that do not
 * fold to what the generator expects.
 */
function checkHistory(
  history: BodyHistory,
  stored: ReadonlyArray<Body.Event>,
  decideEvents: number,
): FoldResult['decideChecked'] {
  const problem = foldCheck(history, evolveLoop(stored));
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

/**
 * Generates and checks both histories and returns their stored events; the histories themselves
 * (decisions, commands, the generator's model) are left behind, so the timed heap holds only events.
 */
function storedHistories(options: FoldOptions) {
  const smallHistory = bodyHistory({ bodyId: BODY, events: options.smallEvents, seed: SEED });
  const largeHistory = bodyHistory({ bodyId: BODY, events: options.largeEvents, seed: SEED });
  const small = asStored(smallHistory);
  const large = asStored(largeHistory);
  const decideChecked = checkHistory(smallHistory, small, options.decideCheckEvents);
  checkHistory(largeHistory, large, 0);
  return { small, large, decideChecked };
}

/** Runs B1. */
export async function runFoldBench(options: FoldOptions): Promise<FoldResult> {
  const { small, large, decideChecked } = storedHistories(options);
  const meanDataBytes =
    large.reduce((sum, event) => sum + Buffer.byteLength(JSON.stringify(event.data)), 0) /
    large.length;

  const runs = {
    evolve: { small: [] as number[], large: [] as number[] },
    fold: { small: [] as number[], large: [] as number[] },
    baseline: { small: [] as number[], large: [] as number[] },
  };
  const sink: unknown[] = [];
  const gcShares: number[] = [];
  const budget = options.largeBudgetSeconds;
  const spent = { evolving: 0, folding: 0 };
  for (let round = 0; round < options.rounds; round++) {
    runs.evolve.small.push(await timeOnce(() => sink.push(evolveLoop(small))));
    sink.length = 0;
    if (round === 0 || (round < options.largeEvolveRepeats && spent.evolving < budget)) {
      const timed = await timeWithGc(() => sink.push(evolveLoop(large)));
      runs.evolve.large.push(timed.seconds);
      gcShares.push(timed.gcSeconds / timed.seconds);
      sink.length = 0;
      spent.evolving += timed.seconds;
    }
    for (let sample = 0; sample < options.samplesPerRound; sample++) {
      for (const size of ['small', 'large'] as const) {
        if (size === 'large' && round > 0 && spent.folding >= budget) continue;
        const events = size === 'small' ? small : large;
        const folded = await timeOnce(() => sink.push(fold(Body.decider, events)));
        const counted = await timeOnce(() => sink.push(countTypes(events)));
        runs.fold[size].push(folded);
        runs.baseline[size].push(counted);
        sink.length = 0;
        if (size === 'large') spent.folding += folded + counted;
      }
    }
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
