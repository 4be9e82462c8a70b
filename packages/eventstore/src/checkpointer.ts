/**
 * Writing signed checkpoints of a live store, on demand and periodically, to wherever the caller
 * keeps them (a {@link CheckpointSink}: a file, a directory, another database).
 *
 * The checkpointer keeps the Merkle tree's compact range ({@link MerkleFrontier}) and the scope
 * index (stream heads, instrument tallies) in memory and extends them one event at a time, so a
 * checkpoint costs one leaf hash and about one node hash per new event — never a walk of the whole
 * log. While started, it takes the events this store object appends straight from the append
 * (`onAppended`, when the store has it) instead of reading them back; every `intervalMs` it reads
 * whatever else the log holds past its tree (events of other processes, or all of them on a store
 * without `onAppended`) through `readAll`. Events are taken strictly in position order, so the two
 * paths never double or skip one. The signing key is the caller's and is never written anywhere.
 *
 * @see docs/reference/domain.md rule 13
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { signCheckpoint, type CheckpointSigner, type SignedCheckpoint } from './checkpoint.js';
import type { CorruptEvent, StoreUnavailable } from './errors.js';
import { EMPTY_FRONTIER, extendFrontier, frontierRoot, type MerkleFrontier } from './merkle.js';
import type { EventStore, StoredEvent } from './port.js';
import { ScopeIndex } from './scope-index.js';

/** Where signed checkpoints are kept, outside the store's reach. */
export interface CheckpointSink {
  /** Keeps a new checkpoint. */
  readonly write: (checkpoint: SignedCheckpoint) => Promise<void>;
  /** The note of the latest checkpoint kept, if any. */
  readonly latest: () => Promise<string | undefined>;
}

const writeAtomically = async (file: string, text: string): Promise<void> => {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, file);
};

