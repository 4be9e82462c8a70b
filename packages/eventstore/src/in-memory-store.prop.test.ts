/**
 * The model-based conformance test on the in-memory store itself: a second, independent instance
 * must answer every random command sequence exactly as the reference does (determinism of
 * revisions, positions, hashes and errors) — and stores with a planted fault must be caught.
 */
import { describe, expect, it } from 'vitest';
import { checkAgainstModel, createTestClock, type StoreUnderTest } from './conformance/index.js';
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

describe('in-memory event store, model-based', () => {
  it('answers random command sequences like the reference store', async () => {
    await checkAgainstModel(factoryOf(), { numRuns: 60, maxCommands: 30 });
  });

  it('catches a store that forgets command ids', async () => {
    const forgetful = factoryOf((store) => ({
      ...store,
      append: ({ appends }) => store.append({ appends }),
    }));
    await expect(checkAgainstModel(forgetful, { numRuns: 200 })).rejects.toThrow(/append/);
  });

  it('catches a store that ignores maxCount when reading backwards', async () => {
    const sloppy = factoryOf((store) => ({
      ...store,
      readStream: (stream, options = {}) =>
        store.readStream(
          stream,
          options.direction === 'backwards' ? { ...options, maxCount: 1_000 } : options,
        ),
    }));
    await expect(checkAgainstModel(sloppy, { numRuns: 200 })).rejects.toThrow(/readStream/);
  });

  it('catches a store that does not read the shared clock', async () => {
    const plain = factoryOf();
    await expect(
      checkAgainstModel(
        async () => {
          const sut = await plain();
          return { ...sut, clock: { ...sut.clock, set: () => undefined } };
        },
        { numRuns: 200 },
      ),
    ).rejects.toThrow(/reference store gave/);
  });
});
