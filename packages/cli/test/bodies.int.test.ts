/**
 * `mandate bodies` on a real SQLite file and a real PostgreSQL schema holding the seed story:
 * the table and the `--json` answer, on a date and as known at an instant; with `--under`, the
 * bodies under one authority before and after the province's merger, and the refusals of an
 * authority not registered, an id that does not decode and an impossible date.
 */
import { describe, expect, it } from 'vitest';
import { Seed } from '@mandate/core/testing';
import { mandate, mandateJson } from './binary.fixture.js';
import { seededStores } from './stores.fixture.js';

interface BodiesAnswer {
  readonly on: string;
  readonly knownAt: string | null;
  readonly under?: string;
  readonly bodies: ReadonlyArray<{ readonly bodyId: string; readonly status: string }>;
}

const statuses = (answer: BodiesAnswer): Record<string, string> =>
  Object.fromEntries(answer.bodies.map(({ bodyId, status }) => [bodyId, status]));

const stores = seededStores();

describe('mandate bodies', () => {
  it.each([
    ['SQLite', () => stores.sqlite.address],
    ['PostgreSQL', () => stores.postgres.address],
  ])(
    'lists the predecessors as ended and the successor as active after the merger (%s)',
    async (_, address) => {
      const answer = (await mandateJson([
        '--store',
        address(),
        'bodies',
        '--on',
        '2019-01-01',
      ])) as BodiesAnswer;
      expect(answer.on).toBe('2019-01-01');
      expect(answer.knownAt).toBeNull();
      expect(statuses(answer)).toMatchObject({
        [Seed.SeedIds.successor]: 'active',
        [Seed.SeedIds.predecessors.reform]: 'ended',
        [Seed.SeedIds.predecessors.scheme]: 'ended',
        [Seed.SeedIds.predecessors.itApplication]: 'ended',
      });
    },
  );

  it('shows the successor not yet established before the merger', async () => {
    const answer = (await mandateJson(['bodies', '--on', '2018-06-01'], {
      env: { MANDATE_STORE: stores.sqlite.address },
    })) as BodiesAnswer;
    expect(statuses(answer)[Seed.SeedIds.successor]).toBe('not-yet-established');
    expect(statuses(answer)[Seed.SeedIds.predecessors.reform]).toBe('active');
  });

  it('knows no body as known before anything was recorded', async () => {
    const answer = (await mandateJson([
      '--store',
      stores.sqlite.address,
      'bodies',
      '--known-at',
      '2000-01-01T00:00:00.000Z',
    ])) as BodiesAnswer;
    expect(answer).toMatchObject({ knownAt: '2000-01-01T00:00:00.000Z', bodies: [] });
  });

  it('answers from an empty store in memory', async () => {
    const answer = (await mandateJson([
      '--store',
      'memory:',
      'bodies',
      '--on',
      '2019-01-01',
    ])) as BodiesAnswer;
    expect(answer).toEqual({ on: '2019-01-01', knownAt: null, bodies: [] });
    const text = await mandate(['--store', 'memory:', 'bodies']);
    expect(text).toMatchObject({ code: 0, stdout: 'No body is known.\n', stderr: '' });
  });
});

describe('mandate bodies --under', () => {
  const { successor, province, dongNai } = Seed.SeedIds;
  const under = (address: string, authority: string, ...args: string[]) =>
    mandateJson([
      '--store',
      address,
      'bodies',
      '--under',
      authority,
      ...args,
    ]) as Promise<BodiesAnswer>;

  it.each([
    ['SQLite', () => stores.sqlite.address],
    ['PostgreSQL', () => stores.postgres.address],
  ])(
    'lists the successor under the province, then under Đồng Nai after the merger (%s)',
    async (_, address) => {
      const before = await under(address(), province, '--on', '2019-01-01');
      expect(before).toMatchObject({ on: '2019-01-01', knownAt: null, under: province });
      expect(before.bodies.map((body) => body.bodyId)).toEqual([successor]);
      expect(before.bodies[0]?.status).toBe('active');
      const merged = Seed.SEED_PROVINCE_MERGER_DATE;
      expect((await under(address(), dongNai, '--on', merged)).bodies.map((b) => b.bodyId)).toEqual(
        [successor],
      );
      expect((await under(address(), province, '--on', merged)).bodies).toEqual([]);
      // Before the merger, the three committees answered to the province and the successor did not exist.
      const earlier = await under(address(), province, '--on', '2018-06-01');
      expect(earlier.bodies.map((body) => body.bodyId).sort()).toEqual(
        Object.values(Seed.SeedIds.predecessors).sort(),
      );
    },
  );

  it('prints the bodies under the authority as a table, and says when there is none', async () => {
    const table = await mandate([
      '--store',
      stores.sqlite.address,
      'bodies',
      '--under',
      province,
      '--on',
      '2019-01-01',
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`^Bodies under ${province} on 2019-01-01:\\n\\nbody `));
    expect(table.stdout).toMatch(new RegExp(`\\n${successor}\\s+active\\s`));
    const none = await mandate([
      '--store',
      stores.sqlite.address,
      'bodies',
      '--under',
      province,
      '--on',
      Seed.SEED_PROVINCE_MERGER_DATE,
    ]);
    expect(none).toMatchObject({
      code: 0,
      stdout: `No body answered to ${province} on ${Seed.SEED_PROVINCE_MERGER_DATE}.\n`,
      stderr: '',
    });
  });

  it('refuses an authority not registered, as known at an instant or at all', async () => {
    const early = await mandate([
      '--store',
      stores.sqlite.address,
      'bodies',
      '--under',
      province,
      '--known-at',
      '2000-01-01T00:00:00.000Z',
    ]);
    expect(early).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `mandate: no authority ${province} is registered as known at 2000-01-01T00:00:00.000Z\n`,
    });
    const unknown = await mandate([
      '--store',
      stores.sqlite.address,
      'bodies',
      '--under',
      'ubnd-tinh-khong-co',
    ]);
    expect(unknown).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'mandate: no authority ubnd-tinh-khong-co is registered\n',
    });
  });

  it('is a usage error for an authority id that does not decode, or an impossible date', async () => {
    const badId = await mandate([
      '--store',
      stores.sqlite.address,
      'bodies',
      '--under',
      'Not An Id',
    ]);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain("option '--under <authority>' argument 'Not An Id' is invalid");
    expect(badId.stdout).toBe('');
    const badDate = await mandate([
      '--store',
      stores.sqlite.address,
      'bodies',
      '--under',
      province,
      '--on',
      '2019-02-30',
    ]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("option '--on <date>' argument '2019-02-30' is invalid");
  });
});
