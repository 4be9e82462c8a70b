/**
 * Resolving citations against the registry: a citation resolves to the instrument recorded under
 * its canonical key; it conflicts when that instrument has another type, signer or signing date;
 * it does not resolve when the key is unrecorded though the same number and issuer is recorded
 * in another year (a wrong year never finds another instrument). The registry is mandatory: a
 * command may cite only a recorded instrument.
 *
 * @see docs/reference/domain.md rule 15
 */
import { left, right, type Either } from 'fp-ts/Either';
import { canonicalNumber, instrumentKey, type LegalBasis } from '../kernel/index.js';
import type { Citation } from './relation.js';
import {
  citationConflict,
  unresolvedCitation,
  type CitationConflict,
  type CitationRefusal,
  type UnresolvedCitation,
} from './refusals.js';
import type { RecordedInstrument, RegistryState } from './state.js';

/** True when a full citation says the same of an instrument as the one recorded under its key. */
export const agrees = (cited: LegalBasis, recorded: LegalBasis): boolean =>
  cited.type === recorded.type &&
  cited.signedOn === recorded.signedOn &&
  cited.signer.name === recorded.signer.name;

/** The recorded instruments with the citation's number and issuer, in any year. */
const sameNumber = (registry: RegistryState, cited: Citation): ReadonlyArray<LegalBasis> =>
  [...registry.instruments.values()]
    .filter(
      ({ instrument }) =>
        instrument.issuer === cited.issuer &&
        canonicalNumber(instrument.number) === canonicalNumber(cited.number),
    )
    .map(({ instrument }) => instrument);

/** The recorded instrument a citation names, or why it names none (no candidates: unknown). */
export function resolve(
  registry: RegistryState,
  cited: Citation,
): Either<UnresolvedCitation, RecordedInstrument> {
  const key = instrumentKey(cited);
  const recorded = registry.instruments.get(key);
  return recorded === undefined
    ? left(unresolvedCitation(cited, key, sameNumber(registry, cited)))
    : right(recorded);
}

/** Why a relation's citation does not name its recorded instrument exactly, if it does not. */
export function resolveRelated(
  registry: RegistryState,
  cited: Citation,
): Either<UnresolvedCitation | CitationConflict, RecordedInstrument> {
  const resolved = resolve(registry, cited);
  if (resolved._tag === 'Left') return resolved;
  const { instrument, key } = resolved.right;
  return instrument.signedOn === cited.signedOn
    ? resolved
    : left(citationConflict(key, { ...instrument, ...cited }, instrument));
}

/**
 * Checks the instrument a command cites against the registry: refused when no instrument is
 * recorded under its key (naming those of its number and issuer recorded in other years, if any),
 * or when the one recorded there has another type, signer or signing date.
 */
export function checkCitation(
  registry: RegistryState,
  cited: LegalBasis,
): Either<CitationRefusal, LegalBasis> {
  const resolved = resolve(registry, cited);
  if (resolved._tag === 'Left') return resolved;
  const { key, instrument } = resolved.right;
  return agrees(cited, instrument) ? right(cited) : left(citationConflict(key, cited, instrument));
}
