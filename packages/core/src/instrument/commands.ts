/**
 * Commands to the instrument registry: record an instrument once, with where to read it and its
 * relations to earlier instruments (its `basis` is the instrument itself, rule 8); annul one ab
 * initio by another.
 *
 * @see docs/reference/domain.md rules 8, 14 and 15
 */
import * as t from 'io-ts';
import { CalendarDate, LegalBasis, struct } from '../kernel/index.js';
import { DocumentReference } from './reference.js';
import { Citation, Relation } from './relation.js';

/** Records the instrument `basis`, in force from `effectiveOn`, with its relations to earlier ones. */
export const RecordInstrument = struct('RecordInstrument', {
  type: t.literal('RecordInstrument'),
  data: struct(
    'RecordInstrumentData',
    { basis: LegalBasis, effectiveOn: CalendarDate, relations: t.readonlyArray(Relation) },
    { reference: DocumentReference },
  ),
});
/** Records an instrument with its relations to earlier ones. */
export type RecordInstrument = t.TypeOf<typeof RecordInstrument>;

/**
 * Annuls the recorded instrument `instrument` ab initio by the recorded instrument `basis`,
 * from `effectiveOn`: every change the annulled instrument made is withdrawn.
 */
export const AnnulInstrument = struct('AnnulInstrument', {
  type: t.literal('AnnulInstrument'),
  data: struct('AnnulInstrumentData', {
    instrument: Citation,
    basis: LegalBasis,
    effectiveOn: CalendarDate,
  }),
});
/** Annuls an instrument ab initio by another. */
export type AnnulInstrument = t.TypeOf<typeof AnnulInstrument>;

/**
 * Any command the registry's decider decides (an annulment reads other streams too, and is decided
 * by `decideAnnulment`).
 */
export const Command = RecordInstrument;
/** Any command the registry's decider decides. */
export type Command = t.TypeOf<typeof Command>;
