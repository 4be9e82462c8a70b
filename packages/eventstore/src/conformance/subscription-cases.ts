/**
 * Conformance cases for subscriptions: catch up then live, from a position, in order without
 * skipping or repeating under concurrent appends, never calling the handler concurrently,
 * `waitUntilCaughtUp`, `stop`, and a failing handler.
 */
import type { StoredEvent } from '../port.js';
import { check, checkEqual, expectRight, sleep } from './assert.js';
import { appendTo, eventFactory } from './fixtures.js';
import { withStore, type ConformanceCase, type StoreFactory } from './store-under-test.js';

/** Waits up to 2 s for `condition`, checking every few milliseconds. */
async function eventually(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 2_000 && !condition(); waited += 5) await sleep(5);
  check(condition(), `${what}: not within 2 s`);
}

const upTo = (n: number): ReadonlyArray<bigint> =>
  Array.from({ length: n }, (_, i) => BigInt(i + 1));

/** The subscription cases, each on a fresh store from `factory`. */
export const subscriptionCases = (factory: StoreFactory): ReadonlyArray<ConformanceCase> => [
  {
    name: 'subscribe catches up, then delivers live events, until stopped',
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      expectRight(await store.append(appendTo('a', 'any', events(3))), 'append before');
      const seen: StoredEvent[] = [];
      const subscription = store.subscribe({ onEvent: (event) => void seen.push(event) });
      await subscription.waitUntilCaughtUp();
      checkEqual(
        seen.map((e) => e.position),
        upTo(3),
        'caught up',
      );
      checkEqual(seen, expectRight(await store.readAll(), 'readAll'), 'delivered events');
      expectRight(await store.append(appendTo('b', 'any', events(2))), 'append live');
      await eventually(() => seen.length === 5, 'live events arrive without waitUntilCaughtUp');
      await subscription.waitUntilCaughtUp();
      checkEqual(
        seen.map((e) => e.position),
        upTo(5),
        'live events',
      );
      await subscription.stop();
      expectRight(await store.append(appendTo('b', 'any', events(1))), 'append after stop');
      await sleep(30);
      checkEqual(seen.length, 5, 'nothing delivered after stop');
      await subscription.waitUntilCaughtUp();
    }),
  },
  {
    name: 'subscribe delivers only events after the given position',
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      expectRight(await store.append(appendTo('a', 'any', events(4))), 'append');
      const seen: bigint[] = [];
      const subscription = store.subscribe({
        after: 2n,
        onEvent: (e) => void seen.push(e.position),
      });
      await subscription.waitUntilCaughtUp();
      checkEqual(seen, [3n, 4n], 'after 2');
      await subscription.stop();
      const late: bigint[] = [];
      const beyond = store.subscribe({ after: 10n, onEvent: (e) => void late.push(e.position) });
      await beyond.waitUntilCaughtUp();
      checkEqual(late, [], 'after the end');
      await beyond.stop();
    }),
  },
  {
    name: 'subscribe on an empty store waits for the first event',
    run: withStore(factory, async ({ store }) => {
      const seen: bigint[] = [];
      const subscription = store.subscribe({ onEvent: (e) => void seen.push(e.position) });
      await subscription.waitUntilCaughtUp();
      checkEqual(seen, [], 'nothing yet');
      const { events } = eventFactory();
      expectRight(await store.append(appendTo('a', 'any', events(1))), 'append');
      await subscription.waitUntilCaughtUp();
      checkEqual(seen, [1n], 'the first event');
      await subscription.stop();
    }),
  },
  {
    name: 'under concurrent appends a subscriber sees every event once, in order, one call at a time',
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      const appendMany = (from: number, count: number) =>
        Promise.all(
          Array.from({ length: count }, (_, i) =>
            store.append(appendTo(`s-${(from + i) % 5}`, 'any', events(2))),
          ),
        );
      (await appendMany(0, 15)).forEach((result, i) => expectRight(result, `early append ${i}`));
      const seen: bigint[] = [];
      let running = 0;
      let overlapped = false;
      const slow = store.subscribe({
        onEvent: async (event) => {
          running += 1;
          overlapped ||= running > 1;
          await sleep(0);
          seen.push(event.position);
          running -= 1;
        },
      });
      const fast: bigint[] = [];
      const quick = store.subscribe({ after: 5n, onEvent: (e) => void fast.push(e.position) });
      const late = appendMany(15, 25);
      await sleep(1);
      (await late).forEach((result, i) => expectRight(result, `late append ${i}`));
      await Promise.all([slow.waitUntilCaughtUp(), quick.waitUntilCaughtUp()]);
      check(!overlapped, 'the handler was called concurrently');
      checkEqual(seen, upTo(80), 'slow subscriber');
      checkEqual(fast, upTo(80).slice(5), 'quick subscriber');
      await Promise.all([slow.stop(), quick.stop()]);
    }),
  },
  {
    name: 'a failing handler stops its subscription and reports the error',
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      expectRight(await store.append(appendTo('a', 'any', events(3))), 'append');
      const seen: bigint[] = [];
      const errors: unknown[] = [];
      const failure = new Error('handler failed');
      const subscription = store.subscribe({
        onEvent: (event) => {
          if (event.position === 2n) throw failure;
          seen.push(event.position);
        },
        onError: (error) => void errors.push(error),
      });
      let rejected = false;
      await subscription.waitUntilCaughtUp().catch(() => {
        rejected = true;
      });
      check(rejected, 'waitUntilCaughtUp rejects once the subscription failed');
      checkEqual(errors.length, 1, 'onError calls');
      check(errors[0] === failure, 'onError receives the handler error');
      expectRight(await store.append(appendTo('a', 'any', events(1))), 'append after the failure');
      await sleep(20);
      checkEqual(seen, [1n], 'nothing delivered after the failure');
      await subscription.stop();
    }),
  },
  {
    name: 'stop resolves once the running handler call has finished',
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      expectRight(await store.append(appendTo('a', 'any', events(2))), 'append');
      let started = false;
      let finished = false;
      let calls = 0;
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const subscription = store.subscribe({
        onEvent: async () => {
          calls += 1;
          started = true;
          await gate;
          finished = true;
        },
      });
      for (let i = 0; i < 100 && !started; i++) await sleep(1);
      check(started, 'the handler started');
      const stopped = subscription.stop();
      await sleep(5);
      release();
      await stopped;
      check(finished, 'stop resolved before the running handler call finished');
      await sleep(10);
      checkEqual(calls, 1, 'handler calls after stop');
    }),
  },
];
