/**
 * Popolo JSON (version 1.0): the bodies as organizations (founding and dissolution dates, former
 * names, the instruments that established and ended them as `sources`), their seats as posts, the
 * persons who sat in them, and each tenure of a seat as a membership with its start, its end and
 * the instruments behind them. Pure: the same snapshot gives the same document.
 *
 * @see http://www.popoloproject.com/specs/
 */
import type { Body, LegalBasis } from '@mandate/core';
import type { BodyView } from '@mandate/projections';
import { membershipId, instrumentIri, postId } from './identifiers.js';
import { displayName, otherNameEntries, rolesLabel } from './names.js';
import type { ExportSnapshot, MembershipView } from './snapshot.js';
import { citationOf, endingBasis, foundingBasis, membershipBases } from './sources.js';

/** A Popolo link: here, always a legal instrument, named by its IRI and cited in the note. */
export interface PopoloLink {
  readonly url: string;
  readonly note: string;
}

/** A Popolo other name: a former name, or a name in another language. */
export interface PopoloOtherName {
  readonly name: string;
  readonly start_date?: string;
  readonly end_date?: string;
  readonly note?: string;
}

/** A Popolo organization: one body. */
export interface PopoloOrganization {
  readonly id: string;
  readonly name: string;
  readonly other_names: ReadonlyArray<PopoloOtherName>;
  readonly classification: string;
  readonly description?: string;
  readonly founding_date: string;
  readonly dissolution_date?: string;
  readonly sources: ReadonlyArray<PopoloLink>;
}

/** A Popolo post: one seat of a body. */
export interface PopoloPost {
  readonly id: string;
  readonly label: string;
  readonly role: string;
  readonly organization_id: string;
}

/** A Popolo person: their id, and their name when it was looked up. */
export interface PopoloPerson {
  readonly id: string;
  readonly name?: string;
}

/** A Popolo membership: one person's tenure of one seat. */
export interface PopoloMembership {
  readonly id: string;
  readonly label: string;
  readonly role: string;
  readonly person_id: string;
  readonly organization_id: string;
  readonly post_id: string;
  readonly start_date: string;
  readonly end_date?: string;
  readonly sources: ReadonlyArray<PopoloLink>;
}

/** A Popolo export: the four collections, each item valid against its Popolo schema. */
export interface PopoloExport {
  readonly organizations: ReadonlyArray<PopoloOrganization>;
  readonly posts: ReadonlyArray<PopoloPost>;
  readonly persons: ReadonlyArray<PopoloPerson>;
  readonly memberships: ReadonlyArray<PopoloMembership>;
}

const link = (basis: LegalBasis): PopoloLink => ({
  url: instrumentIri(basis),
  note: citationOf(basis),
});

const dated = ({ validity }: Body.NameValidity) => ({
  start_date: validity.from,
  ...(validity.to === undefined ? {} : { end_date: validity.to }),
});

/** Every other Vietnamese name, and every English name, dated; English names noted as such. */
const otherNames = (view: BodyView): ReadonlyArray<PopoloOtherName> => [
  ...otherNameEntries(view).map((entry) => ({ name: entry.name.vi, ...dated(entry) })),
  ...view.names.flatMap((entry) =>
    entry.name.en === undefined ? [] : [{ name: entry.name.en, ...dated(entry), note: 'English' }],
  ),
];

function organization(snapshot: ExportSnapshot, view: BodyView): PopoloOrganization {
  const bases = [
    foundingBasis(snapshot.changes, view.bodyId),
    view.end === undefined ? undefined : endingBasis(snapshot.changes, view.bodyId),
  ].filter((basis): basis is LegalBasis => basis !== undefined);
  return {
    id: view.bodyId,
    name: displayName(view)?.vi ?? view.bodyId,
    other_names: otherNames(view),
    classification: view.kind,
    ...(view.purpose === undefined ? {} : { description: view.purpose.vi }),
    founding_date: view.establishedOn,
    ...(view.end === undefined ? {} : { dissolution_date: view.end.on }),
    sources: bases.map(link),
  };
}

/** How a person came to sit: ex officio or named, as which office, acting or not. */
function basisLabel(membership: MembershipView): string {
  const acting = membership.acting ? ', acting' : '';
  if (membership.via === 'office') return `ex officio as ${membership.office}${acting}`;
  return membership.asOffice === undefined
    ? `named${acting}`
    : `named as ${membership.asOffice}${acting}`;
}

const membership = (snapshot: ExportSnapshot, m: MembershipView): PopoloMembership => ({
  id: membershipId(m),
  label: basisLabel(m),
  role: rolesLabel(m.roles),
  person_id: m.personId,
  organization_id: m.bodyId,
  post_id: postId(m.bodyId, m.seatId),
  start_date: m.from,
  ...(m.to === undefined ? {} : { end_date: m.to }),
  sources: membershipBases(snapshot.changes, m).map(link),
});

/** The snapshot as a Popolo JSON document. */
export function toPopolo(snapshot: ExportSnapshot): PopoloExport {
  return {
    organizations: snapshot.bodies.map((view) => organization(snapshot, view)),
    posts: snapshot.posts.map((post) => ({
      id: postId(post.bodyId, post.seatId),
      label: rolesLabel(post.roles),
      role: rolesLabel(post.roles),
      organization_id: post.bodyId,
    })),
    persons: snapshot.persons.map((person) =>
      person.name === undefined
        ? { id: person.personId }
        : { id: person.personId, name: person.name },
    ),
    memberships: snapshot.memberships.map((m) => membership(snapshot, m)),
  };
}
