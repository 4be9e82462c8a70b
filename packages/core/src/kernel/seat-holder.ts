/**
 * Who holds a seat on a body. A seat either follows an office (ex officio: when the office
 * changes hands, the seat's holder changes with it, with no new decision) or follows a named
 * person; either may also name the other for the record — the seed names Mr. Trăm *as* Chairman.
 * A named person may be named as acting (an acting minister named in a decision).
 *
 * @see docs/reference/domain.md "Seats and offices"
 * @see docs/reference/domain.md rule 16
 */
import * as t from 'io-ts';
import { struct } from './codec.js';
import { OfficeId, PersonId } from './ids.js';

/** An ex-officio holder: whoever holds the office; `namedPerson` records who did when decided. */
export const ExOfficioHolder = struct(
  'ExOfficioHolder',
  { follows: t.literal('office'), office: OfficeId },
  { namedPerson: PersonId },
);
/** An ex-officio holder: whoever holds the office. */
export type ExOfficioHolder = t.TypeOf<typeof ExOfficioHolder>;

/**
 * A named holder: this person, whatever office they hold. `asOffice` records the office the
 * decision names them as (the roster flags the dates they no longer hold it); `acting: true`
 * marks a person the decision names as acting (quyền, phụ trách), absent for a substantive one.
 */
export const NamedHolder = struct(
  'NamedHolder',
  { follows: t.literal('person'), person: PersonId },
  { asOffice: OfficeId, acting: t.literal(true) },
);
/** A named holder: this person, whatever office they hold. */
export type NamedHolder = t.TypeOf<typeof NamedHolder>;

/** Who holds a seat: ex officio (follows an office) or named (follows a person). */
export const SeatHolder = t.union([ExOfficioHolder, NamedHolder], 'SeatHolder');
/** Who holds a seat: ex officio (follows an office) or named (follows a person). */
export type SeatHolder = t.TypeOf<typeof SeatHolder>;

/**
 * The identities a holder occupies in a body: every office and person it names. Two seats of one
 * body whose holders share an identity may not be active at the same time (docs/reference/domain.md rule 3).
 */
export function holderIdentities(holder: SeatHolder): ReadonlyArray<string> {
  return holder.follows === 'office'
    ? holder.namedPerson === undefined
      ? [`office:${holder.office}`]
      : [`office:${holder.office}`, `person:${holder.namedPerson}`]
    : holder.asOffice === undefined
      ? [`person:${holder.person}`]
      : [`person:${holder.person}`, `office:${holder.asOffice}`];
}
