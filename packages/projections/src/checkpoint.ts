/**
 * Checkpoints: a read model remembers the global position of the last event it applied, and
 * applying events and moving the checkpoint happen in one transaction. So a crash never applies
 * an event twice or loses one, and an event delivered again at or below the checkpoint changes
 * nothing (idempotence). A commit may be asynchronous (a database across a connection), and may
 * carry many events at once (a rebuild applies a whole page of the log per commit).
 *
 * The checkpoint also keeps the hash of the last event applied, so a model can be checked against
 * the store it resumes from: when the store has no event at the checkpoint (a restored backup, a
 * commit lost to power loss) or a different one there, resuming would diverge silently, so it is
 * refused with a typed error instead.
 *
 * @see docs/reference/domain.md rule 11
 */
import * as E from 'fp-ts/Either';
import type { CorruptEvent, EventStore, StoreUnavailable, StoredEvent } from '@mandate/eventstore';
import type { Projection } from './projection.js';

/** A read model that keeps its checkpoint with it and writes both atomically. */
export interface CheckpointedModel<Model> {
  /** The position of the last event applied, 0 when none (kept by the model, so synchronous). */
  readonly checkpoint: () => bigint;
  /** The hash of the last event applied (`StoredEvent.hash`), empty when none. */
  readonly checkpointHash: () => string;
  /**
   * Runs `write` on the model and sets the checkpoint to `position` and `hash` (those of the last
   * event applied) in one transaction: when `write` throws or the storage fails, nothing of it
   * remains and the error is rethrown.
   */
  readonly commit: (
    position: bigint,
    hash: string,
    write: (model: Model) => void,
  ) => void | Promise<void>;
  /** Empties the model and sets its checkpoint back to 0 (before a rebuild). */
  readonly reset: () => void | Promise<void>;
  /**
   * Called after `reset` when a rebuild is about to apply the whole log: the model may stop
   * upkeeping what only its queries use (secondary indexes) until `rebuilt`.
   */
  readonly rebuilding?: () => void | Promise<void>;
  /**
   * Called once a rebuild stops, whether it applied the whole log or failed part-way: the model
   * builds what it deferred, so that its queries answer for every event applied.
   */
  readonly rebuilt?: () => void | Promise<void>;
}

/**
 * Applies, in one commit, every event above the checkpoint (in position order; others are
 * skipped) — each through the projection when it handles its type — and moves the checkpoint to
 * the last one's position. Returns how many events it applied; rejects, having applied none,
 * when one of them fails.
 */
export async function applyBatch<Model>(
  target: CheckpointedModel<Model>,
  projection: Projection<Model>,
  events: ReadonlyArray<StoredEvent>,
): Promise<number> {
  const fresh: StoredEvent[] = [];
  let last: StoredEvent | undefined;
  for (const event of events) {
    if (event.position <= (last?.position ?? target.checkpoint())) continue;
    fresh.push(event);
    last = event;
  }
  if (last === undefined) return 0;
  await target.commit(last.position, last.hash, (model) => {
    for (const event of fresh) if (projection.handles(event)) projection.apply(model, event);
  });
  return fresh.length;
}

/**
 * Applies one stored event once: skipped when at or below the checkpoint; otherwise applied (when
 * the projection handles its type) and the checkpoint moved, together. Resolves to whether it
 * applied.
 */
export async function applyOnce<Model>(
  target: CheckpointedModel<Model>,
  projection: Projection<Model>,
  event: StoredEvent,
): Promise<boolean> {
  return (await applyBatch(target, projection, [event])) === 1;
}

/** The store has no event at the model's checkpoint: its log ends before it. */
export interface CheckpointAhead {
  readonly _tag: 'CheckpointAhead';
  readonly position: bigint;
  /** The hash the model recorded for the event at `position`. */
  readonly expected: string;
  readonly message: string;
}

/** The store's event at the model's checkpoint is not the one the model applied. */
export interface CheckpointMismatch {
  readonly _tag: 'CheckpointMismatch';
  readonly position: bigint;
  /** The hash the model recorded for the event at `position`. */
  readonly expected: string;
  /** The hash of the store's event at `position`. */
  readonly actual: string;
  readonly message: string;
}

/**
 * Checks that the store holds, at the target's checkpoint, the event the target applied last (by
 * its hash); a model at 0 always matches. Resolves to a `CheckpointAhead` or `CheckpointMismatch`
 * when it does not, and changes nothing.
 */
export async function verifyCheckpoint(
  store: Pick<EventStore, 'readAll'>,
  target: Pick<CheckpointedModel<unknown>, 'checkpoint' | 'checkpointHash'>,
): Promise<E.Either<StoreUnavailable | CorruptEvent | CheckpointAhead | CheckpointMismatch, void>> {
  const position = target.checkpoint();
  if (position === 0n) return E.right(undefined);
  const expected = target.checkpointHash();
  const read = await store.readAll({ after: position - 1n, maxCount: 1 });
  if (E.isLeft(read)) return read;
  const [found] = read.right;
  if (found?.position !== position)
    return E.left({
      _tag: 'CheckpointAhead',
      position,
      expected,
      message: `The read model is at position ${position} (hash ${expected}), which the store does not hold`,
    });
  if (found.hash !== expected)
    return E.left({
      _tag: 'CheckpointMismatch',
      position,
      expected,
      actual: found.hash,
      message: `The read model applied the event ${expected} at position ${position}, but the store holds ${found.hash} there`,
    });
  return E.right(undefined);
}
