/**
 * W3C Organization Ontology (ORG) as JSON-LD: bodies as `org:Organization`, seats as `org:Post`,
 * tenures as `org:Membership` with `org:memberDuring` a `time:Interval`, and every establishment,
 * reorganisation (merger, absorption, split, succession) and dissolution as an `org:ChangeEvent`
 * with `org:originalOrganization` / `org:resultingOrganization`. Each change and membership is
 * `prov:wasDerivedFrom` the instrument behind it, itself a node (`dcterms:identifier`, `dcterms:
 * issued`, `dcterms:publisher`, `dcterms:title`). The context is inline, so that no processor
 * fetches anything. Pure.
 *
 * @see https://www.w3.org/TR/vocab-org/
 */
import type { LegalBasis } from '@mandate/core';
import { Body } from '@mandate/core';
import type { BodyView } from '@mandate/projections';
import {
  authorityIri,
  bodyIri,
  changeIri,
  instrumentIri,
  membershipIri,
  personIri,
  postIri,
} from './identifiers.js';
import { displayName, otherNameEntries, rolesLabel } from './names.js';
import { organisationChanges, type OrganisationChange } from './reorganisations.js';
import type { ExportSnapshot, MembershipView } from './snapshot.js';
import { foundingBasis, membershipBases, uniqueInstruments } from './sources.js';

