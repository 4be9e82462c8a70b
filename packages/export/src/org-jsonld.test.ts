/**
 * The ORG JSON-LD export of the seed story and its sequel, read back by a real JSON-LD processor
 * (`jsonld`): expanded and turned into RDF with the inline context alone — the document loader
 * refuses every remote load — then asserted on as N-Quads triples with full IRIs.
 */
import * as E from 'fp-ts/Either';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import { gatherSnapshot } from './gather.js';
import { toOrgJsonLd, type OrgJsonLd } from './org-jsonld.js';
import { seedHistory } from './seed-story.fixture.js';

const ORG = 'http://www.w3.org/ns/org#';
const TIME = 'http://www.w3.org/2006/time#';
const PROV = 'http://www.w3.org/ns/prov#';
const DCTERMS = 'http://purl.org/dc/terms/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD_DATE = 'http://www.w3.org/2001/XMLSchema#date';
const MERGER_DECISION = 'urn:mandate:instrument:ubnd-tinh-binh-phuoc:2018:%E2%80%A6%2FQ%C4%90-UBND';
const body = (id: string) => `urn:mandate:body:${id}`;

/** Refuses every load: the export must carry its context inline. */
const refuseRemote = (url: string): Promise<never> =>
  Promise.reject(new Error(`refused to load ${url}`));

const options = { documentLoader: refuseRemote } as unknown as jsonld.Options.ToRdf;

/** A triple as N-Quads writes it: subject, predicate, object (IRIs bare, literals quoted). */
type Triple = readonly [string, string, string];

async function triplesOf(document: OrgJsonLd): Promise<ReadonlyArray<Triple>> {
  const nquads = (await jsonld.toRDF(document as unknown as jsonld.JsonLdDocument, {
    ...options,
    format: 'application/n-quads',
  })) as unknown as string;
  return nquads
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const match = /^(\S+) (\S+) (.+) \.$/u.exec(line);
      if (match === null) throw new Error(`not an N-Quads triple: ${line}`);
      const bare = (term: string) => term.replace(/^<(.*)>$/u, '$1');
      return [bare(match[1] ?? ''), bare(match[2] ?? ''), bare(match[3] ?? '')] as const;
    });
}

const objects = (triples: ReadonlyArray<Triple>, subject: string, predicate: string) =>
  triples
    .filter(([s, p]) => s === subject && p === predicate)
    .map(([, , o]) => o)
    .sort();

const subjectsOfType = (triples: ReadonlyArray<Triple>, type: string) =>
  triples
    .filter(([, p, o]) => p === RDF_TYPE && o === type)
    .map(([s]) => s)
    .sort();

describe('the ORG JSON-LD export of the seed story', () => {
  let document: OrgJsonLd;
  let triples: ReadonlyArray<Triple>;

  beforeAll(async () => {
    const history = await seedHistory({ sequel: true });
    const snapshot = await gatherSnapshot(history.queries, {
      on: '2021-01-01' as CalendarDate,
      personNames: history.personNames,
    });
    if (E.isLeft(snapshot)) throw new Error(snapshot.left._tag);
    document = toOrgJsonLd(snapshot.right);
    triples = await triplesOf(document);
  });

  it('expands with its inline context alone, every term to a full IRI', async () => {
    const expanded = await jsonld.expand(document as unknown as jsonld.JsonLdDocument, options);
    const keys = new Set(expanded.flatMap((node) => Object.keys(node)));
    expect([...keys].filter((key) => !key.startsWith('@') && !/^(http|urn):/u.test(key))).toEqual(
      [],
    );
    expect(keys).toContain(`${ORG}memberDuring`);
  });

  it('states the four bodies as organizations and the merger as a change event from the three to the one', () => {
    const { successor, predecessors, merger } = Seed.SeedIds;
    expect(subjectsOfType(triples, `${ORG}Organization`)).toEqual(
      [successor, ...Object.values(predecessors)].map(body).sort(),
    );
    const event = `urn:mandate:change:${merger}`;
    expect(subjectsOfType(triples, `${ORG}ChangeEvent`)).toContain(event);
    expect(objects(triples, event, `${ORG}originalOrganization`)).toEqual(
      Object.values(predecessors).map(body).sort(),
    );
    expect(objects(triples, event, `${ORG}resultingOrganization`)).toEqual([body(successor)]);
    expect(objects(triples, event, `${DCTERMS}date`)).toEqual([`"2018-12-04"^^<${XSD_DATE}>`]);
    expect(objects(triples, event, `${PROV}wasDerivedFrom`)).toEqual([MERGER_DECISION]);
    expect(objects(triples, body(successor), `${ORG}resultedFrom`)).toEqual([event]);
    for (const id of Object.values(predecessors))
      expect(objects(triples, body(id), `${ORG}changedBy`)).toEqual([event]);
  });

  it('describes the decision behind the merger as an instrument node', () => {
    expect(objects(triples, MERGER_DECISION, `${DCTERMS}identifier`)).toEqual(['"…/QĐ-UBND"']);
    expect(objects(triples, MERGER_DECISION, `${DCTERMS}issued`)).toEqual([
      `"2018-12-04"^^<${XSD_DATE}>`,
    ]);
    expect(objects(triples, MERGER_DECISION, `${DCTERMS}publisher`)).toEqual([
      'urn:mandate:authority:ubnd-tinh-binh-phuoc',
    ]);
  });

  it('gives each tenure as a membership during a time interval, derived from its decisions', () => {
    const memberships = subjectsOfType(triples, `${ORG}Membership`);
    const standing = `urn:mandate:membership:${Seed.SeedIds.successor}/uv-thuong-truc-thu-ky/nguoi-minh-hoa-a/2018-12-04`;
    expect(memberships).toHaveLength(3);
    expect(memberships).toContain(standing);
    expect(objects(triples, standing, `${ORG}member`)).toEqual([
      'urn:mandate:person:nguoi-minh-hoa-a',
    ]);
    expect(objects(triples, standing, `${ORG}organization`)).toEqual([
      body(Seed.SeedIds.successor),
    ]);
    expect(objects(triples, standing, `${ORG}role`)).toEqual([
      'urn:mandate:role:secretary',
      'urn:mandate:role:standing-member',
    ]);
    const [interval] = objects(triples, standing, `${ORG}memberDuring`);
    expect(objects(triples, interval ?? '', RDF_TYPE)).toEqual([`${TIME}Interval`]);
    const dateOf = (edge: string) =>
      objects(
        triples,
        objects(triples, interval ?? '', `${TIME}${edge}`)[0] ?? '',
        `${TIME}inXSDDate`,
      );
    expect(dateOf('hasBeginning')).toEqual([`"2018-12-04"^^<${XSD_DATE}>`]);
    // The erratum moved the handover from the misprinted 2020-03-01 to 2020-05-01.
    expect(dateOf('hasEnd')).toEqual([`"2020-05-01"^^<${XSD_DATE}>`]);
    expect(objects(triples, standing, `${PROV}wasDerivedFrom`)).toContain(MERGER_DECISION);
  });
});
