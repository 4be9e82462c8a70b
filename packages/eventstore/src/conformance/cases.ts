/**
 * The conformance suite: every case an event store adapter must pass, runner-independent.
 */
import { appendCases } from './append-cases.js';
import { durabilityCases } from './durability-cases.js';
import { expectationCases } from './expectation-cases.js';
import { integrityCases } from './integrity-cases.js';
import { readCases } from './read-cases.js';
import type { ConformanceCase, StoreFactory } from './store-under-test.js';
import { subscriptionCases } from './subscription-cases.js';
import { validationCases } from './validation-cases.js';

/** Options of {@link conformanceCases}. */
export interface ConformanceOptions {
  /** Include the cases for durable stores (the store under test must offer `reopen`). */
  readonly durable?: boolean;
}

/** Every conformance case, each making a fresh store with `factory` and cleaning it up. */
export const conformanceCases = (
  factory: StoreFactory,
  options: ConformanceOptions = {},
): ReadonlyArray<ConformanceCase> => [
  ...appendCases(factory),
  ...expectationCases(factory),
  ...readCases(factory),
  ...subscriptionCases(factory),
  ...integrityCases(factory),
  ...validationCases(factory),
  ...(options.durable === true ? durabilityCases(factory) : []),
];

/** A test runner's `it`/`test`: a name and an async body. */
export type TestFunction = (name: string, body: () => Promise<void>) => unknown;

/** Registers every conformance case with a runner's `it` (vitest, jest, node:test, mocha). */
export function runConformance(
  it: TestFunction,
  factory: StoreFactory,
  options: ConformanceOptions = {},
): void {
  for (const testCase of conformanceCases(factory, options)) it(testCase.name, testCase.run);
}
