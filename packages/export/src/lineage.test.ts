/**
 * The lineage graphs of the seed story, read back by Graphviz and by Mermaid: the four bodies,
 * and the merger drawn from each predecessor to the successor with its date and decision.
 */
import * as E from 'fp-ts/Either';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BodyId, CalendarDate } from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import { parseDot, parseMermaid } from './diagram-parsers.fixture.js';
import { toDot } from './dot.js';
import { gatherSnapshot } from './gather.js';
import { toMermaid } from './mermaid.js';
import { seedHistory } from './seed-story.fixture.js';
import type { ExportSnapshot } from './snapshot.js';

const { successor, predecessors } = Seed.SeedIds;
const SUCCESSOR_LABEL = 'Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh Bình Phước\n2018-12-04 –';
const MERGER_LABEL = 'merger 2018-12-04 …/QĐ-UBND';

describe('the lineage graphs of the seed story', () => {
  let snapshot: ExportSnapshot;

  beforeAll(async () => {
    const gathered = await gatherSnapshot((await seedHistory()).queries, {
      on: '2019-01-01' as CalendarDate,
      body: successor as BodyId,
    });
    if (E.isLeft(gathered)) throw new Error(gathered.left._tag);
    snapshot = gathered.right;
  });

  it('draws the merger in DOT, as Graphviz reads it', async () => {
    const graph = await parseDot(toDot(snapshot));
    expect(graph.nodes.map((node) => node.id)).toEqual(
      [...Object.values(predecessors), successor].sort(),
    );
    expect(graph.nodes.find((node) => node.id === successor)?.label).toBe(SUCCESSOR_LABEL);
    expect(graph.edges).toEqual(
      Object.values(predecessors)
        .sort()
        .map((from) => ({ from, to: successor, label: MERGER_LABEL })),
    );
  });

  it('draws the merger in Mermaid, as Mermaid reads it', async () => {
    const graph = await parseMermaid(toMermaid(snapshot));
    expect(graph.nodes.map((node) => node.label.split('\n')[0])).toEqual(
      snapshot.bodies.map((view) => view.name?.vi ?? view.names.at(-1)?.name.vi),
    );
    expect(graph.nodes.at(-1)?.label).toBe(SUCCESSOR_LABEL);
    expect(graph.edges).toEqual(
      ['b0', 'b1', 'b2'].map((from) => ({ from, to: 'b3', label: MERGER_LABEL })),
    );
  });
});
