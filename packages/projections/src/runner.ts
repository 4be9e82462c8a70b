/**
 * The projection runner: subscribes to the whole log from the read model's checkpoint, catches
 * up, then follows live, applying each event once with its checkpoint in one transaction. It can
 * also rebuild the read model from zero — a page of the log per commit, reporting progress — and
 * then follow live again.
 *
 * @see docs/reference/domain.md rule 11
 */
import * as E from 'fp-ts/Either';
import type { CorruptEvent, EventStore, StoreUnavailable, Subscription } from '@mandate/eventstore';
import { applyBatch, applyOnce, type CheckpointedModel } from './checkpoint.js';
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
}

/** A running projection. */
export interface ProjectionRunner {
  /** Resolves once every event committed before the call has been applied; rejects after a failure. */
  readonly waitUntilCaughtUp: () => Promise<void>;
  /** Stops following the log; resolves when no event will be applied any more. */
  readonly stop: () => Promise<void>;
  /**
   * Empties the read model, applies the whole log from zero, then follows live again; a store
   * failure stops the rebuild part-way (follow again with another rebuild).
   */
  readonly rebuild: (
    options?: RebuildOptions,
  ) => Promise<E.Either<StoreUnavailable | CorruptEvent, RebuildProgress>>;
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
 * position reached and the events read; a failing event rejects (its page left unapplied).
 */
export async function catchUp<Model>(
  { store, projection, target }: Omit<ProjectionRunnerOptions<Model>, 'onError'>,
  { onProgress, pageSize = DEFAULT_PAGE_SIZE, signal }: CatchUpOptions = {},
): Promise<E.Either<StoreUnavailable | CorruptEvent, RebuildProgress>> {
  let events = 0;
  while (signal?.aborted !== true) {
    const page = await store.readAll({ after: target.checkpoint(), maxCount: pageSize });
    if (E.isLeft(page)) return page;
    if (page.right.length === 0) break;
    await applyBatch(target, projection, page.right);
    events += page.right.length;
    onProgress?.({ position: target.checkpoint(), events });
  }
  return E.right({ position: target.checkpoint(), events });
}

/** Starts a projection: catches up from its checkpoint, then follows live. */
export function startProjection<Model>(options: ProjectionRunnerOptions<Model>): ProjectionRunner {
  const { store, projection, target, onError } = options;
  const follow = (): Subscription =>
    store.subscribe({
      after: target.checkpoint(),
      onEvent: async (event) => {
        await applyOnce(target, projection, event);
      },
      ...(onError === undefined ? {} : { onError }),
    });
  let subscription: Subscription | undefined = follow();

  async function rebuild(
    rebuildOptions: RebuildOptions = {},
  ): Promise<E.Either<StoreUnavailable | CorruptEvent, RebuildProgress>> {
    await subscription?.stop();
    subscription = undefined;
    await target.reset();
    const built = await catchUp({ store, projection, target }, rebuildOptions);
    if (E.isRight(built)) subscription = follow();
    return built;
  }

  return {
    waitUntilCaughtUp: () => subscription?.waitUntilCaughtUp() ?? Promise.resolve(),
    stop: async () => {
      await subscription?.stop();
      subscription = undefined;
    },
    rebuild,
  };
}