const readIfPresent = async (file: string): Promise<string | undefined> => {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { readonly code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
};

/** A sink keeping only the latest checkpoint, replaced atomically, in one file. */
export const fileCheckpointSink = (file: string): CheckpointSink => ({
  write: ({ note }) => writeAtomically(file, note),
  latest: () => readIfPresent(file),
});

/** A sink keeping every checkpoint as `<size>.checkpoint` in a directory, and `latest` beside. */
export const directoryCheckpointSink = (directory: string): CheckpointSink => ({
  write: async ({ checkpoint, note }) => {
    await mkdir(directory, { recursive: true });
    await writeAtomically(join(directory, `${checkpoint.size}.checkpoint`), note);
    await writeAtomically(join(directory, 'latest'), note);
  },
  latest: () => readIfPresent(join(directory, 'latest')),
});

/** Options of {@link createCheckpointer}. */
export interface CheckpointerOptions {
  readonly store: EventStore;
  /** The log's name in its checkpoints, e.g. `example.gov.vn/mandate`. */
  readonly origin: string;
  readonly signer: CheckpointSigner;
  readonly sink: CheckpointSink;
  /** While started, write a checkpoint once at least this many events are new (default 1,000). */
  readonly everyEvents?: number;
  /** While started, how often to look for new events, in ms (default 1,000). */
  readonly intervalMs?: number;
}

/** Writes signed checkpoints of one store. */
export interface Checkpointer {
  /** Signs and keeps a checkpoint of the log as it is now. */
  readonly checkpoint: () => Promise<E.Either<StoreUnavailable | CorruptEvent, SignedCheckpoint>>;
  /** Looks every `intervalMs`, writing a checkpoint once `everyEvents` are new, until stopped. */
  readonly start: () => void;
  /** Stops following; resolves once no checkpoint is being written. */
  readonly stop: () => Promise<void>;
}

/** Creates a checkpointer for `options.store`, starting from the empty tree. */
export function createCheckpointer(options: CheckpointerOptions): Checkpointer {
  const { store, origin, signer, sink } = options;
  const every = options.everyEvents ?? 1_000;
  if (!Number.isSafeInteger(every) || every < 1) {
    throw new RangeError('everyEvents must be a whole number from 1');
  }
  const intervalMs = options.intervalMs ?? 1_000;
  if (!Number.isSafeInteger(intervalMs) || intervalMs < 1) {
    throw new RangeError('intervalMs must be a whole number from 1');
  }
  let frontier: MerkleFrontier = EMPTY_FRONTIER;
  const index = new ScopeIndex();
  /** Announced batches that came before the tree reached them, by first position. */
  const waiting = new Map<bigint, ReadonlyArray<StoredEvent>>();
  let signedSize = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setInterval> | undefined;
  let unlisten: (() => void) | undefined;

  /** Runs `task` after every task queued before it, so that signing has one writer. */
  const serially = <A>(task: () => Promise<A>): Promise<A> => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };

  /**
   * Extends the tree and the index with the events that continue them, skipping those already in;
   * returns false at a gap (an event past the next position), taking nothing from there on.
   */
  const take = (events: ReadonlyArray<StoredEvent>): boolean => {
    const hashes: string[] = [];
    let next = BigInt(frontier.size) + 1n;
    let contiguous = true;
    for (const event of events) {
      if (event.position < next) continue;
      if (event.position > next) {
        contiguous = false;
        break;
      }
      hashes.push(event.hash);
      index.add(event);
      next += 1n;
    }
    if (hashes.length > 0) frontier = extendFrontier(frontier, hashes);
    return contiguous;
  };

  /** Takes every waiting batch the tree has reached, and drops those it has passed. */
  const drain = (): void => {
    for (let progressed = true; progressed && waiting.size > 0;) {
      progressed = false;
      for (const [first, events] of waiting) {
        const last = events.at(-1)?.position ?? first;
        if (last <= BigInt(frontier.size)) waiting.delete(first);
        else if (first <= BigInt(frontier.size) + 1n) {
          waiting.delete(first);
          take(events);
          progressed = true;
        }
      }
    }
  };

  /** An append of this store object, just committed: taken now, or kept until the tree gets there. */
  const appended = (events: ReadonlyArray<StoredEvent>): void => {
    const first = events[0]?.position;
    if (first === undefined) return;
    if (first <= BigInt(frontier.size) + 1n) take(events);
    else waiting.set(first, events);
    drain();
  };

  const sign = async (): Promise<SignedCheckpoint> => {
    // Appends may extend the tree while the sink writes: remember the size signed.
    const size = frontier.size;
    const signed = signCheckpoint(
      {
        origin,
        size: BigInt(size),
        rootHash: frontierRoot(frontier),
        scopes: index.roots(),
      },
      signer,
    );
    await sink.write(signed);
    signedSize = size;
    return signed;
  };

  /** Takes every event of the log past the tree, a page at a time. */
  const catchUp = async (): Promise<E.Either<StoreUnavailable | CorruptEvent, void>> => {
    for (;;) {
      drain();
      const page = await store.readAll({ after: BigInt(frontier.size) });
      if (E.isLeft(page)) return page;
      if (page.right.length === 0) return E.right(undefined);
      take(page.right);
    }
  };

  const checkpoint = () =>
    serially(async () => {
      const caught = await catchUp();
      return E.isLeft(caught) ? caught : E.right(await sign());
    });

  /** One periodic look: catch up, and sign once enough events are new; failures wait a tick. */
  const tick = () =>
    serially(async () => {
      const caught = await catchUp();
      if (E.isRight(caught) && frontier.size - signedSize >= every) await sign();
    });

  return {
    checkpoint,
    start: () => {
      if (timer !== undefined) return;
      unlisten = store.onAppended?.(appended);
      timer = setInterval(() => void tick().catch(() => undefined), intervalMs);
    },
    stop: async () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      unlisten?.();
      unlisten = undefined;
      waiting.clear();
      await queue;
    },
  };
}
