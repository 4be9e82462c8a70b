/**
 * The stable identifiers every format names things by. Mandate's ids (letters, digits, `.`, `_`,
 * `:`, `-`) are kept as they are; an instrument is named by its canonical key, percent-encoded.
 * IRIs use the `urn:mandate:` namespace, so that an export states no web address it does not own:
 * `urn:mandate:body:<body>`, `…:seat:<body>/<seat>`, `…:person:<person>`,
 * `…:membership:<body>/<seat>/<person>/<start>`, `…:change:<reorganisation>`,
 * `…:instrument:<issuer>:<year>:<number>`, `…:authority:<authority>`.
 */
import type { AuthorityId, BodyId, LegalBasis, PersonId, SeatId } from '@mandate/core';
import { canonicalNumber, dateParts } from '@mandate/core';
import type { MembershipView } from './snapshot.js';

/** The local id of a seat: `<body>/<seat>`. */
export const postId = (bodyId: BodyId, seatId: SeatId): string => `${bodyId}/${seatId}`;

/** The local id of a tenure: `<body>/<seat>/<person>/<start>`. */
export const membershipId = (membership: MembershipView): string =>
  `${postId(membership.bodyId, membership.seatId)}/${membership.personId}/${membership.from}`;

const NAMESPACE = 'urn:mandate:';

/** The IRI of a body. */
export const bodyIri = (bodyId: BodyId): string => `${NAMESPACE}body:${bodyId}`;
/** The IRI of a seat (a post). */
export const postIri = (bodyId: BodyId, seatId: SeatId): string =>
  `${NAMESPACE}seat:${postId(bodyId, seatId)}`;
/** The IRI of a person. */
export const personIri = (personId: PersonId): string => `${NAMESPACE}person:${personId}`;
/** The IRI of a tenure (a membership). */
export const membershipIri = (membership: MembershipView): string =>
  `${NAMESPACE}membership:${membershipId(membership)}`;
/** The IRI of a reorganisation or dissolution. */
export const changeIri = (changeId: string): string => `${NAMESPACE}change:${changeId}`;
/** The IRI of an authority. */
export const authorityIri = (authorityId: AuthorityId): string =>
  `${NAMESPACE}authority:${authorityId}`;
/** The IRI of a legal instrument: its canonical key, each part percent-encoded. */
export const instrumentIri = (basis: LegalBasis): string =>
  `${NAMESPACE}instrument:${[
    basis.issuer,
    dateParts(basis.signedOn).year,
    canonicalNumber(basis.number),
  ]
    .map((part) => encodeURIComponent(part))
    .join(':')}`;
