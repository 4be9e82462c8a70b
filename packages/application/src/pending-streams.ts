/**
 * A batch's view of the store: each stream as it was first read, with the events the batch has
 * decided so far on top, so a later command of the batch is decided on the states the earlier ones
 * leave. Nothing is written to the store here; the batch appends everything at the end, expecting
 * every stream where it was first read.
 *
 * @see docs/reference/domain.md rule 10
 */
import { left, right, type Either } from 'fp-ts/Either';
import { instantOf } from '@mandate/core';
import {
  streamNotFound,
  type EventStore,
  type NewEvent,
  type ReadExpectation,
  type ReadStreamOptions,
  type StoredEvent,
  type StoreUnavailable,
  type CorruptEvent,
  type StreamAppend,
  type StreamName,
  type StreamNotFound,
} from '@mandate/eventstore';
import type { StreamRevision } from './load.js';

/** One stream as the batch sees it: as first read, and what the batch adds to it. */
interface StreamView {
  readonly read: ReadonlyArray<StoredEvent>;
  /** The stream's revision when it was first read. */
  readonly base: StreamRevision;
  readonly pending: StoredEvent[];
}

/** The streams a batch has read and the events it has decided, ready to append in one go. */
export interface PendingStreams {
  /** The store as the batch sees it: reads include the events decided so far. */
  readonly store: EventStore;
  /** Adds one decided command's appends on top of the streams it read. */
  readonly add: (appends: ReadonlyArray<StreamAppend>) => void;
  /** Every stream written, expecting where it was first read, with all its decided events. */
  readonly appends: () => ReadonlyArray<StreamAppend>;
  /** Every stream read but not written, expecting where it was first read. */
  readonly expectations: () => ReadonlyArray<ReadExpectation>;
  /** The ids of the events already stored in the streams the batch writes. */
  readonly storedEventIds: () => ReadonlySet<string>;
}

type ReadFailure = StreamNotFound | StoreUnavailable | CorruptEvent;

/**
 * A pending event as a read returns it. It has no place in the log, no recorded time and no hash
 * yet (the store stamps them when the batch appends): those fields are zero and empty, and
 * loading a state reads none of them. Its data is passed through JSON, as a store returns it.
 */
const asPending = (stream: StreamName, revision: bigint, event: NewEvent): StoredEvent => ({
  ...event,
  data: JSON.parse(JSON.stringify(event.data)) as unknown,
  stream,
  revision,
  position: 0n,
  recordedAt: instantOf(0),
  previousHash: '',
  hash: '',
});

/** The events of a read with `options`, taken from the whole stream. */
function slice(
  events: ReadonlyArray<StoredEvent>,
  options: ReadStreamOptions,
): ReadonlyArray<StoredEvent> {
  const backwards = options.direction === 'backwards';
  const from = options.fromRevision;
  const selected = backwards
    ? events.filter((event) => from === undefined || event.revision <= from).reverse()
    : events.filter((event) => from === undefined || event.revision >= from);
  return options.maxCount === undefined ? selected : selected.slice(0, options.maxCount);
}

/** The revision after `events`, or where the stream was read when there are none. */
const revisionOf = (view: StreamView): StreamRevision => view.pending.at(-1)?.revision ?? view.base;

/** Creates an empty batch view over `store`. */
export function createPendingStreams(store: EventStore): PendingStreams {
  const views = new Map<StreamName, StreamView>();

  async function view(stream: StreamName): Promise<Either<ReadFailure, StreamView>> {
    const known = views.get(stream);
    if (known !== undefined) return right(known);
    const read = await store.readStream(stream);
    if (read._tag === 'Left' && read.left._tag !== 'StreamNotFound') return read;
    const events = read._tag === 'Left' ? [] : read.right;
    const created: StreamView = {
      read: events,
      base: events.at(-1)?.revision ?? 'no-stream',
      pending: [],
    };
    views.set(stream, created);
    return right(created);
  }

  const readStream: EventStore['readStream'] = async (stream, options = {}) => {
    const found = await view(stream);
    if (found._tag === 'Left') return found;
    const all = [...found.right.read, ...found.right.pending];
    return all.length === 0 ? left(streamNotFound(stream)) : right(slice(all, options));
  };

  const add = (appends: ReadonlyArray<StreamAppend>): void => {
    for (const { stream, events } of appends) {
      const known = views.get(stream);
      if (known === undefined) throw new Error(`The batch wrote to unread stream ${stream}`);
      for (const event of events) {
        const last = revisionOf(known);
        known.pending.push(asPending(stream, last === 'no-stream' ? 0n : last + 1n, event));
      }
    }
  };

  const strip = ({ eventId, type, schemaVersion, data, metadata }: StoredEvent): NewEvent => ({
    eventId,
    type,
    schemaVersion,
    data,
    metadata,
  });

  return {
    store: { ...store, readStream },
    add,
    appends: () =>
      [...views.entries()]
        .filter(([, { pending }]) => pending.length > 0)
        .map(([stream, { base, pending }]) => ({
          stream,
          expectedRevision: base,
          events: pending.map(strip),
        })),
    expectations: () =>
      [...views.entries()]
        .filter(([, { pending }]) => pending.length === 0)
        .map(([stream, { base }]) => ({ stream, expectedRevision: base })),
    storedEventIds: () =>
      new Set(
        [...views.values()]
          .filter(({ pending }) => pending.length > 0)
          .flatMap(({ read }) => read.map((event) => event.eventId)),
      ),
  };
}
