/**
 * The small part of an EventStoreDB/KurrentDB client the adapter uses, and how each of the two
 * clients provides it. The store imports neither client: it is typed over their shape, so an
 * application installs the one it wants (`@eventstore/db-client` 6.2 or `@kurrent/kurrentdb-client`
 * 1.3) and hands its client object to {@link eventStoreDbDriver} or {@link kurrentDbDriver} (or
 * names it to `connectEsdbDriver`, which imports it).
 *
 * The one difference the adapter cares about besides names: the Kurrent client can append to
 * several streams atomically (`multiStreamAppend`, KurrentDB ≥ 25.1); the 6.x client cannot.
 */

/** What an append expects of a stream, in the clients' spelling. */
export type ClientExpectedState = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** An event to write: binary data (the adapter stores canonical JSON text byte for byte). */
export interface ClientEventData {
  readonly id: string;
  readonly type: string;
  readonly contentType: 'application/octet-stream';
  readonly data: Uint8Array;
  /** String values only: the one shape both the old and the new append protocols carry. */
  readonly metadata: Readonly<Record<string, string>>;
}

/** An event as read back. */
export interface ClientRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

/** One stream's part of an atomic multi-stream append. */
export interface ClientStreamAppend {
  readonly streamName: string;
  readonly expectedState: ClientExpectedState;
  readonly events: ReadonlyArray<ClientEventData>;
}

/** A live subscription to `$all`, as the clients return it (an event emitter). */
export interface ClientSubscription {
  on(event: 'data', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  unsubscribe(): Promise<void>;
}

/** The operations the adapter needs, the same for both clients. */
export interface EsdbDriver {
  /** Which client this is, for the documentation of what is guaranteed. */
  readonly client: 'eventstore-db-client-6' | 'kurrentdb-client-1';
  readonly appendToStream: (
    stream: string,
    events: ReadonlyArray<ClientEventData>,
    expected: ClientExpectedState,
  ) => Promise<void>;
  /** Reads up to `maxCount` events of a stream; rejects with the client's "stream not found". */
  readonly readStream: (
    stream: string,
    options: {
      readonly direction: 'forwards' | 'backwards';
      readonly fromRevision: bigint | 'start' | 'end';
      readonly maxCount: number;
    },
  ) => Promise<ReadonlyArray<ClientRecordedEvent>>;
  /**
   * Live events of `$all` whose stream name starts with a prefix, filtered on the server; `onCheckpoint`
   * is called at each of the filter's checkpoints.
   */
  readonly subscribeToAllLive: (
    streamPrefix: string,
    onCheckpoint: () => void,
  ) => ClientSubscription;
  /** Appends to several streams atomically, when the client and the server can. */
  readonly multiStreamAppend?: (requests: ReadonlyArray<ClientStreamAppend>) => Promise<void>;
  /** Whether the server offers {@link EsdbDriver.multiStreamAppend} (asked once, then cached). */
  readonly supportsMultiStreamAppend: () => Promise<boolean>;
}

// ---------------------------------------------------------------------------------------------
// The clients' shapes
// ---------------------------------------------------------------------------------------------

interface ResolvedEvent {
  readonly event?: ClientRecordedEvent;
}

interface CommonClient {
  readStream(
    stream: string,
    options: {
      direction: 'forwards' | 'backwards';
      fromRevision: bigint | 'start' | 'end';
      maxCount: number;
    },
  ): AsyncIterable<ResolvedEvent>;
  subscribeToAll(options: {
    fromPosition: 'end';
    filter: {
      filterOn: 'streamName';
      prefixes: string[];
      checkpointInterval: number;
      checkpointReached: () => Promise<void>;
    };
  }): ClientSubscription;
}

/** The part of `EventStoreDBClient` (`@eventstore/db-client` 6.2) the adapter uses. */
export interface EventStoreDbClientShape extends CommonClient {
  appendToStream(
    stream: string,
    events: ClientEventData[],
    options: { expectedRevision: ClientExpectedState },
  ): Promise<unknown>;
}

/** The part of `KurrentDBClient` (`@kurrent/kurrentdb-client` 1.3) the adapter uses. */
export interface KurrentDbClientShape extends CommonClient {
  appendToStream(
    stream: string,
    events: ClientEventData[],
    options: { streamState: ClientExpectedState },
  ): Promise<unknown>;
  multiStreamAppend(
    requests: Array<{
      streamName: string;
      expectedState: ClientExpectedState;
      events: ClientEventData[];
    }>,
  ): Promise<unknown>;
}

/** How often a live filtered subscription reports a checkpoint, in filter windows. */
const CHECKPOINT_INTERVAL = 1;

const readAll = async (events: AsyncIterable<ResolvedEvent>) => {
  const read: ClientRecordedEvent[] = [];
  for await (const resolved of events) if (resolved.event !== undefined) read.push(resolved.event);
  return read;
};

const common = (client: CommonClient) => ({
  readStream: (stream: string, options: Parameters<EsdbDriver['readStream']>[1]) =>
    readAll(client.readStream(stream, { ...options })),
  subscribeToAllLive: (streamPrefix: string, onCheckpoint: () => void) =>
    client.subscribeToAll({
      fromPosition: 'end',
      filter: {
        filterOn: 'streamName',
        prefixes: [streamPrefix],
        checkpointInterval: CHECKPOINT_INTERVAL,
        checkpointReached: async () => onCheckpoint(),
      },
    }),
});

/** The driver over an `@eventstore/db-client` 6.2 client: no atomic multi-stream append. */
export const eventStoreDbDriver = (client: EventStoreDbClientShape): EsdbDriver => ({
  client: 'eventstore-db-client-6',
  appendToStream: async (stream, events, expected) => {
    await client.appendToStream(stream, [...events], { expectedRevision: expected });
  },
  ...common(client),
  supportsMultiStreamAppend: async () => false,
});

/** True when a client error says the server lacks a feature (KurrentDB < 25.1). */
const isUnsupported = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { type?: unknown }).type === 'unsupported';

/**
 * The driver over a `@kurrent/kurrentdb-client` 1.3 client: atomic multi-stream append when the
 * server offers it (KurrentDB ≥ 25.1), found out by asking once.
 */
export function kurrentDbDriver(client: KurrentDbClientShape): EsdbDriver {
  let supported: Promise<boolean> | undefined;
  const multiStreamAppend = async (requests: ReadonlyArray<ClientStreamAppend>) => {
    await client.multiStreamAppend(requests.map((r) => ({ ...r, events: [...r.events] })));
  };
  return {
    client: 'kurrentdb-client-1',
    appendToStream: async (stream, events, expected) => {
      await client.appendToStream(stream, [...events], { streamState: expected });
    },
    ...common(client),
    multiStreamAppend,
    supportsMultiStreamAppend: () => {
      // An empty request: refused by the client with "unsupported" before any write when the
      // server does not advertise the method, otherwise refused by the server or a no-op.
      supported ??= multiStreamAppend([]).then(
        () => true,
        (error: unknown) => !isUnsupported(error),
      );
      return supported;
    },
  };
}