/** The inline JSON-LD context: the prefixes of the vocabularies the export uses. */
export const ORG_CONTEXT = {
  org: 'http://www.w3.org/ns/org#',
  time: 'http://www.w3.org/2006/time#',
  prov: 'http://www.w3.org/ns/prov#',
  dcterms: 'http://purl.org/dc/terms/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** A JSON-LD node object, as the export writes them. */
export type JsonLdNode = Readonly<Record<string, unknown>>;

/** An ORG JSON-LD document: the inline context and the graph. */
export interface OrgJsonLd {
  readonly '@context': typeof ORG_CONTEXT;
  readonly '@graph': ReadonlyArray<JsonLdNode>;
}

const ref = (iri: string) => ({ '@id': iri });
const date = (value: string) => ({ '@value': value, '@type': 'xsd:date' });
const texts = (name: { readonly vi: string; readonly en?: string }) => [
  { '@value': name.vi, '@language': 'vi' },
  ...(name.en === undefined ? [] : [{ '@value': name.en, '@language': 'en' }]),
];
const roleIri = (role: Body.Role): string => `urn:mandate:role:${role}`;

/** An establishment by a body's own decision, as a change with only a resulting organization. */
const establishment = (snapshot: ExportSnapshot, view: BodyView): OrganisationChange => {
  const basis = foundingBasis(snapshot.changes, view.bodyId);
  return {
    id: `establishment:${view.bodyId}`,
    kind: 'establishment',
    on: view.establishedOn,
    original: [],
    resulting: [view.bodyId],
    ...(basis === undefined ? {} : { basis }),
  };
};

/** Every change the graph states: establishments by decision, then reorganisations and ends. */
const changesOf = (snapshot: ExportSnapshot): ReadonlyArray<OrganisationChange> => [
  ...snapshot.bodies
    .filter((view) => view.predecessors.length === 0)
    .map((view) => establishment(snapshot, view)),
  ...organisationChanges(snapshot),
];

function organization(
  view: BodyView,
  snapshot: ExportSnapshot,
  changes: ReadonlyArray<OrganisationChange>,
): JsonLdNode {
  const name = displayName(view);
  return {
    '@id': bodyIri(view.bodyId),
    '@type': 'org:Organization',
    ...(name === undefined ? {} : { 'skos:prefLabel': texts(name) }),
    'skos:altLabel': otherNameEntries(view).flatMap((entry) => texts(entry.name)),
    'org:classification': ref(`urn:mandate:kind:${view.kind}`),
    ...(view.purpose === undefined ? {} : { 'dcterms:description': texts(view.purpose) }),
    'org:hasPost': snapshot.posts
      .filter((post) => post.bodyId === view.bodyId)
      .map((post) => ref(postIri(post.bodyId, post.seatId))),
    'org:resultedFrom': changes
      .filter((change) => change.resulting.includes(view.bodyId))
      .map((change) => ref(changeIri(change.id))),
    'org:changedBy': changes
      .filter((change) => change.original.includes(view.bodyId))
      .map((change) => ref(changeIri(change.id))),
  };
}

const changeEvent = (change: OrganisationChange): JsonLdNode => ({
  '@id': changeIri(change.id),
  '@type': 'org:ChangeEvent',
  'rdfs:label': change.kind,
  'dcterms:type': ref(`urn:mandate:change-kind:${change.kind}`),
  'dcterms:date': date(change.on),
  'org:originalOrganization': change.original.map((id) => ref(bodyIri(id))),
  'org:resultingOrganization': change.resulting.map((id) => ref(bodyIri(id))),
  ...(change.basis === undefined
    ? {}
    : { 'prov:wasDerivedFrom': ref(instrumentIri(change.basis)) }),
});

const instant = (value: string) => ({ '@type': 'time:Instant', 'time:inXSDDate': date(value) });

const membership = (snapshot: ExportSnapshot, m: MembershipView): JsonLdNode => ({
  '@id': membershipIri(m),
  '@type': 'org:Membership',
  'org:member': ref(personIri(m.personId)),
  'org:organization': ref(bodyIri(m.bodyId)),
  'org:role': m.roles.map((role) => ref(roleIri(role))),
  'org:memberDuring': {
    '@type': 'time:Interval',
    'time:hasBeginning': instant(m.from),
    ...(m.to === undefined ? {} : { 'time:hasEnd': instant(m.to) }),
  },
  'prov:wasDerivedFrom': membershipBases(snapshot.changes, m).map((basis) =>
    ref(instrumentIri(basis)),
  ),
});

const instrument = (basis: LegalBasis): JsonLdNode => ({
  '@id': instrumentIri(basis),
  '@type': 'prov:Entity',
  'dcterms:type': basis.type,
  'dcterms:identifier': basis.number,
  'dcterms:issued': date(basis.signedOn),
  'dcterms:publisher': ref(authorityIri(basis.issuer)),
  ...(basis.title === undefined ? {} : { 'dcterms:title': texts(basis.title) }),
});

/** The snapshot as an ORG JSON-LD document. */
export function toOrgJsonLd(snapshot: ExportSnapshot): OrgJsonLd {
  const changes = changesOf(snapshot);
  const roles = Body.Role.literals.filter((role) =>
    snapshot.posts.some((post) => post.roles.includes(role)),
  );
  const instruments = uniqueInstruments([
    ...changes.flatMap((change) => (change.basis === undefined ? [] : [change.basis])),
    ...snapshot.memberships.flatMap((m) => membershipBases(snapshot.changes, m)),
  ]);
  return {
    '@context': ORG_CONTEXT,
    '@graph': [
      ...snapshot.bodies.map((view) => organization(view, snapshot, changes)),
      ...changes.map(changeEvent),
      ...roles.map((role) => ({
        '@id': roleIri(role),
        '@type': 'org:Role',
        'skos:prefLabel': role,
      })),
      ...snapshot.posts.map((post) => ({
        '@id': postIri(post.bodyId, post.seatId),
        '@type': 'org:Post',
        'rdfs:label': rolesLabel(post.roles),
        'org:postIn': ref(bodyIri(post.bodyId)),
        'org:role': post.roles.map((role) => ref(roleIri(role))),
      })),
      ...snapshot.persons.map((person) => ({
        '@id': personIri(person.personId),
        '@type': 'foaf:Person',
        ...(person.name === undefined ? {} : { 'foaf:name': person.name }),
        'org:holds': [
          ...new Set(
            snapshot.memberships
              .filter((m) => m.personId === person.personId)
              .map((m) => postIri(m.bodyId, m.seatId)),
          ),
        ].map(ref),
      })),
      ...snapshot.memberships.map((m) => membership(snapshot, m)),
      ...instruments.map(instrument),
    ],
  };
}
