/**
 * Live subscriptions on a real file: this process's commits wake subscribers at once (also those
 * of another store sharing the connection), and other processes' commits are picked up by polling
 * `PRAGMA data_version`, without anyone asking the subscription to catch up.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '@mandate/eventstore';
import { startChild } from './child-process.fixture.js';
import {
  openStore,
  sampleEvent,
  scratchDirectory,
  successOf,
  type ScratchDirectory,
} from './store.fixture.js';

/** Collects delivered events; `reaching(n)` resolves once `n` have arrived, or rejects. */
function collector(timeoutMs = 10_000) {
  const events: StoredEvent[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  return {
    events,
    onEvent: (event: StoredEvent) => {
      events.push(event);
      for (const waiter of waiters.filter((w) => events.length >= w.count)) waiter.resolve();
    },
    reaching: (count: number) =>
      new Promise<void>((resolve, reject) => {
        if (events.length >= count) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`only ${events.length} of ${count} events delivered`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      }),
  };
}

describe('subscriptions on a real file', () => {
  let scratch: ScratchDirectory;
  beforeEach(async () => {
    scratch = await scratchDirectory();
  });
  afterEach(async () => {
    await scratch.remove();
  });

  it("wakes at once on this process's commits, from any store sharing the file", async () => {
    const reader = await openStore({ path: scratch.file(), pollIntervalMs: 600_000 });
    const writer = await openStore({ path: scratch.file() });
    const seen = collector(2_000);
    const subscription = reader.subscribe({ onEvent: seen.onEvent });
    successOf(
      await writer.append({
        appends: [{ stream: 's', expectedRevision: 'no-stream', events: [sampleEvent('a')] }],
      }),
    );
    await seen.reaching(1);
    successOf(
      await reader.append({
        appends: [{ stream: 's', expectedRevision: 0n, events: [sampleEvent('b')] }],
      }),
    );
    await seen.reaching(2);
    expect(seen.events.map((event) => event.eventId)).toEqual(['a', 'b']);
    await subscription.stop();
    await writer.close();
    await reader.close();
  });

  it("delivers another process's commits, in order, found by polling", async () => {
    const file = scratch.file();
    const store = await openStore({ path: file, pollIntervalMs: 20 });
    const seen = collector();
    const subscription = store.subscribe({ onEvent: seen.onEvent });
    const rounds = 12;
    const worker = startChild('append-worker.fixture.ts', [file, 'w0', String(rounds)]);
    await worker.line((line) => line === 'ready');
    worker.process.stdin.end('go\n');
    await worker.exited;
    const expected = rounds * 2 + Math.ceil(rounds / 10);
    await seen.reaching(expected);
    expect(seen.events.map((event) => event.position)).toEqual(
      Array.from({ length: expected }, (_, i) => BigInt(i + 1)),
    );
    expect(seen.events).toEqual(successOf(await store.readAll()));
    await subscription.stop();
    await store.close();
  });
});
