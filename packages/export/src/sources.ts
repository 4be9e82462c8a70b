/**
 * The legal bases behind what an export states, read from the changes the read models answer:
 * the instrument that established or ended a body, and the instruments behind the changes that
 * began or ended a seat's tenure. An instrument is named by a stable identifier made from its
 * canonical key (normalised number, issuer, signing year), so that one instrument written two
 * ways is one node in every format.
 *
 * @see docs/reference/domain.md rule 8
 * @see docs/reference/domain.md rule 15
 */
import { canonicalNumber, dateParts, sameInstrument, type LegalBasis } from '@mandate/core';
import type { BodyId, CalendarDate } from '@mandate/core';
import type { ChangeView } from '@mandate/projections';
import type { MembershipView } from './snapshot.js';

/** The stable identifier of an instrument: `issuer:year:number`, the number in canonical form. */
export const instrumentKeyOf = (basis: LegalBasis): string =>
  `${basis.issuer}:${dateParts(basis.signedOn).year}:${canonicalNumber(basis.number)}`;

/** How an instrument is cited in a label: type, number, issuer and signing date, then its title. */
export const citationOf = (basis: LegalBasis): string =>
  `${basis.type} ${basis.number} (${basis.issuer}, ${basis.signedOn})${
    basis.title === undefined ? '' : `: ${basis.title.vi}`
  }`;

/** Each instrument once (one instrument cited two ways is one), in the order first met. */
export function uniqueInstruments(bases: ReadonlyArray<LegalBasis>): ReadonlyArray<LegalBasis> {
  const found: LegalBasis[] = [];
  for (const basis of bases)
    if (!found.some((known) => sameInstrument(known, basis))) found.push(basis);
  return found;
}

/** The instruments of `changes`, each once, in the order first met (reports are not instruments). */
export const instrumentsOf = (changes: ReadonlyArray<ChangeView>): ReadonlyArray<LegalBasis> =>
  uniqueInstruments(
    changes.flatMap(({ source }) => (source.kind === 'instrument' ? [source.instrument] : [])),
  );

const bodyChanges = (
  changes: ReadonlyArray<ChangeView>,
  bodyId: BodyId,
  types: ReadonlyArray<string>,
  on?: CalendarDate,
): ReadonlyArray<ChangeView> =>
  changes.filter(
    (change) =>
      change.aggregate === 'body' &&
      change.aggregateId === bodyId &&
      types.includes(change.type) &&
      (on === undefined || change.effectiveOn === on),
  );

/** The instrument that established a body (its own decision, or the reorganisation's). */
export const foundingBasis = (
  changes: ReadonlyArray<ChangeView>,
  bodyId: BodyId,
): LegalBasis | undefined => instrumentsOf(bodyChanges(changes, bodyId, ['BodyEstablished']))[0];

/** The instrument that ended a body, or absorbed it into another. */
export const endingBasis = (
  changes: ReadonlyArray<ChangeView>,
  bodyId: BodyId,
): LegalBasis | undefined => instrumentsOf(bodyChanges(changes, bodyId, ['BodyEnded']))[0];

const SEAT_CHANGES = [
  'SeatCreated',
  'SeatHolderReplaced',
  'SeatHolderRelieved',
  'SeatRolesChanged',
  'SeatAbolished',
  'SeatHoldingCorrected',
  'BodyEnded',
  'EndDateCorrected',
] as const;
const OFFICE_HOLDER_CHANGES = [
  'OfficeHolderAppointed',
  'OfficeHolderEnded',
  'OfficeHoldingCorrected',
] as const;

/** The changes that can begin or end a tenure on `date`: of the seat's body, or of its office. */
const tenureChanges = (
  changes: ReadonlyArray<ChangeView>,
  membership: MembershipView,
  date: CalendarDate,
): ReadonlyArray<ChangeView> => {
  const office = membership.via === 'office' ? membership.office : undefined;
  return [
    ...bodyChanges(changes, membership.bodyId, SEAT_CHANGES, date),
    ...changes.filter(
      (change) =>
        office !== undefined &&
        change.aggregate === 'office' &&
        change.aggregateId === office &&
        (OFFICE_HOLDER_CHANGES as ReadonlyArray<string>).includes(change.type) &&
        change.effectiveOn === date,
    ),
  ];
};

/**
 * The instruments behind a tenure: those of the seat's (or, ex officio, its office's) changes
 * that took effect on its first day and, when it ended, on its end date. The read models do not
 * say which seat a change touched, so a change to another seat of the body on the same day is
 * cited too.
 */
export const membershipBases = (
  changes: ReadonlyArray<ChangeView>,
  membership: MembershipView,
): ReadonlyArray<LegalBasis> =>
  instrumentsOf([
    ...tenureChanges(changes, membership, membership.from),
    ...(membership.to === undefined ? [] : tenureChanges(changes, membership, membership.to)),
  ]);
