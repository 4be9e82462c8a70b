/**
 * The EventStoreDB/KurrentDB event store: the port on one of the two clients (see `driver.ts`).
 *
 * The log stream (`layout.ts`) is the source of truth and the one point of serialisation: an
 * append reads the log's last event, plans the append with the shared `validateAppend` and
 * `planAppend` (revisions, positions, recorded instant, hash chain), and commits by appending its
 * events to the log with the log's revision as expected revision. A commit that loses the race
 * to another writer is planned again; a commit is therefore atomic (one single-stream append),
 * gap-free (position = log revision + 1) and checked against every stream it writes or relies on
 * as of the log revision it extends.
 *
 * Each stream's events are then copied from the log into the stream itself ("completing" the
 * append), idempotently: the copy of a log event has an id derived from it, and is appended at
 * the revision the plan gave it. On servers with atomic multi-stream append (KurrentDB ≥ 25.1
 * through the Kurrent client) the log events, the copies and the command's result are written in
 * one atomic append and nothing is left to complete.
 *
 * Otherwise a crash between the commit and its completion leaves the copies behind the log. That
 * can only ever be true of the last append of the log: every append first completes the last one
 * (a commit extends the log only from a revision whose append its writer completed). Opening the
 * store, every append, `readStream` and `findCommand` complete it first, so a reader never sees
 * an append half done; `readAll`, `subscribe` and `verify` read the log itself.
 *
 * @see docs/reference/domain.md rules 10 and 13
 */
import * as E from 'fp-ts/Either';
import { instantOf, type CommandId, type Instant } from '@mandate/core';
import {
  APPEND_LIMITS,
  createAppendAnnouncer,
  createCatchUpSubscription,
  createCommitSignal,
  parseRawEvents,
  planAppend,
  readCount,
  storeUnavailable,
  streamNotFound,
  validateAppend,
  verifyLog,
  withVerifyProgress,
  type AppendLimits,
  type AppendResult,
  type CorruptEvent,
  type EventStore,
  type RawStoredEvent,
  type StoreError,
  type StoreUnavailable,
  type StreamHead,
  type Subscription,
} from '@mandate/eventstore';
import type {
  ClientEventData,
  ClientExpectedState,
  ClientRecordedEvent,
  ClientSubscription,
  EsdbDriver,
} from './driver.js';
import { classifyClientError, unexpected } from './errors.js';
import {
  commandEventId,
  copyEventId,
  fromServerEvent,
  layoutOf,
  logEventId,
  parseResult,
  resultEvent,
  toServerEvent,
  type LoggedRow,
} from './layout.js';

/** Options of {@link createEsdbEventStore}. */
export interface EsdbEventStoreOptions {
  /** The client, wrapped by `eventStoreDbDriver` or `kurrentDbDriver`. */
  readonly driver: EsdbDriver;
  /** Prefix of every server stream of this store (default `mandate`). */
  readonly namespace?: string;
  /** The store clock stamping `recordedAt` (default: the system clock). */
  readonly clock?: () => Instant;
  /** The append limits (default `APPEND_LIMITS`). */
  readonly limits?: AppendLimits;
  /** Subscriptions also read the log this often, besides the server's live notifications. */
  readonly pollIntervalMs?: number;
  /** How many times an append is planned again after losing the race to another process. */
  readonly maxAttempts?: number;
}

/** The default and largest page `readAll` returns. */
export const ESDB_READ_ALL = { defaultCount: 1_000, maxCount: 10_000 } as const;

const systemClock = (): Instant => instantOf(Date.now());

const expectedState = (head: bigint | undefined): ClientExpectedState =>
  head === undefined ? 'no_stream' : head;

/** A log event as read: the server event's own id and revision, and the row it carries. */
interface LogEntry extends LoggedRow {
  readonly serverId: string;
  readonly serverRevision: bigint;
}

/**
 * Opens the store on a client: completes an append a crashed writer left unfinished, then
 * answers. Resolves to `StoreUnavailable` when the server cannot be read.
 */
