/**
 * Which rows a question "as known at T" reads: a row recorded at or before T and not superseded
 * by then; without T, the rows that are current knowledge.
 *
 * @see docs/reference/domain.md "Time"
 */
import type { Instant } from '@mandate/core';
import type { RecordedFact } from './facts.js';

/** True when the row was the system's knowledge at `knownAt` (or is current, without it). */
export const knownAtInstant = (
  row: Pick<RecordedFact, 'recordedFrom' | 'recordedTo'>,
  knownAt: Instant | undefined,
): boolean =>
  knownAt === undefined
    ? row.recordedTo === undefined
    : row.recordedFrom <= knownAt && (row.recordedTo === undefined || knownAt < row.recordedTo);
