/**
 * Commands to the instrument registry: record an instrument once, with where to read it and its
 * relations to earlier instruments. Its `basis` is the instrument itself (rule 8).
 *
 * @see docs/reference/domain.md rules 8 and 15
 */
import * as t from 'io-ts';
import { CalendarDate, LegalBasis, struct } from '../kernel/index.js';
import { DocumentReference } from './reference.js';
import { Relation } from './relation.js';

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

/** Any command to the instrument registry (one kind so far). */
export const Command = RecordInstrument;
/** Any command to the instrument registry. */
export type Command = t.TypeOf<typeof Command>;
