import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_PATH, scoresTable, withTable } from './mutation-scores.js';

describe('the mutation scores in packages/core/README.md', () => {
  it('are current: run `pnpm mutation:scores` after committing a mutation run', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(readme).toBe(withTable(readme, scoresTable()));
  });
});
