/**
 * Every citation of the domain reference resolves: a heading cited in quotes
 * (`docs/reference/domain.md "Time"`) is a heading of docs/reference/domain.md, a cited rule number
 * is one of its numbered rules, and the reference numbers rules 1 to 20 in order. No file of the
 * repository points at a file users do not have.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const reference = readFileSync(`${root}docs/reference/domain.md`, 'utf8');

/** The text of every file git tracks or would track, by path. */
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter((path) => /\.(ts|js|cjs|mjs|md|json)$/.test(path) && path !== 'pnpm-lock.yaml')
  .map((path) => ({ path, text: readFileSync(`${root}${path}`, 'utf8') }));

const headings = new Set(
  [...reference.matchAll(/^#{2,3} (.+)$/gm)].map((match) => match[1]?.trim() ?? ''),
);
const ruleNumbers = [...reference.matchAll(/^(\d+)\. \*\*/gm)].map((match) => Number(match[1]));

describe('the domain reference', () => {
  it('numbers rules 1 to 20 in order', () => {
    expect(ruleNumbers).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('has every heading cited in quotes', () => {
    const cited = files.flatMap(({ path, text }) =>
      [...text.matchAll(/docs\/reference\/domain\.md "([^"]+)"/g)].map((match) => ({
        path,
        heading: match[1] ?? '',
      })),
    );
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter(({ heading }) => !headings.has(heading))).toEqual([]);
  });

  it('has every rule cited by number', () => {
    const cited = files.flatMap(({ path, text }) =>
      [...text.matchAll(/domain\.md,? rules? ((?:\d+(?:, | and |–|-)?)+)/g)].flatMap((match) =>
        [...(match[1] ?? '').matchAll(/\d+/g)].map((number) => ({ path, rule: Number(number[0]) })),
      ),
    );
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter(({ rule }) => !ruleNumbers.includes(rule))).toEqual([]);
  });

  it('is the only domain document files point to', () => {
    const unavailable = [`DOMAIN${'.md'}`, `shared${'/seed'}`, `..${'/shared'}`];
    const pointing = files.filter(({ text }) => unavailable.some((name) => text.includes(name)));
    expect(pointing.map(({ path }) => path)).toEqual([]);
  });
});
