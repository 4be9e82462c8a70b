/**
 * Checkpoints: a read model remembers the global position of the last event it applied, and
 * applying events and moving the checkpoint happen in one transaction. So a crash never applies
 * an event twice or loses one, and an event delivered again at or below the checkpoint changes
 * nothing (idempotence). A commit may be asynchronous (a database across a connection), and may
 * carry many events at once (a rebuild applies a whole page of the log per commit).
 *
 * @see docs/reference/domain.md rule 11
 */
import type { StoredEvent } from '@mandate/eventstore';
import { handles, type Projection } from './projection.js';

/** A read model that keeps its checkpoint with it and writes both atomically. */
export interface CheckpointedModel<Model> {
  /** The position of the last event applied, 0 when none (kept by the model, so synchronous). */
  readonly checkpoint: () => bigint;
  /**
   * Runs `write` on the model and sets the checkpoint to `position` in one transaction: when
   * `write` throws or the storage fails, nothing of it remains and the error is rethrown.
   */
  readonly commit: (position: bigint, write: (model: Model) => void) => void | Promise<void>;
  /** Empties the model and sets its checkpoint back to 0 (before a rebuild). */
  readonly reset: () => void | Promise<void>;
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
  let position = target.checkpoint();
  const fresh: StoredEvent[] = [];
  for (const event of events) {
    if (event.position <= position) continue;
    fresh.push(event);
    position = event.position;
  }
  if (fresh.length === 0) return 0;
  await target.commit(position, (model) => {
    for (const event of fresh)
      if (handles(projection as Projection<never>, event)) projection.apply(model, event);
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
