/**
 * `mandate bodies` on a real SQLite file and a real PostgreSQL schema holding the seed story:
 * the table and the `--json` answer, on a date and as known at an instant.
 */
import { describe, expect, it } from 'vitest';
import { Seed } from '@mandate/core/testing';
import { mandate, mandateJson } from './binary.fixture.js';
import { seededStores } from './stores.fixture.js';

interface BodiesAnswer {
  readonly on: string;
  readonly knownAt: string | null;
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
