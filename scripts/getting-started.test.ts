/**
 * The getting-started page shows the consumer program verbatim: each region between `#region`
 * markers of `consumer/consumer.ts` (which the packaging test type-checks and runs against the
 * packed packages) appears in the page as a TypeScript block.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const source = readFileSync(new URL('./consumer/consumer.ts', import.meta.url), 'utf8');
const page = readFileSync(new URL('../docs/tutorials/getting-started.md', import.meta.url), 'utf8');
const regions = [...source.matchAll(/\/\/ #region (\S+)\n([\s\S]*?)\/\/ #endregion \1/g)];

describe('the getting-started page', () => {
  it('shows every region of the consumer program', () => {
    expect(regions.map((region) => region[1])).toEqual([
      'imports',
      'commands',
      'record',
      'ask',
      'sqlite',
    ]);
    for (const [, name, code] of regions) {
      expect(page, name).toContain(`\`\`\`ts\n${code ?? ''}\`\`\``);
    }
  });
});
