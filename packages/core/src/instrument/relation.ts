/**
 * How an instrument relates to an earlier one — it amends, replaces, repeals or annuls it, or was
 * issued on its basis ("căn cứ") — and the citation naming that earlier instrument.
 *
 * @see docs/reference/domain.md rule 15
 */
import type * as t from 'io-ts';
import { AuthorityId, CalendarDate, DocumentNumber, oneOf, struct } from '../kernel/index.js';

/** The kinds of relation from an instrument to an earlier one. */
export const RelationKind = oneOf('RelationKind', [
  'amends',
  'replaces',
  'repeals',
  'annuls',
  'on-the-basis-of',
]);
/** The kinds of relation from an instrument to an earlier one. */
export type RelationKind = t.TypeOf<typeof RelationKind>;

/** A citation of an instrument: its number, issuer and signing date, as printed. */
export const Citation = struct('Citation', {
  number: DocumentNumber,
  issuer: AuthorityId,
  signedOn: CalendarDate,
});
/** A citation of an instrument: its number, issuer and signing date, as printed. */
export type Citation = t.TypeOf<typeof Citation>;

/** A relation to an earlier instrument, named by its citation. */
export const Relation = struct('Relation', { kind: RelationKind, to: Citation });
/** A relation to an earlier instrument, named by its citation. */
export type Relation = t.TypeOf<typeof Relation>;
