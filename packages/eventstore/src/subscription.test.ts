/** Unit tests of the catch-up subscription over a scripted source. */
import * as E from 'fp-ts/Either';
import { describe, expect, it, vi } from 'vitest';
import { appendTo, eventFactory } from './conformance/index.js';
import { storeUnavailable } from './errors.js';
import { createInMemoryEventStore } from './in-memory-store.js';
import type { EventStore, ReadAllOptions } from './port.js';
import {
  createCatchUpSubscription,
  createCommitSignal,
  type CatchUpSource,
} from './subscription.js';

/** A store with `count` events and a source over it that never announces commits. */
async function setUp(
  count: number,
): Promise<{ store: EventStore; source: CatchUpSource; reads: ReadAllOptions[] }> {
  const store = createInMemoryEventStore();
  const { events } = eventFactory();
  if (count > 0) await store.append(appendTo('a', 'any', events(count)));
  const reads: ReadAllOptions[] = [];
  const source: CatchUpSource = {
    readAll: (options) => {
      reads.push(options);
      return store.readAll(options);
    },
    lastPosition: async () => {
      const all = await store.readAll({ maxCount: 10_000 });
      if (E.isLeft(all)) return E.left(storeUnavailable(all.left.message, false));
      return E.right(all.right[all.right.length - 1]?.position ?? 0n);
    },
  };
  return { store, source, reads };
}

describe('createCatchUpSubscription', () => {
  it('reads page by page after the last delivered position', async () => {
    const { source, reads } = await setUp(5);
    const seen: bigint[] = [];
    const subscription = createCatchUpSubscription(
      source,
      { onEvent: (e) => void seen.push(e.position) },
      { pageSize: 2 },
    );
    await subscription.waitUntilCaughtUp();
    expect(seen).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(reads.slice(0, 3)).toEqual([
      { after: 0n, maxCount: 2 },
      { after: 2n, maxCount: 2 },
      { after: 4n, maxCount: 2 },
    ]);
    await subscription.stop();
  });

  it('without notifications, waitUntilCaughtUp itself triggers the read', async () => {
    const { store, source } = await setUp(1);
    const seen: bigint[] = [];
    const subscription = createCatchUpSubscription(source, {
      onEvent: (e) => void seen.push(e.position),
    });
    await subscription.waitUntilCaughtUp();
    await store.append(appendTo('a', 'any', eventFactory('x').events(2)));
    await subscription.waitUntilCaughtUp();
    expect(seen).toEqual([1n, 2n, 3n]);
    await subscription.stop();
  });

  it('polls when asked to', async () => {
    const { store, source } = await setUp(0);
    const seen: bigint[] = [];
    const subscription = createCatchUpSubscription(
      source,
      { onEvent: (e) => void seen.push(e.position) },
      { pollIntervalMs: 2 },
    );
    await store.append(appendTo('a', 'any', eventFactory().events(2)));
    await vi.waitFor(() => expect(seen).toEqual([1n, 2n]));
    await subscription.stop();
  });

  it('wakes up on a commit signal', async () => {
    const { store, source } = await setUp(0);
    const signal = createCommitSignal();
    const seen: bigint[] = [];
    const subscription = createCatchUpSubscription(
      { ...source, onCommitted: signal.listen },
      { onEvent: (e) => void seen.push(e.position) },
    );
    await subscription.waitUntilCaughtUp();
    await store.append(appendTo('a', 'any', eventFactory().events(1)));
    signal.notify();
    await vi.waitFor(() => expect(seen).toEqual([1n]));
    await subscription.stop();
  });

  it('never delivers a position twice, even if the source repeats itself', async () => {
    const { source } = await setUp(5);
    const overlapping: CatchUpSource = {
      ...source,
      readAll: (options) =>
        source.readAll({
          ...options,
          after: (options.after ?? 0n) > 0n ? (options.after ?? 0n) - 1n : 0n,
        }),
    };
    const seen: bigint[] = [];
    const subscription = createCatchUpSubscription(
      overlapping,
      { onEvent: (e) => void seen.push(e.position) },
      { pageSize: 2 },
    );
    await subscription.waitUntilCaughtUp();
    expect(seen).toEqual([1n, 2n, 3n, 4n, 5n]);
    await subscription.stop();
  });

  it('does not spin on a source that returns the same full page forever', async () => {
    const { source, reads } = await setUp(3);
    const stuck: CatchUpSource = {
      ...source,
      readAll: () => source.readAll({ after: 0n, maxCount: 2 }),
    };
    const seen: bigint[] = [];
    const subscription = createCatchUpSubscription(
      stuck,
      { onEvent: (e) => void seen.push(e.position) },
      { pageSize: 2 },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([1n, 2n]);
    expect(reads.length).toBeLessThan(5);
    await subscription.stop();
  });

  it('stops on a read error, reports it and rejects waiting callers', async () => {
    const { source } = await setUp(2);
    const failure = storeUnavailable('disk gone', false);
    const errors: unknown[] = [];
    const subscription = createCatchUpSubscription(
      { ...source, readAll: async () => E.left(failure) },
      { onEvent: () => undefined, onError: (error) => void errors.push(error) },
    );
    await expect(subscription.waitUntilCaughtUp()).rejects.toBe(failure);
    expect(errors).toEqual([failure]);
    await subscription.stop();
    await expect(subscription.waitUntilCaughtUp()).rejects.toBe(failure);
  });

  it('stops when the source throws instead of returning an error', async () => {
    const { source } = await setUp(1);
    const errors: unknown[] = [];
    const subscription = createCatchUpSubscription(
      { ...source, readAll: () => Promise.reject(new Error('driver crashed')) },
      { onEvent: () => undefined, onError: (error) => void errors.push(error) },
    );
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    await subscription.stop();
  });

  it('rejects waitUntilCaughtUp when the head cannot be read', async () => {
    const { source } = await setUp(1);
    const failure = storeUnavailable('busy', true);
    const subscription = createCatchUpSubscription(
      { ...source, lastPosition: async () => E.left(failure) },
      { onEvent: () => undefined },
    );
    await expect(subscription.waitUntilCaughtUp()).rejects.toBe(failure);
    await subscription.stop();
  });

  it('survives an onError that throws', async () => {
    const { source } = await setUp(1);
    const subscription = createCatchUpSubscription(source, {
      onEvent: () => {
        throw new Error('handler');
      },
      onError: () => {
        throw new Error('error handler');
      },
    });
    await expect(subscription.waitUntilCaughtUp()).rejects.toThrow('handler');
    await subscription.stop();
  });

  it('stopped before its first read, it never calls the handler and resolves waiting callers', async () => {
    const { source } = await setUp(3);
    const onEvent = vi.fn();
    const subscription = createCatchUpSubscription(source, { onEvent });
    const waiting = subscription.waitUntilCaughtUp();
    await subscription.stop();
    await subscription.stop();
    await waiting;
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('refuses a page size below 1', async () => {
    const { source } = await setUp(0);
    expect(() =>
      createCatchUpSubscription(source, { onEvent: () => undefined }, { pageSize: 0 }),
    ).toThrow(RangeError);
  });
});

describe('createCommitSignal', () => {
  it('calls each listener until it unregisters', () => {
    const signal = createCommitSignal();
    const a = vi.fn();
    const b = vi.fn();
    const stopA = signal.listen(a);
    signal.listen(b);
    signal.listen(b);
    signal.notify();
    stopA();
    signal.notify();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(4);
  });
});
