/**
 * Why a citation or the instrument registry refuses: each refusal is a readonly tagged value
 * naming both the citation and the recorded instrument involved; an annulment's refusals name the
 * instruments and, for dependents, the later events involved.
 *
 * @see docs/reference/domain.md rules 14 and 15
 */
import type { EventId, InstrumentKey, LegalBasis, RefusalShape } from '../kernel/index.js';
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

/** The cited instrument was annulled ab initio: nothing may rest on it any more. */
export interface CitesAnnulledInstrument extends RefusalShape<'CitesAnnulledInstrument'> {
  readonly rule: 14;
  readonly cited: Citation;
  /** The key of the instrument that annulled it. */
  readonly annulledBy: InstrumentKey;
}
/** The cited instrument was annulled ab initio. */
export const citesAnnulledInstrument = (
  cited: Citation,
  annulledBy: InstrumentKey,
): CitesAnnulledInstrument => ({
  _tag: 'CitesAnnulledInstrument',
  rule: 14,
  cited,
  annulledBy,
  message: `${show(cited)} was annulled ab initio by ${annulledBy}; nothing may cite it any more.`,
});

/** An instrument cannot annul itself. */
export interface AnnulmentBySelf extends RefusalShape<'AnnulmentBySelf'> {
  readonly rule: 14;
  readonly instrument: LegalBasis;
}
/** An instrument cannot annul itself. */
export const annulmentBySelf = (instrument: LegalBasis): AnnulmentBySelf => ({
  _tag: 'AnnulmentBySelf',
  rule: 14,
  instrument,
  message: `${show(instrument)} cannot annul itself.`,
});

/**
 * An instrument that annulled another cannot itself be annulled: undoing an annulment (bringing
 * back what it withdrew) is not modelled. Record the annulled instrument's changes again under a
 * new instrument instead.
 */
export interface AnnulmentOfAnnulment extends RefusalShape<'AnnulmentOfAnnulment'> {
  readonly rule: 14;
  /** The instrument asked to be annulled, which annulled `annulled`. */
  readonly instrument: LegalBasis;
  readonly annulled: InstrumentKey;
}
/** The instrument to annul annulled `annulled` itself. */
export const annulmentOfAnnulment = (
  instrument: LegalBasis,
  annulled: InstrumentKey,
): AnnulmentOfAnnulment => ({
  _tag: 'AnnulmentOfAnnulment',
  rule: 14,
  instrument,
  annulled,
  message: `${show(instrument)} annulled ${annulled} ab initio and cannot itself be annulled: an annulment is not undone; record the changes of ${annulled} again under a new instrument.`,
});

/** A later event, which the annulment would not withdraw, rests on a change it would withdraw. */
export interface DependentEvent {
  readonly stream: string;
  readonly eventId: EventId;
  readonly type: string;
}

/**
 * Later events of the streams the annulment would withdraw changes from rest on those changes:
 * without them the streams would not hold together. Annul (or otherwise undo) those first.
 */
export interface AnnulmentHasDependents extends RefusalShape<'AnnulmentHasDependents'> {
  readonly rule: 14;
  readonly instrument: LegalBasis;
  readonly dependents: ReadonlyArray<DependentEvent>;
}
/** Later events rest on the changes the annulment would withdraw. */
export const annulmentHasDependents = (
  instrument: LegalBasis,
  dependents: ReadonlyArray<DependentEvent>,
): AnnulmentHasDependents => ({
  _tag: 'AnnulmentHasDependents',
  rule: 14,
  instrument,
  dependents,
  message: `${show(instrument)} cannot be annulled while ${dependents.length} later event(s) rest on its changes: ${dependents.map((d) => `${d.type} ${d.eventId} of ${d.stream}`).join(', ')}.`,
});

/** Why a citation does not stand. */
export type CitationRefusal = UnresolvedCitation | CitationConflict;

/** Why an annulment was refused. */
export type AnnulmentRefusal =
  | CitationRefusal
  | CitesAnnulledInstrument
  | AnnulmentBySelf
  | RelationNotEarlier
  | AnnulmentOfAnnulment
  | AnnulmentHasDependents;

/** Why the instrument registry refused a command. */
export type Refusal = CitationRefusal | RelationNotEarlier | AnnulmentRefusal;
