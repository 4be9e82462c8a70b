/** Runs the whole conformance suite on the in-memory reference store. */
import { describe, it } from 'vitest';
import { createTestClock, runConformance, type StoreUnderTest } from './conformance/index.js';
import { createTamperableInMemoryEventStore } from './in-memory-store.js';

const factory = async (): Promise<StoreUnderTest> => {
  const clock = createTestClock();
  const { store, rewriteLog } = createTamperableInMemoryEventStore({ clock: clock.now });
  return {
    store,
    clock,
    rewriteLog: async (transform) => rewriteLog(transform),
    cleanup: () => store.close(),
  };
};

describe('in-memory event store conformance', () => {
  runConformance(it, factory);
});
