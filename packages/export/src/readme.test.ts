/**
 * The package README shows this usage verbatim (the region between the `#region` markers), and
 * the usage works: on the seed story it gives a Popolo document and a Mermaid lineage.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// #region usage
import * as E from 'fp-ts/lib/Either.js';
import type { CalendarDate } from '@mandate/core';
import type { ReadModelQueries } from '@mandate/projections';
import { gatherSnapshot, toMermaid, toPopolo } from '@mandate/export';

async function exportHistory(queries: ReadModelQueries): Promise<string> {
  const snapshot = await gatherSnapshot(queries, { on: '2019-01-01' as CalendarDate });
  if (E.isLeft(snapshot)) return `refused: ${snapshot.left._tag}`;
  const popolo = toPopolo(snapshot.right); // { organizations, posts, persons, memberships }
  return `${JSON.stringify(popolo, null, 2)}\n${toMermaid(snapshot.right)}`;
}
// #endregion usage
import { seedHistory } from './seed-story.fixture.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const source = readFileSync(new URL(import.meta.url), 'utf8');

describe('the README usage', () => {
  it('is shown in the README as it is here', () => {
    const region = /\/\/ #region usage\n([\s\S]*?)\/\/ #endregion usage/u.exec(source)?.[1];
    expect(region).toBeDefined();
    expect(readme).toContain(`\`\`\`ts\n${region ?? ''}\`\`\``);
  });

  it('exports the seed story', async () => {
    const text = await exportHistory((await seedHistory()).queries);
    expect(text).toContain('"founding_date": "2018-12-04"');
    expect(text).toContain('flowchart LR');
  });
});
