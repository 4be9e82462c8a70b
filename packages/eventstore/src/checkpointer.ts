/**
 * Writing signed checkpoints of a live store, on demand and periodically, to wherever the caller
 * keeps them (a {@link CheckpointSink}: a file, a directory, another database).
 *
 * The checkpointer keeps the Merkle tree's compact range ({@link MerkleFrontier}) in memory and
 * extends it with the events appended since its last look, read through `readAll` a page at a
 * time, so a checkpoint costs one leaf hash per new event plus a few node hashes — never a walk of
 * the whole log — and appends pay nothing while it waits. It works on every store of the port. The signing key is the caller's and is never written anywhere.
 *
 * @see docs/reference/domain.md rule 13
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { signCheckpoint, type CheckpointSigner, type SignedCheckpoint } from './checkpoint.js';
import type { CorruptEvent, StoreUnavailable } from './errors.js';
import { EMPTY_FRONTIER, extendFrontier, frontierRoot, type MerkleFrontier } from './merkle.js';
import type { EventStore } from './port.js';

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
  let signedSize = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setInterval> | undefined;

  /** Runs `task` after every task queued before it, so the frontier has one writer. */
  const serially = <A>(task: () => Promise<A>): Promise<A> => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };

  const sign = async (): Promise<SignedCheckpoint> => {
    const signed = signCheckpoint(
      { origin, size: BigInt(frontier.size), rootHash: frontierRoot(frontier) },
      signer,
    );
    await sink.write(signed);
    signedSize = frontier.size;
    return signed;
  };

  /** Extends the frontier with every event after it, a page at a time. */
  const catchUp = async (): Promise<E.Either<StoreUnavailable | CorruptEvent, void>> => {
    for (;;) {
      const page = await store.readAll({ after: BigInt(frontier.size) });
      if (E.isLeft(page)) return page;
      if (page.right.length === 0) return E.right(undefined);
      frontier = extendFrontier(
        frontier,
        page.right.map((event) => event.hash),
      );
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
      timer = setInterval(() => void tick().catch(() => undefined), intervalMs);
    },
    stop: async () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      await queue;
    },
  };
}
