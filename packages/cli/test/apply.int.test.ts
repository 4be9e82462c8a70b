/**
 * `mandate apply`, spawned as a user runs it, on real SQLite files: the example's decision files
 * applied in order and then again (nothing recorded the second time), a dry run that records
 * nothing, and files that are malformed, partially invalid, refused or missing — each with its
 * exit code, a message naming the file, line, path and rule, no stack trace, and the log unchanged.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/Either';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from '@mandate/adapter-sqlite';
import { mandate } from './binary.fixture.js';

const EXAMPLES = fileURLToPath(
  new URL('../../../examples/binh-phuoc-2018/decisions/', import.meta.url),
);
const examples = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => join(EXAMPLES, name));
const upTo = (number: string) =>
  examples.filter((file) => file.slice(EXAMPLES.length, EXAMPLES.length + 2) <= number);

let folder: string;
let store: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'mandate-apply-'));
  store = join(folder, 'mandate.sqlite');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** The store's whole log, as JSON text. */
async function logOf(file: string): Promise<string> {
  const opened = await createSqliteEventStore({ path: file });
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  try {
    const read = await opened.right.readAll({ maxCount: 100_000 });
    if (E.isLeft(read)) throw new Error(read.left.message);
    return JSON.stringify(read.right, (_, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    );
  } finally {
    await opened.right.close();
  }
}

const apply = (...args: string[]) => mandate(['--store', `sqlite:${store}`, 'apply', ...args]);

/** A file in the test's folder. */
const written = (name: string, text: string): string => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

const establish = (bodyId: string, effectiveOn: string) =>
  [
    '  - type: EstablishBody',
    '    data:',
    `      bodyId: ${bodyId}`,
    '      kind: steering-committee',
    '      name: { vi: Ban Chỉ đạo thử }',
    '      authority: ubnd-tinh-binh-phuoc',
    `      effectiveOn: ${effectiveOn}`,
  ].join('\n');

const decision = (...changes: string[]) =>
  [
    'instrument:',
    '  type: decision',
    '  number: 77/QĐ-UBND',
    '  issuer: ubnd-tinh-binh-phuoc',
    '  signer: { name: Nguyễn Văn Trăm }',
    '  signedOn: 2021-03-01',
    'changes:',
    ...changes,
    '',
  ].join('\n');

describe('mandate apply', () => {
  it('applies the example files in order, then records nothing when they are applied again', async () => {
    const first = await apply(...examples);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    // 49 body events, and the new committee on the index of each of the 16 offices it follows.
    expect(first.stdout).toContain('09-quyet-dinh-hop-nhat-2018.yaml: recorded 65 event(s)');
    expect(first.stdout).toMatch(/ILLUSTRATIVE — /);
    expect(first.stdout).toMatch(
      /changes\.0\s+MergeAuthority\s+AuthorityMerged\s+authorities\s+2025-07-01/,
    );
    const log = await logOf(store);

    const again = await apply(...examples, '--json');
    expect(again.code).toBe(0);
    const answer = JSON.parse(again.stdout) as {
      files: ReadonlyArray<{ duplicate: boolean; appended: number }>;
    };
    expect(answer.files).toHaveLength(examples.length);
    expect(answer.files.every((file) => file.duplicate && file.appended === 0)).toBe(true);
    expect(await logOf(store)).toBe(log);
  });

  it('rehearses files on a copy with --dry-run, each seeing the ones before it, recording nothing', async () => {
    await apply(...upTo('09'));
    const log = await logOf(store);
    const rest = examples.filter((file) => !upTo('09').includes(file));
    const run = await apply('--dry-run', ...rest);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('14-minh-hoa-dinh-chinh-2020.yaml: would record 3 event(s)');
    expect(await logOf(store)).toBe(log);
  });

  it('refuses a partially invalid file, naming every problem with its line, and applies none', async () => {
    await apply(...upTo('05'));
    const log = await logOf(store);
    const file = written(
      'partial.yaml',
      decision(establish('bcd-thu', '2021-03-01'), establish('bcd-thu-2', '2021-02-30')),
    );
    const run = await apply(...upTo('05'), file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:21:20: changes.1.data.effectiveOn: CalendarDate`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    expect(await logOf(store)).toBe(log);
  });

  it('refuses a file whose change a decider refuses, naming the rule, and records none of it', async () => {
    await apply(...upTo('06'));
    const log = await logOf(store);
    const file = written(
      'refused.yaml',
      decision(
        establish('bcd-moi', '2021-03-01'),
        establish('bcd-cai-cach-tthc-cntt-cqdt', '2021-03-01'),
      ),
    );
    const run = await apply(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `${file}:15:5: changes\\.1 \\(EstablishBody\\) refused \\[AlreadyEstablished, rule 1\\]`,
      ),
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await logOf(store)).toBe(log);
  });

  it('refuses malformed YAML with its line', async () => {
    const file = written('malformed.yaml', 'changes:\n  - type: [EstablishBody\n');
    const run = await apply(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:3:`);
  });

  it('is a usage error for a file that does not exist, or none at all', async () => {
    const missing = await apply(join(folder, 'nowhere.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    expect((await apply()).code).toBe(2);
  });
});
