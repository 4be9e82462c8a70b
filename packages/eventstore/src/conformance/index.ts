/**
 * @mandate/eventstore/conformance — the suite every event store adapter passes: runner-independent
 * cases, a model-based fast-check test against the in-memory store, and their fixtures.
 */
export type { ConformanceCase, StoreFactory, StoreUnderTest } from './store-under-test.js';
export type { ConformanceOptions, TestFunction } from './cases.js';
export { conformanceCases, runConformance } from './cases.js';
export type { ReadExpectationOptions } from './expectation-property.js';
export { checkReadExpectations } from './expectation-property.js';
export type { ModelBasedOptions } from './model-based.js';
export { checkAgainstModel } from './model-based.js';
export type {
  OpenStore,
  StoreRows,
  TamperEvidenceOptions,
  TamperSummary,
  TamperTarget,
} from './tamper-evidence.js';
export { checkTamperEvidence } from './tamper-evidence.js';
export type { EventFactory, TestClock } from './fixtures.js';
export {
  TEST_CLOCK_START,
  appendTo,
  createTestClock,
  eventFactory,
  sampleMetadata,
} from './fixtures.js';
export { sameData, show } from './assert.js';