export async function createEsdbEventStore(
  options: EsdbEventStoreOptions,
): Promise<E.Either<StoreUnavailable | CorruptEvent, EventStore>> {
  const { driver } = options;
  const layout = layoutOf(options.namespace ?? 'mandate');
  const clock = options.clock ?? systemClock;
  const limits = options.limits ?? APPEND_LIMITS;
  const maxAttempts = options.maxAttempts ?? 100;
  const commits = createCommitSignal();
  const announcer = createAppendAnnouncer();
  const subscriptions = new Set<Subscription>();
  let live: ClientSubscription | undefined;
  let closed = false;
  /** The position through which every append is known to be complete in this process. */
  let completedThrough = -1n;
  /** Appends of this process, one at a time: they would only race each other for the log. */
  let appending: Promise<unknown> = Promise.resolve();

  const closedError = (): StoreUnavailable => storeUnavailable('The store is closed', false);

  // -------------------------------------------------------------------------------------------
  // Reading
  // -------------------------------------------------------------------------------------------

  /** Reads server events; a missing or deleted stream reads as empty. */
  const read = async (
    stream: string,
    direction: 'forwards' | 'backwards',
    fromRevision: bigint | 'start' | 'end',
    maxCount: number,
  ): Promise<E.Either<StoreUnavailable, ReadonlyArray<ClientRecordedEvent> | undefined>> => {
    try {
      return E.right(await driver.readStream(stream, { direction, fromRevision, maxCount }));
    } catch (error) {
      const failure = classifyClientError(error);
      if (failure._tag === 'StreamNotFound' || failure._tag === 'StreamDeleted') {
        return E.right(undefined);
      }
      return E.left(unexpected(failure, `Reading ${stream}`));
    }
  };

  const entriesOf = (
    events: ReadonlyArray<ClientRecordedEvent>,
  ): E.Either<CorruptEvent, ReadonlyArray<LogEntry>> => {
    const entries: LogEntry[] = [];
    for (const event of events) {
      const logged = fromServerEvent(event);
      if (E.isLeft(logged)) return logged;
      entries.push({ ...logged.right, serverId: event.id, serverRevision: event.revision });
    }
    return E.right(entries);
  };

  /** The last `count` events of a server stream, oldest first. */
  const lastOf = async (
    stream: string,
    count: number,
  ): Promise<E.Either<StoreUnavailable | CorruptEvent, ReadonlyArray<LogEntry>>> => {
    const events = await read(stream, 'backwards', 'end', count);
    if (E.isLeft(events)) return events;
    return entriesOf([...(events.right ?? [])].reverse());
  };

  const headOf = async (
    stream: string,
  ): Promise<E.Either<StoreUnavailable | CorruptEvent, StreamHead | undefined>> => {
    const last = await lastOf(layout.stream(stream), 1);
    if (E.isLeft(last)) return last;
    const [entry] = last.right;
    return E.right(
      entry === undefined ? undefined : { revision: entry.row.revision, hash: entry.row.hash },
    );
  };

  const recordedResult = async (
    commandId: string,
  ): Promise<E.Either<StoreUnavailable, AppendResult | undefined>> => {
    const events = await read(layout.command(commandId), 'forwards', 'start', 1);
    if (E.isLeft(events)) return events;
    const [event] = events.right ?? [];
    return E.right(event === undefined ? undefined : parseResult(event));
  };

  // -------------------------------------------------------------------------------------------
  // Completing the last append
  // -------------------------------------------------------------------------------------------

  /** Appends `events` at `expected`; a stream already holding them (a retry) is fine too. */
  const appendIdempotently = async (
    stream: string,
    events: ReadonlyArray<ClientEventData>,
    expected: ClientExpectedState,
    alreadyThere: () => Promise<E.Either<StoreUnavailable | CorruptEvent, boolean>>,
  ): Promise<E.Either<StoreUnavailable | CorruptEvent, void>> => {
    try {
      await driver.appendToStream(stream, events, expected);
      return E.right(undefined);
    } catch (error) {
      const failure = classifyClientError(error);
      if (failure._tag !== 'WrongExpectedVersion')
        return E.left(unexpected(failure, `Completing ${stream}`));
      const there = await alreadyThere();
      if (E.isLeft(there)) return there;
      return there.right
        ? E.right(undefined)
        : E.left(storeUnavailable(`Completing ${stream}: it holds events the log does not`, false));
    }
  };

  /** Copies the events of the append ending the log into their streams, and records its result. */
  const complete = async (
    entries: ReadonlyArray<LogEntry>,
  ): Promise<E.Either<StoreUnavailable | CorruptEvent, void>> => {
    const byStream = new Map<string, LogEntry[]>();
    for (const entry of entries) {
      const list = byStream.get(entry.row.stream);
      if (list === undefined) byStream.set(entry.row.stream, [entry]);
      else list.push(entry);
    }
    for (const [stream, list] of byStream) {
      const first = list[0] as LogEntry;
      const last = list[list.length - 1] as LogEntry;
      const done = await appendIdempotently(
        layout.stream(stream),
        list.map((entry) => toServerEvent(copyEventId(entry.serverId), entry)),
        first.row.revision === 0n ? 'no_stream' : first.row.revision - 1n,
        async () => {
          const head = await headOf(stream);
          return E.map(
            (h: StreamHead | undefined) => h !== undefined && h.revision >= last.row.revision,
          )(head);
        },
      );
      if (E.isLeft(done)) return done;
    }
    const commandId = entries[0]?.commandId;
    if (commandId === undefined) return E.right(undefined);
    return appendIdempotently(
      layout.command(commandId),
      [resultEvent(commandEventId(layout, commandId), resultOf(entries))],
      'no_stream',
      async () => E.right(true),
    );
  };

  /**
   * Completes the append that ends the log, if a crashed writer left it unfinished; resolves to
   * the log's last event (or `undefined` when the log is empty).
   */
  const completeTail = async (): Promise<
    E.Either<StoreUnavailable | CorruptEvent, LogEntry | undefined>
  > => {
    const tail = await lastOf(layout.log, 1);
    if (E.isLeft(tail)) return tail;
    const [last] = tail.right;
    if (last === undefined || last.row.position === completedThrough) return E.right(last);
    const size = last.row.position - last.appendStart + 1n;
    const count = size >= 1n && size <= BigInt(limits.maxEventsPerAppend) ? Number(size) : 1;
    const appendEntries = await lastOf(layout.log, count);
    if (E.isLeft(appendEntries)) return appendEntries;
    const done = await complete(
      appendEntries.right.filter((e) => e.appendStart === last.appendStart),
    );
    if (E.isLeft(done)) return done;
    completedThrough = last.row.position;
    return E.right(last);
  };

  // -------------------------------------------------------------------------------------------
  // Appending
  // -------------------------------------------------------------------------------------------

  /** One attempt: `'lost'` when another writer extended the log first. */
  const attempt = async (
    valid: Extract<ReturnType<typeof validateAppend>, { _tag: 'Right' }>['right'],
  ): Promise<E.Either<StoreError, AppendResult> | 'lost'> => {
    const tail = await completeTail();
    if (E.isLeft(tail)) return tail;
    const { commandId } = valid;
    if (commandId !== undefined) {
      const prior = await recordedResult(commandId);
      if (E.isLeft(prior) || prior.right !== undefined) {
        return E.isLeft(prior) ? prior : E.right(prior.right as AppendResult);
      }
    }
    const heads = new Map<string, StreamHead | undefined>();
    for (const stream of [
      ...valid.appends.map((a) => a.stream),
      ...valid.expectations.map((x) => x.stream),
    ]) {
      const head = await headOf(stream);
      if (E.isLeft(head)) return head;
      heads.set(stream, head.right);
    }
    const last = tail.right;
    const plan = planAppend(valid, {
      streamHead: (stream) => heads.get(stream),
      lastPosition: last?.row.position ?? 0n,
      lastRecordedAt: last?.row.recordedAt as Instant | undefined,
      now: clock(),
    });
    if (E.isLeft(plan)) return plan;
    const appendStart = (last?.row.position ?? 0n) + 1n;
    const entries: LogEntry[] = plan.right.rows.map((row, i) => {
      const serverId = logEventId(layout, commandId, row.position, i);
      const base = { row, appendStart, serverId, serverRevision: -1n };
      return commandId === undefined ? base : { ...base, commandId };
    });
    const logEvents = entries.map((entry) => toServerEvent(entry.serverId, entry));
    const logExpected = last === undefined ? 'no_stream' : last.serverRevision;
    try {
      if (driver.multiStreamAppend !== undefined && (await driver.supportsMultiStreamAppend())) {
        const copies = valid.appends.map((part) => ({
          streamName: layout.stream(part.stream),
          expectedState: expectedState(heads.get(part.stream)?.revision),
          events: entries
            .filter((entry) => entry.row.stream === part.stream)
            .map((entry) => toServerEvent(copyEventId(entry.serverId), entry)),
        }));
        const recorded =
          commandId === undefined
            ? []
            : [
                {
                  streamName: layout.command(commandId),
                  expectedState: 'no_stream' as const,
                  events: [resultEvent(commandEventId(layout, commandId), plan.right.result)],
                },
              ];
        await driver.multiStreamAppend([
          { streamName: layout.log, expectedState: logExpected, events: logEvents },
          ...copies,
          ...recorded,
        ]);
        completedThrough = plan.right.result.lastPosition;
      } else {
        await driver.appendToStream(layout.log, logEvents, logExpected);
        // The commit stands whatever happens next: an unfinished completion is finished by the
        // next append or read that needs it, in this process or another.
        await complete(entries);
      }
    } catch (error) {
      const failure = classifyClientError(error);
      if (failure._tag === 'WrongExpectedVersion') return 'lost';
      return E.left(unexpected(failure, 'Appending'));
    }
    commits.notify();
    announcer.announce(valid, plan.right.rows);
    return E.right(plan.right.result);
  };

  const append: EventStore['append'] = async (request) => {
    if (closed) return E.left(closedError());
    const valid = validateAppend(request, limits);
    if (E.isLeft(valid)) return valid;
    const run = async (): Promise<E.Either<StoreError, AppendResult>> => {
      for (let i = 0; i < maxAttempts; i++) {
        if (closed) return E.left(closedError());
        const outcome = await attempt(valid.right);
        if (outcome !== 'lost') return outcome;
      }
      return E.left(
        storeUnavailable(`Other writers won the log ${maxAttempts} times in a row`, true),
      );
    };
    const result = appending.then(run);
    appending = result.catch(() => undefined);
    return result;
  };

  // -------------------------------------------------------------------------------------------
  // The store
  // -------------------------------------------------------------------------------------------

  const readAll: EventStore['readAll'] = async (readOptions = {}) => {
    if (closed) return E.left(closedError());
    const after = readOptions.after ?? 0n;
    const count = readCount(
      readOptions.maxCount,
      ESDB_READ_ALL.defaultCount,
      ESDB_READ_ALL.maxCount,
    );
    const events = await read(layout.log, 'forwards', after > 0n ? after : 'start', count);
    if (E.isLeft(events)) return events;
    const entries = entriesOf(events.right ?? []);
    if (E.isLeft(entries)) return entries;
    return parseRawEvents(entries.right.map((e) => e.row).filter((row) => row.position > after));
  };

  const lastPosition = async (): Promise<E.Either<StoreUnavailable, bigint>> => {
    if (closed) return E.left(closedError());
    const tail = await lastOf(layout.log, 1);
    if (E.isLeft(tail)) {
      return E.left(
        tail.left._tag === 'StoreUnavailable'
          ? tail.left
          : storeUnavailable(tail.left.message, false),
      );
    }
    return E.right(tail.right[0]?.row.position ?? 0n);
  };

  /** One live, server-filtered `$all` subscription per store wakes every catch-up subscription. */
  const listenLive = () => {
    if (live !== undefined) return;
    const wake = () => commits.notify();
    live = driver.subscribeToAllLive(layout.log, wake);
    live.on('data', wake);
    live.on('error', () => {
      // Subscriptions still poll the log; a lost live feed only makes them slower.
      live = undefined;
    });
  };

  const store: EventStore = {
    append,

    findCommand: async (commandId: CommandId) => {
      if (closed) return E.left(closedError());
      const tail = await completeTail();
      if (E.isLeft(tail)) {
        return E.left(
          tail.left._tag === 'StoreUnavailable'
            ? tail.left
            : storeUnavailable(tail.left.message, false),
        );
      }
      return recordedResult(commandId);
    },

    readStream: async (stream, readOptions = {}) => {
      if (closed) return E.left(closedError());
      const count = readCount(
        readOptions.maxCount,
        Number.MAX_SAFE_INTEGER,
        Number.MAX_SAFE_INTEGER,
      );
      const from = readOptions.fromRevision;
      if (from !== undefined && from < 0n) throw new RangeError('fromRevision must be >= 0');
      const tail = await completeTail();
      if (E.isLeft(tail)) return tail;
      const backwards = readOptions.direction === 'backwards';
      const events = await read(
        layout.stream(stream),
        backwards ? 'backwards' : 'forwards',
        from ?? (backwards ? 'end' : 'start'),
        count,
      );
      if (E.isLeft(events)) return events;
      if (events.right === undefined) return E.left(streamNotFound(stream));
      const entries = entriesOf(events.right);
      if (E.isLeft(entries)) return entries;
      return parseRawEvents(entries.right.map((e) => e.row));
    },

    readAll,

    onAppended: announcer.listen,

    subscribe: (subscribeOptions) => {
      listenLive();
      const subscription = createCatchUpSubscription(
        { readAll, lastPosition, onCommitted: commits.listen },
        subscribeOptions,
        { pollIntervalMs: options.pollIntervalMs ?? 500 },
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

    verify: async (options = {}) => {
      if (closed) return E.left(closedError());
      const rows: RawStoredEvent[] = [];
      for (let from = 0n; ;) {
        const page = await read(
          layout.log,
          'forwards',
          from === 0n ? 'start' : from,
          ESDB_READ_ALL.maxCount,
        );
        if (E.isLeft(page)) return page;
        const events = page.right ?? [];
        for (const event of events) {
          const logged = fromServerEvent(event);
          if (E.isLeft(logged)) return E.right({ ok: false, problem: logged.left });
          rows.push(logged.right.row);
        }
        if (events.length < ESDB_READ_ALL.maxCount) break;
        from = (events[events.length - 1] as ClientRecordedEvent).revision + 1n;
      }
      return E.right(
        await verifyLog(
          withVerifyProgress(rows, BigInt(rows.length), options.onProgress),
          options.checkpoint === undefined ? {} : { checkpoint: options.checkpoint },
        ),
      );
    },

    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      subscriptions.clear();
      const feed = live;
      live = undefined;
      await feed?.unsubscribe();
      await appending;
    },
  };

  const recovered = await completeTail();
  return E.isLeft(recovered) ? recovered : E.right(store);
}

/** The result of the append made of `entries` (in request order), as `findCommand` returns it. */
function resultOf(entries: ReadonlyArray<LogEntry>): AppendResult {
  const streams = new Map<string, bigint>();
  for (const { row } of entries) streams.set(row.stream, row.revision);
  return {
    streams: [...streams].map(([stream, nextExpectedRevision]) => ({
      stream,
      nextExpectedRevision,
    })),
    lastPosition: entries[entries.length - 1]?.row.position ?? 0n,
    duplicate: true,
  };
}
