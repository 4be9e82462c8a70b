/**
 * The test server's storage, in memory: streams of records and the `$all` log, with the append
 * semantics of EventStoreDB/KurrentDB that the adapter relies on — expected revision any,
 * no-stream, stream-exists or exact; idempotent retries by event id; soft-deleted and tombstoned
 * streams; `$all` positions that are ordered but opaque (they do not count from 1); system
 * events (`$`-prefixed types and streams) that filtered reads skip.
 *
 * A test fixture, never shipped: it knows nothing of Mandate.
 */

/** A stored record, as the server keeps it. */
export interface StoredRecord {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** .NET ticks (100 ns since 0001-01-01), as the server stamps `created`. */
  readonly created: bigint;
  /** The `$all` position: ordered, with gaps, not from 1. */
  readonly position: bigint;
}

/** A record proposed by an append. */
export interface ProposedRecord {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

/** What an append expects of the stream: any, no-stream, stream-exists or an exact revision. */
export type Expected = 'any' | 'no-stream' | 'stream-exists' | bigint;

/** The outcome of one stream's append check. */
export type AppendOutcome =
  | { readonly kind: 'ok'; readonly revision: bigint; readonly position: bigint }
  | { readonly kind: 'wrong-expected-version'; readonly current: bigint | 'no-stream' }
  | { readonly kind: 'deleted' };

/** One stream's part of an atomic multi-stream append. */
export interface StreamWrite {
  readonly stream: string;
  readonly expected: Expected;
  readonly records: ReadonlyArray<ProposedRecord>;
}

interface StreamState {
  readonly records: StoredRecord[];
  /** Revisions below this were soft-deleted: reads do not see them. */
  truncateBefore: bigint;
  tombstoned: boolean;
}

/** The first `$all` position and the step between records: opaque, ordered, never 1, 2, 3. */
const FIRST_POSITION = 4_096n;
const POSITION_STEP = 173n;
const TICKS_AT_EPOCH = 621_355_968_000_000_000n;

/** The in-memory database of the test server. */
export class Database {
  private readonly streams = new Map<string, StreamState>();
  private readonly all: StoredRecord[] = [];
  private readonly listeners = new Set<(record: StoredRecord) => void>();

  constructor() {
    // A system event, as a real server writes on start-up: filtered reads must skip it.
    this.write('$settings', [
      {
        id: '00000000-0000-4000-8000-000000000001',
        type: '$metadata',
        contentType: 'application/json',
        data: new TextEncoder().encode('{}'),
        customMetadata: new Uint8Array(),
      },
    ]);
  }

  /** The `$all` log in position order. */
  log(): ReadonlyArray<StoredRecord> {
    return this.all;
  }

  /**
   * Up to `limit` visible records of a stream from revision `from` (`'start'`/`'end'` when not
   * given), in the direction asked; `undefined` when it has none.
   */
  read(
    stream: string,
    direction: 'forwards' | 'backwards',
    from: bigint | 'start' | 'end',
    limit: number,
  ): ReadonlyArray<StoredRecord> | 'deleted' | undefined {
    const state = this.streams.get(stream);
    if (state === undefined) return undefined;
    if (state.tombstoned) return 'deleted';
    const { records } = state;
    const first = Number(state.truncateBefore);
    if (records.length <= first) return undefined;
    // Revision r is at index r: a stream's records are never removed, only hidden.
    if (direction === 'forwards') {
      const begin =
        from === 'start' ? first : from === 'end' ? records.length : Math.max(first, Number(from));
      return records.slice(begin, begin + limit);
    }
    const last =
      from === 'end'
        ? records.length - 1
        : from === 'start'
          ? first - 1
          : Math.min(records.length - 1, Number(from));
    return records.slice(Math.max(first, last - limit + 1), last + 1).reverse();
  }

