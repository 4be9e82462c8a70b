/**
 * The in-memory event store: the reference implementation of the whole port, and the model every
 * adapter is compared with. It keeps the log as rows (data and metadata as canonical JSON text),
 * exactly as a database would, so reads parse what was stored and verification sees what a
 * tamperer could change.
 *
 * Each operation runs to completion without awaiting in between, so appends are atomic and
 * serialised: a refused append (invalid, or one stream's expected revision not holding) changes
 * nothing. `recordedAt` comes from the injected clock, never from the caller, and never goes
 * backwards along the log.
 *
 * @see docs/reference/domain.md rules 10 and 13
 */
import * as E from 'fp-ts/Either';
import { instantOf, type CommandId, type Instant } from '@mandate/core';
import { planAppend } from './append-plan.js';
import { createAppendAnnouncer } from './appended.js';
import { readCount } from './store-options.js';
import { storeUnavailable, streamNotFound, type StoreUnavailable } from './errors.js';
import type { StreamHead } from './hash-chain.js';
import { APPEND_LIMITS, validateAppend, type AppendLimits } from './limits.js';
import type { AppendResult, EventStore, Subscription } from './port.js';
import { parseRawEvents, type RawStoredEvent } from './raw-event.js';
import { createCatchUpSubscription, createCommitSignal } from './subscription.js';
import { withVerifyProgress } from './verify-progress.js';
import { verifyStore, type CommandRecord, type StreamHeadRecord } from './verify-store.js';

/** Options of the in-memory store. */
export interface InMemoryEventStoreOptions {
  /** The store clock stamping `recordedAt` (default: the system clock). */
  readonly clock?: () => Instant;
  /** The append limits (default {@link APPEND_LIMITS}). */
  readonly limits?: AppendLimits;
}

/** The default and largest page `readAll` returns. */
export const IN_MEMORY_READ_ALL = { defaultCount: 1_000, maxCount: 10_000 } as const;

/** An in-memory store together with raw access to its log, for tests that tamper with it. */
export interface TamperableInMemoryEventStore {
  readonly store: EventStore;
  /** The stored rows, in position order. */
  readonly rows: () => ReadonlyArray<RawStoredEvent>;
  /** Replaces the stored rows by `transform(rows)`, with no check and no hash recomputed. */
  readonly rewriteLog: (
    transform: (rows: ReadonlyArray<RawStoredEvent>) => ReadonlyArray<RawStoredEvent>,
  ) => void;
  /** The stream-head rows, which appends read and write beside the log. */
  readonly heads: () => ReadonlyArray<StreamHeadRecord>;
  /** Replaces the stream-head rows by `transform(heads)`, with no check. */
  readonly rewriteHeads: (
    transform: (heads: ReadonlyArray<StreamHeadRecord>) => ReadonlyArray<StreamHeadRecord>,
  ) => void;
  /** The command-id rows. */
  readonly commands: () => ReadonlyArray<CommandRecord>;
  /** Replaces the command-id rows by `transform(commands)`, with no check. */
  readonly rewriteCommands: (
    transform: (commands: ReadonlyArray<CommandRecord>) => ReadonlyArray<CommandRecord>,
  ) => void;
}

const systemClock = (): Instant => instantOf(Date.now());

const byPosition = (a: RawStoredEvent, b: RawStoredEvent) =>
  a.position < b.position ? -1 : a.position > b.position ? 1 : 0;
const byRevision = (a: RawStoredEvent, b: RawStoredEvent) =>
  a.revision < b.revision ? -1 : a.revision > b.revision ? 1 : 0;

