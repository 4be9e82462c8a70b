/**
 * A catch-up-then-live subscription to the whole log, reusable by every adapter.
 *
 * It reads the log page by page after the last delivered position, hands each event to the
 * handler in position order, and when it reaches the end waits for a "new events committed"
 * notification (or a poll tick) to read again. Only one read or handler call runs at a time, so
 * the handler is never called concurrently; an event at or before the last delivered position is
 * never delivered again, and nothing is skipped because every read starts right after the last
 * delivered position. A notification that arrives while a page is being read or delivered is not
 * lost: it marks another read as due.
 *
 * The first failure (a read error, or the handler throwing or rejecting) stops the subscription
 * and is passed to `onError`; pending `waitUntilCaughtUp` calls then reject with it.
 */
import * as E from 'fp-ts/Either';
import type { CorruptEvent, StoreUnavailable } from './errors.js';
import type { ReadAllOptions, StoredEvent, SubscribeOptions, Subscription } from './port.js';

/** What the subscription needs of a store. */
export interface CatchUpSource {
  /** Reads one page of the log after a position (the store's `readAll`). */
  readonly readAll: (
    options: ReadAllOptions,
  ) => Promise<E.Either<StoreUnavailable | CorruptEvent, ReadonlyArray<StoredEvent>>>;
  /** The position of the last committed event (0 when the log is empty). */
  readonly lastPosition: () => Promise<E.Either<StoreUnavailable, bigint>>;
  /** Registers a listener called after each commit; returns the function that unregisters it. */
  readonly onCommitted?: (listener: () => void) => () => void;
}

/** How the subscription reads. */
export interface CatchUpSettings {
  /** Events per `readAll` page (default {@link DEFAULT_PAGE_SIZE}). */
  readonly pageSize?: number;
  /** Also read again every this many milliseconds, for commits no notification announces. */
  readonly pollIntervalMs?: number;
}

/** The default number of events read per page. */
export const DEFAULT_PAGE_SIZE = 500;

/** An in-process "new events committed" signal: stores notify, subscriptions listen. */
export interface CommitSignal {
  /** Tells every listener that something was committed. */
  readonly notify: () => void;
  /** Registers a listener; returns the function that unregisters it. */
  readonly listen: (listener: () => void) => () => void;
}

/** Creates an in-process {@link CommitSignal}. */
export function createCommitSignal(): CommitSignal {
  const listeners = new Set<() => void>();
  return {
    notify: () => {
      for (const listener of [...listeners]) listener();
    },
    listen: (listener) => {
      const registered = () => listener();
      listeners.add(registered);
      return () => {
        listeners.delete(registered);
      };
    },
  };
}

interface Waiter {
  readonly target: bigint;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Subscribes to `source` from `options.after`: catches up page by page, then delivers live events
 * as commits are announced. `stop()` resolves once the handler is not running and will not be
 * called again (so do not await it from inside the handler).
 */
export function createCatchUpSubscription(
  source: CatchUpSource,
  options: SubscribeOptions,
  settings: CatchUpSettings = {},
): Subscription {
  const pageSize = settings.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw new RangeError('pageSize must be a whole number from 1');
  }
  let delivered = options.after ?? 0n;
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  let failure: { readonly error: unknown } | undefined;
  let readDue = true;
  let wake: (() => void) | undefined;
  let waiters: Waiter[] = [];

  const signal = () => {
    readDue = true;
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const unlisten = source.onCommitted?.(signal);
  const poll =
    settings.pollIntervalMs === undefined
      ? undefined
      : setInterval(signal, settings.pollIntervalMs);
  poll?.unref();

  const settleWaiters = () => {
    if (waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const waiter of waiters) {
      if (waiter.target <= delivered) waiter.resolve();
      else still.push(waiter);
    }
    waiters = still;
  };

  const fail = (error: unknown) => {
    if (state === 'stopped') return;
    failure = { error };
    state = 'stopping';
    for (const waiter of waiters) waiter.reject(error);
    waiters = [];
    try {
      options.onError?.(error);
    } catch {
      // The error handler's own failure has nowhere further to go; the subscription is stopping.
    }
  };

  const deliver = async (events: ReadonlyArray<StoredEvent>) => {
    for (const event of events) {
      if (state !== 'running') return;
      if (event.position <= delivered) continue;
      try {
        await options.onEvent(event);
      } catch (error) {
        fail(error);
        return;
      }
      delivered = event.position;
      settleWaiters();
    }
  };

  const loop = async () => {
    while (state === 'running') {
      if (!readDue) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      readDue = false;
      let page: E.Either<StoreUnavailable | CorruptEvent, ReadonlyArray<StoredEvent>>;
      try {
        page = await source.readAll({ after: delivered, maxCount: pageSize });
      } catch (error) {
        fail(error);
        break;
      }
      if (state !== 'running') break;
      if (E.isLeft(page)) {
        fail(page.left);
        break;
      }
      const before = delivered;
      await deliver(page.right);
      // A full page that moved on means more may follow; one that did not (a source repeating
      // itself) waits for the next signal instead of spinning.
      if (page.right.length >= pageSize && delivered > before) readDue = true;
    }
    state = 'stopped';
    unlisten?.();
    if (poll !== undefined) clearInterval(poll);
    for (const waiter of waiters) waiter.resolve();
    waiters = [];
  };
  const finished = loop();

  return {
    waitUntilCaughtUp: async () => {
      const settled = () => {
        if (failure !== undefined) throw failure.error;
        return state !== 'running';
      };
      if (settled()) return;
      const last = await source.lastPosition();
      if (E.isLeft(last)) throw last.left;
      if (last.right <= delivered || settled()) return;
      await new Promise<void>((resolve, reject) => {
        waiters.push({ target: last.right, resolve, reject });
        signal();
      });
    },
    stop: async () => {
      if (state === 'running') {
        state = 'stopping';
        wake?.();
      }
      await finished;
    },
  };
}
