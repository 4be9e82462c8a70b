/**
 * Test fixtures around an event store: wrappers that intercept appends or command look-ups (to
 * inject a concurrent change at a chosen moment), that record reads, and helpers to read the
 * whole log and to expect outcomes.
 */
import * as E from 'fp-ts/Either';
import { instantOf, type CommandId } from '@mandate/core';
import {
  createInMemoryEventStore,
  type AppendRequest,
  type EventStore,
  type ReadStreamOptions,
  type StoredEvent,
  type StreamName,
} from '@mandate/eventstore';
import { recordingsOf, type CitingCommand } from './commands.fixture.js';
import type { CommandHandler, CommandResult } from './handle.js';
import type { CommandAccepted, CommandFailure } from './result.js';

/** A store whose appends, stream reads and command look-ups first run the given hooks. */
export function intercepted(
  store: EventStore,
  hooks: {
    readonly beforeAppend?: (request: AppendRequest, call: number) => Promise<void>;
    readonly beforeReadStream?: (stream: StreamName, call: number) => Promise<void>;
    readonly beforeFindCommand?: (commandId: CommandId, call: number) => Promise<void>;
  },
): EventStore {
  let appends = 0;
  let reads = 0;
  let finds = 0;
  return {
    ...store,
    readStream: async (stream, options) => {
      await hooks.beforeReadStream?.(stream, ++reads);
      return store.readStream(stream, options);
    },
    append: async (request) => {
      await hooks.beforeAppend?.(request, ++appends);
      return store.append(request);
    },
    findCommand: async (commandId) => {
      await hooks.beforeFindCommand?.(commandId, ++finds);
      return store.findCommand(commandId);
    },
  };
}

/** A store that records every `readStream` call. */
export function recordingReads(store: EventStore): {
  readonly store: EventStore;
  readonly reads: ReadonlyArray<{
    readonly stream: StreamName;
    readonly options?: ReadStreamOptions;
  }>;
} {
  const reads: Array<{ stream: StreamName; options?: ReadStreamOptions }> = [];
  return {
    reads,
    store: {
      ...store,
      readStream: (stream, options) => {
        reads.push(options === undefined ? { stream } : { stream, options });
        return store.readStream(stream, options);
      },
    },
  };
}

/** A fresh in-memory store with a fixed clock. */
export const memoryStore = (): EventStore =>
  createInMemoryEventStore({ clock: () => instantOf(Date.UTC(2019, 6, 1, 3)) });

/** Every event of the log, in position order. */
export async function wholeLog(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: events.at(-1)?.position ?? 0n });
    if (E.isLeft(page)) throw new Error(`readAll failed: ${page.left.message}`);
    if (page.right.length === 0) return events;
    events.push(...page.right);
  }
}

/** The events of one stream (none when it has none). */
export async function streamEvents(store: EventStore, stream: StreamName): Promise<StoredEvent[]> {
  const read = await store.readStream(stream);
  if (E.isRight(read)) return [...read.right];
  if (read.left._tag === 'StreamNotFound') return [];
  throw new Error(`readStream failed: ${read.left.message}`);
}

/** The accepted outcome of a result that must be accepted, or a thrown test failure. */
export function acceptedOf(result: CommandResult): CommandAccepted {
  if (E.isLeft(result))
    throw new Error(`Expected acceptance, got ${result.left._tag}: ${result.left.message}`);
  return result.right;
}

/** The failure of a result that must fail, or a thrown test failure. */
export function failureOf(result: CommandResult): CommandFailure {
  if (E.isRight(result))
    throw new Error(`Expected a failure, got ${JSON.stringify(result.right, bigints)}`);
  return result.left;
}

/** A JSON replacer writing bigints as strings. */
export const bigints = (_key: string, value: unknown): unknown =>
  typeof value === 'bigint' ? String(value) : value;

/** Deterministic event ids: `event-1`, `event-2`, ... */
export function sequentialIds(prefix = 'event'): () => string {
  let next = 0;
  return () => `${prefix}-${++next}`;
}

/** Records, through `handler`, every instrument `commands` cite (the registry is mandatory). */
export async function recordCited(
  handler: CommandHandler,
  ...commands: ReadonlyArray<CitingCommand>
): Promise<void> {
  for (const recording of recordingsOf(...commands)) acceptedOf(await handler.handle(recording));
}