/** Creates an in-memory store and gives raw access to its log (not part of the public API). */
export function createTamperableInMemoryEventStore(
  options: InMemoryEventStoreOptions = {},
): TamperableInMemoryEventStore {
  const clock = options.clock ?? systemClock;
  const limits = options.limits ?? APPEND_LIMITS;
  const commits = createCommitSignal();
  const announcer = createAppendAnnouncer();
  const subscriptions = new Set<Subscription>();
  let commands = new Map<string, AppendResult | undefined>();
  let heads = new Map<string, StreamHead>();
  let log: RawStoredEvent[] = [];
  let streams = new Map<string, RawStoredEvent[]>();
  let closed = false;

  const closedError = (): StoreUnavailable => storeUnavailable('The store is closed', false);
  const lastRow = (): RawStoredEvent | undefined => log[log.length - 1];
  const streamHead = (stream: string): StreamHead | undefined => heads.get(stream);
  const reindex = () => {
    streams = new Map();
    for (const row of log) {
      const events = streams.get(row.stream);
      if (events === undefined) streams.set(row.stream, [row]);
      else events.push(row);
    }
    for (const events of streams.values()) events.sort(byRevision);
  };
  /** The index of the first row after `position` (a direct hit unless the log was tampered). */
  const indexAfter = (position: bigint): number => {
    const guess = Number(position);
    if (position <= 0n) return 0;
    if (
      log[guess - 1]?.position === position &&
      (log[guess]?.position ?? position + 1n) > position
    ) {
      return guess;
    }
    const found = log.findIndex((row) => row.position > position);
    return found === -1 ? log.length : found;
  };

  const store: EventStore = {
    append: async (request) => {
      if (closed) return E.left(closedError());
      const valid = validateAppend(request, limits);
      if (E.isLeft(valid)) return valid;
      const { commandId } = valid.right;
      const prior = commandId === undefined ? undefined : commands.get(commandId);
      if (prior !== undefined) return E.right({ ...prior, duplicate: true });
      const plan = planAppend(valid.right, {
        streamHead,
        lastPosition: lastRow()?.position ?? 0n,
        lastRecordedAt: lastRow()?.recordedAt as Instant | undefined,
        now: clock(),
      });
      if (E.isLeft(plan)) return plan;
      for (const row of plan.right.rows) {
        log.push(row);
        const events = streams.get(row.stream);
        if (events === undefined) streams.set(row.stream, [row]);
        else events.push(row);
        heads.set(row.stream, { revision: row.revision, hash: row.hash });
      }
      if (commandId !== undefined) commands.set(commandId, plan.right.result);
      commits.notify();
      announcer.announce(valid.right, plan.right.rows);
      return E.right(plan.right.result);
    },

    findCommand: async (commandId: CommandId) => {
      if (closed) return E.left(closedError());
      const recorded = commands.get(commandId);
      return E.right(recorded === undefined ? undefined : { ...recorded, duplicate: true });
    },

    readStream: async (stream, options = {}) => {
      if (closed) return E.left(closedError());
      const events = streams.get(stream);
      if (events === undefined || events.length === 0) return E.left(streamNotFound(stream));
      const count = readCount(options.maxCount, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      const from = options.fromRevision;
      if (from !== undefined && from < 0n) throw new RangeError('fromRevision must be >= 0');
      const selected =
        options.direction === 'backwards'
          ? events
              .filter((row) => from === undefined || row.revision <= from)
              .reverse()
              .slice(0, count)
          : events.filter((row) => from === undefined || row.revision >= from).slice(0, count);
      return parseRawEvents(selected);
    },

    readAll: async (options = {}) => {
      if (closed) return E.left(closedError());
      const after = options.after ?? 0n;
      const count = readCount(
        options.maxCount,
        IN_MEMORY_READ_ALL.defaultCount,
        IN_MEMORY_READ_ALL.maxCount,
      );
      const start = indexAfter(after);
      return parseRawEvents(log.slice(start, start + count));
    },

    onAppended: announcer.listen,

    subscribe: (options) => {
      const subscription = createCatchUpSubscription(
        {
          readAll: store.readAll,
          lastPosition: async () =>
            closed ? E.left(closedError()) : E.right(lastRow()?.position ?? 0n),
          onCommitted: commits.listen,
        },
        options,
      );
      subscriptions.add(subscription);
      return {
        waitUntilCaughtUp: subscription.waitUntilCaughtUp,
        stop: async () => {
          await subscription.stop();
          subscriptions.delete(subscription);
        },
      };
    },

    verify: async (options = {}) =>
      closed
        ? E.left(closedError())
        : E.right(
            await verifyStore(
              {
                events: withVerifyProgress([...log], BigInt(log.length), options.onProgress),
                heads: [...heads].map(([stream, head]) => ({ stream, ...head })),
                commands: [...commands].map(([commandId, result]) => ({ commandId, result })),
              },
              options,
            ),
          ),

    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      subscriptions.clear();
    },
  };

  return {
    store,
    rows: () => [...log],
    rewriteLog: (transform) => {
      log = [...transform([...log])].sort(byPosition);
      reindex();
    },
    heads: () => [...heads].map(([stream, head]) => ({ stream, ...head })),
    rewriteHeads: (transform) => {
      const current = [...heads].map(([stream, head]) => ({ stream, ...head }));
      heads = new Map(
        transform(current).map(({ stream, revision, hash }) => [stream, { revision, hash }]),
      );
    },
    commands: () => [...commands].map(([commandId, result]) => ({ commandId, result })),
    rewriteCommands: (transform) => {
      const current = [...commands].map(([commandId, result]) => ({ commandId, result }));
      commands = new Map(transform(current).map(({ commandId, result }) => [commandId, result]));
    },
  };
}

/** Creates the in-memory reference store. */
export const createInMemoryEventStore = (options: InMemoryEventStoreOptions = {}): EventStore =>
  createTamperableInMemoryEventStore(options).store;
