/**
 * Commands to a person's record (one stream per person): register the person, or correct the
 * recorded name (đính chính). Names are kept in Unicode NFC.
 */
import * as t from 'io-ts';
import { CalendarDate, EventId, LegalBasis, Name, PersonId, struct } from '../kernel/index.js';

/** Registers a natural person under a caller-chosen id. */
export const RegisterPerson = struct('RegisterPerson', {
  type: t.literal('RegisterPerson'),
  data: struct('RegisterPersonData', {
    personId: PersonId,
    name: Name,
    basis: LegalBasis,
    effectiveOn: CalendarDate,
  }),
});
/** Registers a natural person under a caller-chosen id. */
export type RegisterPerson = t.TypeOf<typeof RegisterPerson>;

/**
 * Corrects the recorded name of a person, naming the `PersonRegistered` event that first recorded
 * it (every correction of the name names that same event); the correction supersedes, the old name
 * stays in history.
 */
export const CorrectPersonName = struct('CorrectPersonName', {
  type: t.literal('CorrectPersonName'),
  data: struct('CorrectPersonNameData', {
    personId: PersonId,
    corrects: EventId,
    name: Name,
    basis: LegalBasis,
    effectiveOn: CalendarDate,
  }),
});
/** Corrects the recorded name of a person; the correction supersedes, the old name stays in history. */
export type CorrectPersonName = t.TypeOf<typeof CorrectPersonName>;

/** Any command to a person's record. */
export const Command = t.union([RegisterPerson, CorrectPersonName], 'PersonCommand');
/** Any command to a person's record. */
export type Command = t.TypeOf<typeof Command>;
