/**
 * The projection runner: subscribes to the whole log from the read model's checkpoint, catches
 * up, then follows live, applying each event once with its checkpoint in one transaction. It can
 * also rebuild the read model from zero — a page of the log per commit, reporting progress — and
 * then follow live again. Before either it checks that the store holds the event the read model
 * applied last, and refuses (a typed error) when it does not; a stored event that does not decode
 * stops it with the port's `CorruptEvent`.
 *
 * @see docs/reference/domain.md rule 11
 */
import * as E from 'fp-ts/Either';
import type { CorruptEvent, EventStore, StoreUnavailable, Subscription } from '@mandate/eventstore';
import {
  applyBatch,
  applyOnce,
  verifyCheckpoint,
  type CheckpointAhead,
  type CheckpointMismatch,
  type CheckpointedModel,
} from './checkpoint.js';
import { asCorruptEvent } from './decode.js';
import type { Projection } from './projection.js';

/** Progress of a rebuild: the position reached and how many events were read so far. */
export interface RebuildProgress {
  readonly position: bigint;
  readonly events: number;
}

/** Events per page of a catch-up or rebuild, unless told otherwise. */
const DEFAULT_PAGE_SIZE = 200;

/** Options of a rebuild. */
export interface RebuildOptions {
  /** Called after each page of the log has been applied. */
  readonly onProgress?: (progress: RebuildProgress) => void;
  /**
   * Events read per page, and applied per commit (default 200): larger pages save commits but keep
   * more of what a page derives alive at once, which grows the heap.
   */
  readonly pageSize?: number;
}

/** Options of a catch-up: those of a rebuild, and a signal that stops it between two pages. */
export interface CatchUpOptions extends RebuildOptions {
  readonly signal?: AbortSignal;
  /**
   * When the model has applied nothing yet (checkpoint 0), build it as a rebuild does: tell it
   * `rebuilding` before the first page and `rebuilt` however the catch-up ends, so that it may
   * defer what only its queries use (a SQLite model then builds a whole log about twice as fast).
   * Only for a model that nothing else reads or writes until the catch-up ends.
   */
  readonly buildFromZero?: boolean;
}

/** Why a catch-up or a rebuild stopped short. */
export type CatchUpError = StoreUnavailable | CorruptEvent | CheckpointAhead | CheckpointMismatch;

/** A running projection. */
export interface ProjectionRunner {
  /**
   * Resolves once every event committed before the call has been applied; rejects after a failure
   * (with the {@link CatchUpError} when the checkpoint is not in the store).
   */
  readonly waitUntilCaughtUp: () => Promise<void>;
  /** Stops following the log; resolves when no event will be applied any more. */
  readonly stop: () => Promise<void>;
  /**
   * Empties the read model, applies the whole log from zero, then follows live again; a store
   * failure stops the rebuild part-way (follow again with another rebuild).
   */
  readonly rebuild: (options?: RebuildOptions) => Promise<E.Either<CatchUpError, RebuildProgress>>;
}

/** What a runner needs: the store to follow, the projection, and its checkpointed read model. */
export interface ProjectionRunnerOptions<Model> {
  readonly store: EventStore;
  readonly projection: Projection<Model>;
  readonly target: CheckpointedModel<Model>;
  /** Called when following the log stops on an error. */
  readonly onError?: (error: unknown) => void;
}

/**
 * Applies the log from the target's checkpoint to its end, one commit per page, reporting
 * progress after each; stops early (between pages) when `signal` is aborted. Resolves to the
 * position reached and the events read; refuses, changing nothing, when the store does not hold
 * the target's checkpoint; a corrupt event resolves to its `CorruptEvent` (its page left
 * unapplied), and any other failing event rejects.
 */
export async function catchUp<Model>(
  { store, projection, target }: Omit<ProjectionRunnerOptions<Model>, 'onError'>,
  { buildFromZero = false, ...options }: CatchUpOptions = {},
): Promise<E.Either<CatchUpError, RebuildProgress>> {
  const verified = await verifyCheckpoint(store, target);
  if (E.isLeft(verified)) return verified;
  if (!buildFromZero || target.checkpoint() > 0n)
    return applyPages({ store, projection, target }, options);
  await target.rebuilding?.();
  try {
    return await applyPages({ store, projection, target }, options);
  } finally {
    await target.rebuilt?.();
  }
}

/** Applies the log from the target's checkpoint to its end, one commit per page (see {@link catchUp}). */
async function applyPages<Model>(
  { store, projection, target }: Omit<ProjectionRunnerOptions<Model>, 'onError'>,
  { onProgress, pageSize = DEFAULT_PAGE_SIZE, signal }: Omit<CatchUpOptions, 'buildFromZero'>,
): Promise<E.Either<CatchUpError, RebuildProgress>> {
  let events = 0;
  while (signal?.aborted !== true) {
    const page = await store.readAll({ after: target.checkpoint(), maxCount: pageSize });
    if (E.isLeft(page)) return page;
    if (page.right.length === 0) break;
    try {
      await applyBatch(target, projection, page.right);
    } catch (failure) {
      const corrupt = asCorruptEvent(failure);
      if (corrupt === undefined) throw failure;
      return E.left(corrupt);
    }
    events += page.right.length;
    onProgress?.({ position: target.checkpoint(), events });
  }
  return E.right({ position: target.checkpoint(), events });
}

/**
 * Starts a projection: checks that the store holds its checkpoint, then catches up from it and
 * follows live. When the check fails nothing is applied: `onError` gets the error and
 * `waitUntilCaughtUp` rejects with it until a rebuild.
 */
export function startProjection<Model>(options: ProjectionRunnerOptions<Model>): ProjectionRunner {
  const { store, projection, target, onError } = options;
  const corruptOrAsThrown = (error: unknown): unknown => asCorruptEvent(error) ?? error;
  const follow = (): Subscription =>
    store.subscribe({
      after: target.checkpoint(),
      onEvent: async (event) => {
        await applyOnce(target, projection, event);
      },
      ...(onError === undefined ? {} : { onError: (error) => onError(corruptOrAsThrown(error)) }),
    });
  let subscription: Subscription | undefined;
  let refused: { readonly error: unknown } | undefined;
  let stopped = false;
  const refuse = (error: unknown): void => {
    refused = { error };
    try {
      onError?.(error);
    } catch {
      // As in the subscription: the error handler's own failure has nowhere further to go.
    }
  };
  const started = verifyCheckpoint(store, target).then((verified) => {
    if (E.isLeft(verified)) refuse(verified.left);
    else if (!stopped) subscription = follow();
  }, refuse);

  async function rebuild(
    rebuildOptions: RebuildOptions = {},
  ): Promise<E.Either<CatchUpError, RebuildProgress>> {
    await started;
    await subscription?.stop();
    subscription = undefined;
    await target.reset();
    refused = undefined;
    stopped = false;
    const built = await catchUp(
      { store, projection, target },
      { ...rebuildOptions, buildFromZero: true },
    );
    if (E.isRight(built)) subscription = follow();
    return built;
  }

  return {
    waitUntilCaughtUp: async () => {
      await started;
      if (refused !== undefined) throw refused.error;
      try {
        await subscription?.waitUntilCaughtUp();
      } catch (error) {
        throw corruptOrAsThrown(error);
      }
    },
    stop: async () => {
      stopped = true;
      await started;
      await subscription?.stop();
      subscription = undefined;
    },
    rebuild,
  };
}
