/**
 * Any body name — Vietnamese, with quotes, backslashes, Mermaid's `#…;` codes, HTML, arrows or
 * brackets — survives both diagram formats: Graphviz and Mermaid parse the export, and show every
 * node's and edge's label exactly as written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  BodyId,
  CalendarDate,
  DocumentNumber,
  LegalBasis,
  ReorganisationId,
} from '@mandate/core';
import type { Name } from '@mandate/core';
import type { BodyView, ChangeView } from '@mandate/projections';
import { parseDot, parseMermaid } from './diagram-parsers.fixture.js';
import { toDot } from './dot.js';
import { lineageGraph } from './lineage.js';
import { toMermaid } from './mermaid.js';
import type { ExportSnapshot } from './snapshot.js';

/** Characters that are syntax in DOT, Mermaid or HTML, and Vietnamese letters with their marks. */
const TRICKY = [
  ...'"\\#;&<>`|[](){}%-:/.\'',
  'br',
  '-->',
  'Đ',
  'ư',
  'ờ',
  'ễ',
  'ỹ',
  'Ấ',
  ' ',
  'a',
  '1',
];

/** A body name as the core accepts one: single-line, NFC, not blank, no leading or trailing space. */
const name = fc
  .array(fc.constantFrom(...TRICKY), { minLength: 1, maxLength: 24 })
  .map((parts) => parts.join('').normalize('NFC').trim())
  .filter((text) => text.length > 0) as fc.Arbitrary<Name>;

const basis = (number: string): LegalBasis => ({
  type: 'decision',
  number: number as DocumentNumber,
  issuer: 'ubnd-tinh' as LegalBasis['issuer'],
  signer: { name: 'Người ký' as Name },
  signedOn: '2018-12-04' as CalendarDate,
});

/** Two bodies merged into a third on 2018-12-04 by an instrument numbered `number`. */
function merger(names: readonly [Name, Name, Name], number: string): ExportSnapshot {
  const on = '2018-12-04' as CalendarDate;
  const ids = ['a', 'b', 'c'] as BodyId[];
  const view = (i: number): BodyView => ({
    bodyId: ids[i] as BodyId,
    kind: 'steering-committee',
    authority: 'ubnd-tinh' as BodyView['authority'],
    establishedOn: (i < 2 ? '2015-01-01' : on) as CalendarDate,
    status: i < 2 ? 'ended' : 'active',
    names: [{ name: { vi: names[i] as Name }, validity: { from: on } }],
    predecessors: i < 2 ? [] : ids.slice(0, 2),
    absorptions: [],
    ...(i < 2
      ? {
          end: {
            on,
            reason: 'merger',
            successors: [ids[2] as BodyId],
            reorganisationId: 'm' as ReorganisationId,
          },
        }
      : { name: { vi: names[i] as Name } }),
  });
  const change: ChangeView = {
    eventId: 'event-1',
    position: 1n,
    recordedAt: '2019-01-01T00:00:00.000Z' as ChangeView['recordedAt'],
    stream: 'body-c',
    aggregate: 'body',
    aggregateId: 'c',
    type: 'BodyEstablished',
    effectiveOn: on,
    source: { kind: 'instrument', instrument: basis(number) },
  };
  return {
    on,
    bodies: [view(0), view(1), view(2)],
    posts: [],
    persons: [],
    memberships: [],
    changes: [change],
  };
}

const NUMBER = fc.constantFrom('1234/QĐ-UBND', '…/QĐ-UBND', '12 / QĐ.TTg', 'XXXX-21/QĐ-UBND');

describe('the lineage diagrams of bodies with any names', () => {
  it('parse in Graphviz and show every label as written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(name, name, name), NUMBER, async (names, number) => {
        const snapshot = merger(names, number);
        const graph = lineageGraph(snapshot);
        const parsed = await parseDot(toDot(snapshot));
        expect(parsed.nodes).toEqual(
          graph.nodes.map((node) => ({ id: node.bodyId, label: node.lines.join('\n') })),
        );
        expect(parsed.edges).toEqual(graph.edges);
        expect(graph.edges[0]?.label).toBe(`merger 2018-12-04 ${number}`);
      }),
      { numRuns: 60 },
    );
  });

  it('parse in Mermaid and show every label as written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(name, name, name), NUMBER, async (names, number) => {
        const snapshot = merger(names, number);
        const graph = lineageGraph(snapshot);
        const parsed = await parseMermaid(toMermaid(snapshot));
        expect(parsed.nodes.map((node) => node.label)).toEqual(
          graph.nodes.map((node) => node.lines.join('\n')),
        );
        expect(parsed.edges.map((edge) => edge.label)).toEqual(
          graph.edges.map((edge) => edge.label),
        );
      }),
      { numRuns: 60 },
    );
  });
});
