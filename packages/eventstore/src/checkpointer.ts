/**
 * Writing signed checkpoints of a live store, on demand and periodically, to wherever the caller
 * keeps them (a {@link CheckpointSink}: a file, a directory, another database).
 *
 * The checkpointer keeps the Merkle tree's compact range ({@link MerkleFrontier}) in memory and
 * extends it with the events appended since its last look, read through `readAll`, so a checkpoint
 * costs one leaf hash per new event plus a few node hashes — never a walk of the whole log. It
 * works on every store of the port. The signing key is the caller's and is never written anywhere.
 *
 * @see docs/reference/domain.md rule 13
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { signCheckpoint, type CheckpointSigner, type SignedCheckpoint } from './checkpoint.js';
import type { CorruptEvent, StoreUnavailable } from './errors.js';
import { EMPTY_FRONTIER, extendFrontier, frontierRoot, type MerkleFrontier } from './merkle.js';
import type { EventStore, Subscription } from './port.js';

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
  /** While started, write a checkpoint after every this many events (default 1,000). */
  readonly everyEvents?: number;
}

/** Writes signed checkpoints of one store. */
export interface Checkpointer {
  /** Signs and keeps a checkpoint of the log as it is now. */
  readonly checkpoint: () => Promise<E.Either<StoreUnavailable | CorruptEvent, SignedCheckpoint>>;
  /** Follows the store, writing a checkpoint every `everyEvents` events until stopped. */
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
  let frontier: MerkleFrontier = EMPTY_FRONTIER;
  let queue: Promise<unknown> = Promise.resolve();
  let subscription: Subscription | undefined;

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
    return signed;
  };

  const checkpoint = () =>
    serially(async () => {
      for (;;) {
        const page = await store.readAll({ after: BigInt(frontier.size) });
        if (E.isLeft(page)) return page;
        if (page.right.length === 0) return E.right(await sign());
        frontier = extendFrontier(
          frontier,
          page.right.map((event) => event.hash),
        );
      }
    });

  return {
    checkpoint,
    start: () => {
      if (subscription !== undefined) return;
      subscription = store.subscribe({
        after: BigInt(frontier.size),
        onEvent: (event) =>
          serially(async () => {
            if (event.position !== BigInt(frontier.size) + 1n) return;
            frontier = extendFrontier(frontier, [event.hash]);
            if (frontier.size % every === 0) await sign();
          }),
      });
    },
    stop: async () => {
      const running = subscription;
      subscription = undefined;
      await running?.stop();
      await queue;
    },
  };
}