  /** Calls `listener` with every record committed from now on; returns the unsubscriber. */
  listen(listener: (record: StoredRecord) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Appends to one stream, as the `Append` and `BatchAppend` RPCs do. */
  append(
    stream: string,
    expected: Expected,
    records: ReadonlyArray<ProposedRecord>,
  ): AppendOutcome {
    const outcome = this.check(stream, expected, records);
    if (outcome !== 'write') return outcome;
    return this.write(stream, records);
  }

  /**
   * Appends to several streams atomically, as KurrentDB 25.1's `AppendSession`: either every
   * stream's expectation holds and all are written, or nothing is.
   */
  appendAtomically(
    writes: ReadonlyArray<StreamWrite>,
  ): { readonly stream: string; readonly outcome: AppendOutcome } | ReadonlyArray<AppendOutcome> {
    for (const write of writes) {
      const outcome = this.check(write.stream, write.expected, write.records);
      if (outcome === 'write') continue;
      if (outcome.kind !== 'ok') return { stream: write.stream, outcome };
    }
    return writes.map((write) => this.append(write.stream, write.expected, write.records));
  }

  /** Soft-deletes a stream: reads no longer see its records; appending later continues it. */
  delete(stream: string): AppendOutcome {
    const state = this.streams.get(stream);
    if (state?.tombstoned === true) return { kind: 'deleted' };
    const last = state?.records[state.records.length - 1];
    if (state === undefined || last === undefined) {
      return { kind: 'wrong-expected-version', current: 'no-stream' };
    }
    state.truncateBefore = last.revision + 1n;
    return { kind: 'ok', revision: last.revision, position: last.position };
  }

  /** Tombstones a stream: it can never be read or written again. */
  tombstone(stream: string): void {
    const state = this.streams.get(stream) ?? this.newStream(stream);
    state.tombstoned = true;
  }

  private newStream(stream: string): StreamState {
    const state: StreamState = { records: [], truncateBefore: 0n, tombstoned: false };
    this.streams.set(stream, state);
    return state;
  }

  /** The current revision as appends see it (soft-deleted streams count as empty). */
  private current(state: StreamState | undefined): bigint | 'no-stream' {
    const last = state?.records[state.records.length - 1];
    if (state === undefined || last === undefined || last.revision < state.truncateBefore) {
      return 'no-stream';
    }
    return last.revision;
  }

  /** 'write' when the append goes ahead; otherwise its outcome (an idempotent retry is 'ok'). */
  private check(
    stream: string,
    expected: Expected,
    records: ReadonlyArray<ProposedRecord>,
  ): AppendOutcome | 'write' {
    const state = this.streams.get(stream);
    if (state?.tombstoned === true) return { kind: 'deleted' };
    const retried = state === undefined ? undefined : this.retried(state, expected, records);
    if (retried !== undefined) return retried;
    const current = this.current(state);
    const holds =
      expected === 'any' ||
      (expected === 'no-stream' && current === 'no-stream') ||
      (expected === 'stream-exists' && current !== 'no-stream') ||
      (typeof expected === 'bigint' && expected === current);
    return holds ? 'write' : { kind: 'wrong-expected-version', current };
  }

  /** The outcome of a retry whose records are already stored in order where it expected them. */
  private retried(
    state: StreamState,
    expected: Expected,
    records: ReadonlyArray<ProposedRecord>,
  ): AppendOutcome | undefined {
    const first = records[0];
    if (first === undefined) return undefined;
    const start =
      typeof expected === 'bigint'
        ? Number(expected + 1n)
        : expected === 'no-stream'
          ? Number(state.truncateBefore)
          : state.records.findIndex((r) => r.id === first.id);
    if (start < 0 || start + records.length > state.records.length) return undefined;
    const same = records.every((record, i) => state.records[start + i]?.id === record.id);
    const last = state.records[start + records.length - 1];
    return same && last !== undefined
      ? { kind: 'ok', revision: last.revision, position: last.position }
      : undefined;
  }

  private write(stream: string, records: ReadonlyArray<ProposedRecord>): AppendOutcome {
    const state = this.streams.get(stream) ?? this.newStream(stream);
    const created = BigInt(Date.now()) * 10_000n + TICKS_AT_EPOCH;
    let revision = (state.records[state.records.length - 1]?.revision ?? -1n) + 1n;
    let stored: StoredRecord | undefined;
    for (const record of records) {
      const lastPosition = this.all[this.all.length - 1]?.position;
      stored = {
        ...record,
        stream,
        revision,
        created,
        position: lastPosition === undefined ? FIRST_POSITION : lastPosition + POSITION_STEP,
      };
      state.records.push(stored);
      this.all.push(stored);
      revision += 1n;
    }
    if (stored === undefined) {
      return { kind: 'ok', revision: revision - 1n, position: this.lastPosition() };
    }
    for (const record of state.records.slice(-records.length)) {
      for (const listener of [...this.listeners]) listener(record);
    }
    return { kind: 'ok', revision: stored.revision, position: stored.position };
  }

  private lastPosition(): bigint {
    return this.all[this.all.length - 1]?.position ?? 0n;
  }
}

/** True for system streams and event types, which filtered `$all` reads skip. */
export const isSystem = (record: StoredRecord): boolean =>
  record.stream.startsWith('$') || record.type.startsWith('$');
