/**
 * The Popolo export of the 2018 seed story, checked against the Popolo JSON Schemas (draft-03)
 * and against the facts of the merger decision.
 */
import * as E from 'fp-ts/Either';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import { gatherSnapshot } from './gather.js';
import { toPopolo, type PopoloExport } from './popolo.js';
import { popoloViolations } from './popolo-schemas.fixture.js';
import { seedHistory, type SeedHistory } from './seed-story.fixture.js';

const ON = '2019-01-01' as CalendarDate;
const { successor, predecessors, tram } = Seed.SeedIds;
const MERGER_NOTE = /^decision …\/QĐ-UBND \(ubnd-tinh-binh-phuoc, 2018-12-04\)/u;

describe('the Popolo export of the seed story', () => {
  let history: SeedHistory;
  let popolo: PopoloExport;

  beforeAll(async () => {
    history = await seedHistory();
    const snapshot = await gatherSnapshot(history.queries, {
      on: ON,
      personNames: history.personNames,
    });
    if (E.isLeft(snapshot)) throw new Error(snapshot.left._tag);
    popolo = toPopolo(snapshot.right);
  });

  it('is valid against the Popolo schemas', () => {
    expect(popolo.organizations.length).toBeGreaterThan(0);
    expect(popoloViolations(popolo)).toEqual([]);
  });

  it('gives the three predecessors and the successor, with founding, dissolution and the merger as a source', () => {
    expect(popolo.organizations.map((o) => o.id)).toEqual(
      [successor, ...Object.values(predecessors)].sort(),
    );
    for (const id of Object.values(predecessors)) {
      const organization = popolo.organizations.find((o) => o.id === id);
      expect(organization?.dissolution_date).toBe('2018-12-04');
      expect(organization?.sources.map((s) => s.note)).toEqual([
        expect.not.stringMatching(MERGER_NOTE),
        expect.stringMatching(MERGER_NOTE),
      ]);
    }
    const merged = popolo.organizations.find((o) => o.id === successor);
    expect(merged).toMatchObject({
      name: 'Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh Bình Phước',
      classification: 'steering-committee',
      founding_date: '2018-12-04',
      other_names: [
        { name: "Bình Phước's Steering Committee for building e-government", note: 'English' },
      ],
    });
    expect(merged?.dissolution_date).toBeUndefined();
    expect(merged?.sources).toEqual([
      {
        url: 'urn:mandate:instrument:ubnd-tinh-binh-phuoc:2018:%E2%80%A6%2FQ%C4%90-UBND',
        note: expect.stringMatching(MERGER_NOTE),
      },
    ]);
  });

  it('gives the 17 seats as posts and the chairman, named, as the head since the merger', () => {
    expect(popolo.posts.filter((p) => p.organization_id === successor)).toHaveLength(17);
    expect(popolo.posts.find((p) => p.id === `${successor}/uv-thuong-truc-thu-ky`)?.role).toBe(
      'standing-member + secretary',
    );
    expect(popolo.persons).toEqual([{ id: tram, name: 'Nguyễn Văn Trăm' }]);
    expect(popolo.memberships).toEqual([
      {
        id: `${successor}/truong-ban/${tram}/2018-12-04`,
        label: 'named as chu-tich-ubnd-tinh',
        role: 'head',
        person_id: tram,
        organization_id: successor,
        post_id: `${successor}/truong-ban`,
        start_date: '2018-12-04',
        sources: [expect.objectContaining({ note: expect.stringMatching(MERGER_NOTE) })],
      },
    ]);
  });

  it('knew only the predecessors, still standing, before the merger was recorded', async () => {
    const before = await gatherSnapshot(history.queries, { on: ON, knownAt: history.beforeMerger });
    if (E.isLeft(before)) throw new Error(before.left._tag);
    const document = toPopolo(before.right);
    expect(document.organizations.map((o) => [o.id, o.dissolution_date])).toEqual(
      Object.values(predecessors)
        .sort()
        .map((id) => [id, undefined]),
    );
    expect(document.memberships).toEqual([]);
    expect(popoloViolations(document)).toEqual([]);
  });

  it('fails the schema check when a date, a link or a name is not what Popolo allows', () => {
    const [organization] = popolo.organizations;
    const [membership] = popolo.memberships;
    if (organization === undefined || membership === undefined) throw new Error('empty export');
    const broken = {
      ...popolo,
      organizations: [
        { ...organization, founding_date: '4 December 2018' },
        { ...organization, sources: [{ note: 'a source without its url' }] },
      ],
      memberships: [{ ...membership, start_date: 20181204 }],
      persons: [{ id: tram, name: ['Nguyễn', 'Văn', 'Trăm'] }],
    } as unknown as PopoloExport;
    expect(popoloViolations(broken)).toEqual([
      expect.stringMatching(/^organizations\[0\]\.founding_date: does not match pattern/u),
      expect.stringMatching(/^organizations\[1\]\.sources\[0\]\.url: is required/u),
      expect.stringMatching(/^persons\[0\]\.name: is not of a type/u),
      expect.stringMatching(/^memberships\[0\]\.start_date: is not of a type/u),
    ]);
  });
});
