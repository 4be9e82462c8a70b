/**
 * The log's size is found by probing single positions: for any log of n events it is n, found in
 * no more than about twice log₂(n) one-event reads.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { EventStore, StoredEvent } from '@mandate/eventstore';
import { logSize } from './log-size.js';

/** A log of `size` events at positions 1..size, counting the reads made of it. */
function logOf(size: number): Pick<EventStore, 'readAll'> & { reads: number } {
  const log = {
    reads: 0,
    readAll: async ({ after = 0n, maxCount = 1000 } = {}) => {
      log.reads += 1;
      const first = Number(after) + 1;
      const count = Math.max(0, Math.min(maxCount, size - first + 1));
      return E.right(
        Array.from({ length: count }, (_, i) => ({ position: BigInt(first + i) }) as StoredEvent),
      );
    },
  };
  return log;
}

describe('logSize', () => {
  it('is the position of the last event, found in about 2·log₂(n) reads', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1_000_000 }), async (size) => {
        const log = logOf(size);
        expect(await logSize(log)).toEqual(E.right(BigInt(size)));
        expect(log.reads).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(size + 1)) + 2);
      }),
    );
  });

  it('passes a failed read on', async () => {
    const failure = { _tag: 'StoreUnavailable', retryable: true, message: 'down' } as const;
    expect(await logSize({ readAll: async () => E.left(failure) })).toEqual(E.left(failure));
  });
});
