/**
 * The seed story as decision files (`decisions/`, one legal instrument per file, in the order
 * their names sort): read, and applied to a store one file at a time, each all or nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/Either';
import { createBatchHandler } from '@mandate/application';
import { applyDecision, readDecision, type DecisionOutcome } from '@mandate/decisions';
import type { EventStore } from '@mandate/eventstore';

/** Where the example's decision files are. */
export const DECISIONS_DIRECTORY = fileURLToPath(new URL('../decisions/', import.meta.url));

/** The names of the decision files, in the order they are applied. */
export const decisionFiles = (): ReadonlyArray<string> =>
  readdirSync(DECISIONS_DIRECTORY)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort();

/** Applies the named files to `store` in order; a file that is not applied is a defect here. */
export async function applyDecisionFiles(
  store: EventStore,
  names: ReadonlyArray<string> = decisionFiles(),
): Promise<ReadonlyArray<DecisionOutcome>> {
  const handler = createBatchHandler({ store });
  const outcomes: DecisionOutcome[] = [];
  for (const name of names) {
    const decision = readDecision(name, readFileSync(`${DECISIONS_DIRECTORY}${name}`, 'utf8'));
    if (E.isLeft(decision)) throw new Error(decision.left.message);
    const applied = await applyDecision(handler, decision.right, {
      actor: 'example:binh-phuoc-2018',
    });
    if (E.isLeft(applied)) throw new Error(applied.left.message);
    outcomes.push(applied.right);
  }
  return outcomes;
}
