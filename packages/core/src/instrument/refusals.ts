/**
 * Why a citation or the instrument registry refuses: each refusal is a readonly tagged value
 * naming both the citation and the recorded instrument involved.
 *
 * @see docs/reference/domain.md rule 15
 */
import type { InstrumentKey, LegalBasis, RefusalShape } from '../kernel/index.js';
import type { Citation } from './relation.js';

const show = ({ number, issuer, signedOn }: Citation): string =>
  `${number} of ${issuer} signed on ${signedOn}`;

/** The citation names no recorded instrument (those of its number and issuer in other years are its candidates). */
export interface UnresolvedCitation extends RefusalShape<'UnresolvedCitation'> {
  readonly rule: 15;
  readonly cited: Citation;
  readonly key: InstrumentKey;
  /** The recorded instruments of the same number and issuer, in other years (none: nothing recorded). */
  readonly candidates: ReadonlyArray<LegalBasis>;
}
/** The citation names no recorded instrument. */
export const unresolvedCitation = (
  cited: Citation,
  key: InstrumentKey,
  candidates: ReadonlyArray<LegalBasis>,
): UnresolvedCitation => ({
  _tag: 'UnresolvedCitation',
  rule: 15,
  cited,
  key,
  candidates,
  message: `No instrument ${show(cited)} (key ${key}) is recorded${candidates.length === 0 ? '' : `; recorded in another year: ${candidates.map(show).join(', ')}`}.`,
});

/** The citation's key names a recorded instrument with another type, signer or signing date. */
export interface CitationConflict extends RefusalShape<'CitationConflict'> {
  readonly rule: 15;
  readonly key: InstrumentKey;
  readonly cited: LegalBasis;
  readonly recorded: LegalBasis;
}
/** The citation's key names a recorded instrument with another type, signer or signing date. */
export const citationConflict = (
  key: InstrumentKey,
  cited: LegalBasis,
  recorded: LegalBasis,
): CitationConflict => ({
  _tag: 'CitationConflict',
  rule: 15,
  key,
  cited,
  recorded,
  message: `The citation of ${show(cited)} (${cited.type}, signed by ${cited.signer.name}) conflicts with the recorded ${show(recorded)} (${recorded.type}, signed by ${recorded.signer.name}).`,
});

/** An instrument relates only to instruments signed before it, and never to itself. */
export interface RelationNotEarlier extends RefusalShape<'RelationNotEarlier'> {
  readonly rule: 15;
  readonly instrument: LegalBasis;
  readonly related: LegalBasis;
}
/** An instrument relates only to instruments signed before it, and never to itself. */
export const relationNotEarlier = (
  instrument: LegalBasis,
  related: LegalBasis,
): RelationNotEarlier => ({
  _tag: 'RelationNotEarlier',
  rule: 15,
  instrument,
  related,
  message: `${show(instrument)} cannot relate to ${show(related)}: an instrument relates only to earlier ones.`,
});

/** Why a citation does not stand. */
export type CitationRefusal = UnresolvedCitation | CitationConflict;

/** Why the instrument registry refused a command. */
export type Refusal = CitationRefusal | RelationNotEarlier;
