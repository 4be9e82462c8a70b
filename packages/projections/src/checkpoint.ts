/**
 * Checkpoints: a read model remembers the global position of the last event it applied, and
 * applying an event and moving the checkpoint happen in one transaction. So a crash never applies
 * an event twice or loses one, and an event delivered again at or below the checkpoint changes
 * nothing (idempotence).
 *
 * @see DOMAIN.md rule 11
 */
import type { StoredEvent } from '@mandate/eventstore';
import { handles, type Projection } from './projection.js';

/** A read model that keeps its checkpoint with it and writes both atomically. */
export interface CheckpointedModel<Model> {
  /** The position of the last event applied, 0 when none. */
  readonly checkpoint: () => bigint;
  /** Runs `write` on the model and sets the checkpoint to `position` in one transaction. */
  readonly commit: (position: bigint, write: (model: Model) => void) => void;
  /** Empties the model and sets its checkpoint back to 0 (before a rebuild). */
  readonly reset: () => void;
}

/**
 * Applies one stored event once: skipped when at or below the checkpoint; otherwise applied (when
 * the projection handles its type) and the checkpoint moved, together. Returns whether it applied.
 */
export function applyOnce<Model>(
  target: CheckpointedModel<Model>,
  projection: Projection<Model>,
  event: StoredEvent,
): boolean {
  if (event.position <= target.checkpoint()) return false;
  target.commit(event.position, (model) => {
    if (handles(projection as Projection<never>, event)) projection.apply(model, event);
  });
  return true;
}
