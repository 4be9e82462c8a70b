/**
 * The instrument registry's state: every recorded instrument under its canonical key, with its
 * relations to earlier instruments and the relations later ones have to it.
 *
 * @see docs/reference/domain.md rule 15
 */
import type { CalendarDate, InstrumentKey, LegalBasis } from '../kernel/index.js';
import type { DocumentReference } from './reference.js';
import type { RelationKind } from './relation.js';

/** A relation between two recorded instruments, by key. */
export interface KeyedRelation {
  readonly kind: RelationKind;
  readonly key: InstrumentKey;
}

/** A recorded instrument, its relations to earlier ones and those of later ones to it. */
export interface RecordedInstrument {
  readonly key: InstrumentKey;
  readonly instrument: LegalBasis;
  readonly effectiveOn: CalendarDate;
  readonly reference?: DocumentReference;
  /** What this instrument amends, replaces, repeals, annuls or was issued on the basis of. */
  readonly relations: ReadonlyArray<KeyedRelation>;
  /** The later instruments related to this one, and how (`key` is the later instrument's). */
  readonly relatedBy: ReadonlyArray<KeyedRelation>;
  /** The instrument that annulled this one ab initio, if one did (rule 14). */
  readonly annulledBy?: InstrumentKey;
}

/** The instrument registry: every recorded instrument by canonical key. */
export interface RegistryState {
  readonly instruments: ReadonlyMap<InstrumentKey, RecordedInstrument>;
}

/** The registry before any instrument is recorded. */
export const initialState: RegistryState = { instruments: new Map() };
