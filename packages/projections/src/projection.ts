/**
 * A projection is pure data and functions: a name and a version (which together name its tables,
 * so that a new version can be built beside the old one and swapped in), which stored events it
 * handles, and `apply`, which writes one stored event into a read model.
 *
 * @see docs/reference/domain.md rule 11
 */
import type { StoredEvent } from '@mandate/eventstore';

/** A projection of stored events into a read model of type `Model`. */
export interface Projection<Model> {
  /** A lower-case identifier (`[a-z][a-z0-9_]*`), part of every table name. */
  readonly name: string;
  /** A positive whole number; a new version is built into new tables. */
  readonly version: number;
  /**
   * Whether `apply` is called with the event; other events only move the checkpoint. Decide by
   * stream, not by a list of known types, so that an unknown type reaches `apply` and fails there.
   */
  readonly handles: (event: StoredEvent) => boolean;
  /** Writes one stored event into the model; throws only on a defect (e.g. a corrupt event). */
  readonly apply: (model: Model, event: StoredEvent) => void;
}

const NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

/** The prefix of every table of a projection version, e.g. `mandate_v1`; a bad name is a defect. */
export function tablePrefix(projection: Pick<Projection<unknown>, 'name' | 'version'>): string {
  if (!NAME_PATTERN.test(projection.name) || projection.name.length > 40)
    throw new RangeError(`Projection name must match ${NAME_PATTERN.source}`);
  if (!Number.isSafeInteger(projection.version) || projection.version < 1)
    throw new RangeError('Projection version must be a whole number from 1');
  return `${projection.name}_v${projection.version}`;
}
