/**
 * The QuickStatements export of the seed story and its sequel: one P39 line per tenure, in the
 * version 1 column syntax, with start, end, the persons replaced and replacing in the seat, and
 * the decisions as the reference; placeholders until the caller maps items to Wikidata ids.
 */
import * as E from 'fp-ts/Either';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import { gatherSnapshot } from './gather.js';
import type { ExportSnapshot } from './snapshot.js';
import { toQuickStatements } from './wikidata.js';
import { seedHistory } from './seed-story.fixture.js';

const { successor, tram } = Seed.SeedIds;
const STANDING = `{post:${successor}/uv-thuong-truc-thu-ky}`;
const MERGER = '{instrument:ubnd-tinh-binh-phuoc:2018:…/QĐ-UBND}';
/** The erratum: the corrected handover cites it, not the misprinted decision. */
const ERRATUM = '{instrument:ubnd-tinh-binh-phuoc:2020:XXXX-21/QĐ-UBND}';

/** A QuickStatements v1 line as its columns: item, property, value, then qualifier and source pairs. */
const columns = (line: string) => {
  const [item, property, value, ...pairs] = line.split('\t');
  const qualifiers: Array<readonly [string, string]> = [];
  for (let i = 0; i < pairs.length; i += 2) qualifiers.push([pairs[i] ?? '', pairs[i + 1] ?? '']);
  return { item, property, value, qualifiers };
};

describe('the QuickStatements export', () => {
  let snapshot: ExportSnapshot;

  beforeAll(async () => {
    const history = await seedHistory({ sequel: true });
    const gathered = await gatherSnapshot(history.queries, {
      on: '2021-01-01' as CalendarDate,
      personNames: history.personNames,
    });
    if (E.isLeft(gathered)) throw new Error(gathered.left._tag);
    snapshot = gathered.right;
  });

  it('writes one position held per tenure, with start, end, predecessor, successor and the decisions', () => {
    const { lines } = toQuickStatements(snapshot);
    expect(lines.map(columns)).toEqual([
      {
        item: `{person:${tram}}`,
        property: 'P39',
        value: `{post:${successor}/truong-ban}`,
        qualifiers: [
          ['P580', '+2018-12-04T00:00:00Z/11'],
          ['S248', MERGER],
          [
            'S1476',
            'vi:"Quyết định thành lập Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh Bình Phước"',
          ],
        ],
      },
      {
        item: '{person:nguoi-minh-hoa-a}',
        property: 'P39',
        value: STANDING,
        qualifiers: [
          ['P580', '+2018-12-04T00:00:00Z/11'],
          ['P582', '+2020-05-01T00:00:00Z/11'],
          ['P1366', '{person:nguoi-minh-hoa-b}'],
          ['S248', MERGER],
          ['S248', '{instrument:ubnd-tinh-binh-phuoc:2018:XXXX-13/QĐ-UBND}'],
          ['S248', ERRATUM],
          ['S1476', expect.stringMatching(/^vi:"Quyết định thành lập/u)],
        ],
      },
      {
        item: '{person:nguoi-minh-hoa-b}',
        property: 'P39',
        value: STANDING,
        qualifiers: [
          ['P580', '+2020-05-01T00:00:00Z/11'],
          ['P1365', '{person:nguoi-minh-hoa-a}'],
          ['S248', ERRATUM],
        ],
      },
    ]);
  });

  it('lists every placeholder with a label, and writes a mapped item as its Wikidata id', () => {
    const { placeholders } = toQuickStatements(snapshot);
    expect(placeholders).toContainEqual({ token: `{person:${tram}}`, label: 'Nguyễn Văn Trăm' });
    expect(placeholders).toContainEqual({
      token: STANDING,
      label:
        'standing-member + secretary, Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh Bình Phước',
    });
    const mapped = toQuickStatements(snapshot, {
      items: { [`person:${tram}`]: 'Q1', [`post:${successor}/truong-ban`]: 'Q2' },
    });
    expect(mapped.lines[0]?.startsWith('Q1\tP39\tQ2\tP580\t')).toBe(true);
    expect(mapped.placeholders.map((p) => p.token)).not.toContain(`{person:${tram}}`);
  });

  it('writes a straight quote in a title as a typographic one, which QuickStatements cannot escape', () => {
    const titled = {
      ...snapshot,
      changes: snapshot.changes.map((change) =>
        change.source.kind === 'instrument' && change.source.instrument.title !== undefined
          ? {
              ...change,
              source: {
                ...change.source,
                instrument: { ...change.source.instrument, title: { vi: 'Quyết định "hợp nhất"' } },
              },
            }
          : change,
      ),
    } as ExportSnapshot;
    expect(toQuickStatements(titled).lines[0]?.split('\t').at(-1)).toBe(
      'vi:"Quyết định ”hợp nhất”"',
    );
  });
});
