/**
 * `mandate export` spawned as users run it, on a real SQLite file and a real PostgreSQL schema
 * holding the seed story: each format's output read back, `--out` writing a new file, and wrong
 * arguments refused with their exit code, a plain message and the store unchanged.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Seed } from '@mandate/core/testing';
import { mandate } from './binary.fixture.js';
import { seededStores } from './stores.fixture.js';

const { successor, predecessors, tram } = Seed.SeedIds;

const stores = seededStores();
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'mandate-export-'));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs `mandate --store <address> export ...args`, expecting success; returns stdout. */
async function exported(address: string, args: ReadonlyArray<string>): Promise<string> {
  const run = await mandate(['--store', address, 'export', ...args]);
  if (run.code !== 0) throw new Error(`export ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run.stdout;
}

describe('mandate export', () => {
  it.each([
    ['SQLite', () => stores.sqlite.address],
    ['PostgreSQL', () => stores.postgres.address],
  ])('writes the merger as Popolo JSON (%s)', async (_, address) => {
    const popolo = JSON.parse(
      await exported(address(), ['--format', 'popolo', '--on', '2019-01-01']),
    ) as {
      organizations: ReadonlyArray<{ id: string; dissolution_date?: string }>;
      persons: ReadonlyArray<{ id: string; name?: string }>;
      memberships: ReadonlyArray<{ person_id: string; post_id: string; start_date: string }>;
    };
    expect(popolo.organizations.map((o) => [o.id, o.dissolution_date])).toEqual(
      [successor, ...Object.values(predecessors)]
        .sort()
        .map((id) => [id, id === successor ? undefined : '2018-12-04']),
    );
    expect(popolo.persons).toEqual([{ id: tram, name: 'Nguyễn Văn Trăm' }]);
    expect(popolo.memberships).toEqual([
      expect.objectContaining({
        person_id: tram,
        post_id: `${successor}/truong-ban`,
        start_date: '2018-12-04',
      }),
    ]);
  });

  it('writes ORG JSON-LD, QuickStatements, Mermaid and DOT', async () => {
    const args = ['--on', '2019-01-01'];
    const org = JSON.parse(
      await exported(stores.sqlite.address, ['--format', 'org-jsonld', ...args]),
    ) as {
      '@graph': ReadonlyArray<{ '@id': string; '@type': string }>;
    };
    expect(org['@graph']).toContainEqual(
      expect.objectContaining({
        '@id': `urn:mandate:change:${Seed.SeedIds.merger}`,
        '@type': 'org:ChangeEvent',
      }),
    );
    expect(
      (await exported(stores.sqlite.address, ['--format', 'wikidata', ...args])).split('\n')[0],
    ).toMatch(
      new RegExp(
        `^\\{person:${tram}\\}\\tP39\\t\\{post:${successor}/truong-ban\\}\\tP580\\t\\+2018-12-04T00:00:00Z/11\\t`,
        'u',
      ),
    );
    const mermaid = await exported(stores.sqlite.address, ['--format', 'mermaid', ...args]);
    expect(mermaid.split('\n')[0]).toBe('flowchart LR');
    expect(mermaid).toContain('-->|"merger 2018-12-04 …/QĐ-UBND"|');
    const dot = await exported(stores.sqlite.address, [
      '--format',
      'dot',
      '--body',
      successor,
      ...args,
    ]);
    expect(dot).toContain(
      `"${predecessors.reform}" -> "${successor}" [label="merger 2018-12-04 …/QĐ-UBND"];`,
    );
  });

  it('as known before anything was recorded, exports no body', async () => {
    const popolo = JSON.parse(
      await exported(stores.sqlite.address, ['--format', 'popolo', '--known-at', '2000-01-01']),
    ) as { organizations: ReadonlyArray<unknown> };
    expect(popolo.organizations).toEqual([]);
  });

  it('writes to a new file with --out, and refuses to overwrite one', async () => {
    const out = join(folder, 'lineage.dot');
    const run = await mandate([
      '--store',
      stores.sqlite.address,
      'export',
      '--format',
      'dot',
      '--out',
      out,
    ]);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(out, 'utf8')).toMatch(/^digraph lineage \{/u);
    writeFileSync(out, 'kept');
    const again = await mandate([
      '--store',
      stores.sqlite.address,
      'export',
      '--format',
      'dot',
      '--out',
      out,
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      `mandate: --out "${out}" is not valid: cannot write a new file there`,
    );
    expect(readFileSync(out, 'utf8')).toBe('kept');
  });

  it.each([
    [['--format', 'csv'], 2, /argument 'csv' is invalid. Allowed choices are popolo, org-jsonld/u],
    [[], 2, /required option '--format <format>' not specified/u],
    [['--format', 'popolo', '--on', '2019-02-30'], 2, /2019-02-30/u],
    [
      ['--format', 'popolo', '--body', 'no-such-body'],
      1,
      /mandate: no body no-such-body is known/u,
    ],
  ])('refuses %j with exit code %i and changes nothing', async (args, code, message) => {
    const before = stores.sqlite.bytes();
    const run = await mandate(['--store', stores.sqlite.address, 'export', ...args]);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /u);
    expect(run.stdout).toBe('');
    expect(stores.sqlite.bytes().equals(before)).toBe(true);
  });
});
