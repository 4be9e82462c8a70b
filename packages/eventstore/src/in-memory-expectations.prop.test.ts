/**
 * The generated property of read expectations on the in-memory store (docs/reference/domain.md
 * rule 17): every random sequence of relying appends commits or conflicts as the oracle's plain
 * counts say — and a store that drops the expectations is caught.
 */
import { describe, expect, it } from 'vitest';
import {
  checkReadExpectations,
  createTestClock,
  type StoreUnderTest,
} from './conformance/index.js';
import { createTamperableInMemoryEventStore } from './in-memory-store.js';
import type { EventStore } from './port.js';

const factoryOf =
  (fault: (store: EventStore) => EventStore = (store) => store) =>
  async (): Promise<StoreUnderTest> => {
    const clock = createTestClock();
    const { store, rewriteLog } = createTamperableInMemoryEventStore({ clock: clock.now });
    return {
      store: fault(store),
      clock,
      rewriteLog: async (transform) => rewriteLog(transform),
      cleanup: () => store.close(),
    };
  };

describe('in-memory event store, read expectations (rule 17)', () => {
  it('commits exactly the appends whose written and relied-on streams are where they say', async () => {
    await checkReadExpectations(factoryOf(), { numRuns: 100 });
  });

  it('catches a store that ignores what an append relies on', async () => {
    const careless = factoryOf((store) => ({
      ...store,
      append: ({ expectations: _ignored, ...request }) => store.append(request),
    }));
    await expect(checkReadExpectations(careless, { numRuns: 200 })).rejects.toThrow(
      /Property failed/,
    );
  });
});
