/**
 * The log as the naive oracles read it at an instant: the events recorded at or before it, and
 * which of them an annulment recorded by then withdrew (rule 14), found by id.
 *
 * @see docs/reference/domain.md rule 14
 */
import type { Instant } from '@mandate/core';
import type { StoredEvent } from '@mandate/eventstore';
import { decodeReadSideOrThrow } from './decode.js';

/** The events recorded at or before `knownAt` (every event when absent), in log order. */
export const recordedBy = (
  log: ReadonlyArray<StoredEvent>,
  knownAt: Instant | undefined,
): ReadonlyArray<StoredEvent> =>
  knownAt === undefined ? log : log.filter((stored) => stored.recordedAt <= knownAt);

/** The ids of the events withdrawn by an annulment recorded at or before `knownAt`. */
export function withdrawnKnown(
  log: ReadonlyArray<StoredEvent>,
  knownAt: Instant | undefined,
): Set<string> {
  const withdrawn = new Set<string>();
  for (const stored of recordedBy(log, knownAt)) {
    const decoded = decodeReadSideOrThrow(stored);
    if (decoded.aggregate === 'withdrawal')
      for (const id of decoded.event.data.withdrawn) withdrawn.add(id);
  }
  return withdrawn;
}

/** The events recorded at or before `knownAt` that no annulment recorded by then withdrew. */
export function standingKnown(
  log: ReadonlyArray<StoredEvent>,
  knownAt: Instant | undefined,
): ReadonlyArray<StoredEvent> {
  const withdrawn = withdrawnKnown(log, knownAt);
  return recordedBy(log, knownAt).filter((stored) => !withdrawn.has(stored.eventId));
}
