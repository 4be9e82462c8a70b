/**
 * The names of a projection version's tables, shared by every stored read model: all named
 * `<name>_v<version>_*` so that a new version can be built beside the old one — one table per fact
 * kind (body, seat, duty, obligation, report, holding, change, instrument, person,
 * name), the decoded events of each stream
 * (to fold a stream's state again after a restart), and the shared checkpoint table.
 *
 * @see docs/reference/domain.md "Time"
 */
import type { FactKind } from './facts.js';

/** Every fact kind, one table each. */
export const FACT_KINDS: ReadonlyArray<FactKind> = [
  'body',
  'seat',
  'duty',
  'obligation',
  'report',
  'holding',
  'change',
  'instrument',
  'person',
  'name',
];

/** The table of one fact kind. */
export const factTable = (prefix: string, kind: FactKind): string => `${prefix}_${kind}`;

/** The table of the decoded events folded per stream. */
export const streamEventTable = (prefix: string): string => `${prefix}_stream_event`;

/** The checkpoints of every projection version, one row each. */
export const CHECKPOINT_TABLE = 'projection_checkpoint';
