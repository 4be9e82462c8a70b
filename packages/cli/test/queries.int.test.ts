/**
 * The query commands of the built binary on a real SQLite file and a real PostgreSQL schema, each
 * holding the seed story of Bình Phước 2018: every command's `--json` answer parsed and checked,
 * on a date and as known at an instant, and its table for a person.
 */
import { describe, expect, it } from 'vitest';
import { Seed } from '@mandate/core/testing';
import { mandate, mandateJson } from './binary.fixture.js';
import { seededStores } from './stores.fixture.js';

const SUCCESSOR = Seed.SeedIds.successor;
const PREDECESSORS = Object.values(Seed.SeedIds.predecessors);
const MERGER = Seed.seedMergerDecision;
const MERGER_KEY = `${MERGER.number}|${MERGER.issuer}|2018`;

interface Seat {
  readonly seatId: string;
  readonly roles: ReadonlyArray<string>;
  readonly holder: { readonly follows: string } | null;
  readonly occupant: { readonly kind: string; readonly person?: string } | null;
}

interface Change {
  readonly position: string;
  readonly type: string;
  readonly aggregate: string;
  readonly aggregateId: string;
  readonly effectiveOn: string;
}

const seeded = seededStores();
const addressOf = {
  SQLite: () => seeded.sqlite.address,
  PostgreSQL: () => seeded.postgres.address,
};

describe.each(['SQLite', 'PostgreSQL'] as const)('the query commands on %s', (kind) => {
  const ask = (...args: string[]) => mandateJson(['--store', addressOf[kind](), ...args]);

  it('roster: the 17 seats of the successor, the head held by Mr. Trăm', async () => {
    const answer = (await ask('roster', SUCCESSOR, '--on', '2019-01-01')) as {
      readonly body: { readonly bodyId: string; readonly status: string };
      readonly seats: ReadonlyArray<Seat>;
    };
    expect(answer.body).toMatchObject({ bodyId: SUCCESSOR, status: 'active' });
    expect(answer.seats).toHaveLength(17);
    const head = answer.seats.find((seat) => seat.roles.includes('head'));
    expect(head?.occupant).toMatchObject({ kind: 'person', person: Seed.SeedIds.tram });
    const secretary = answer.seats.filter((seat) => seat.roles.includes('secretary'));
    expect(secretary).toHaveLength(1);
    expect(secretary[0]?.roles).toContain('standing-member');
  });

  it('roster: no seat before the successor was established, nothing known before the log began', async () => {
    const before = (await ask('roster', SUCCESSOR, '--on', '2018-06-01')) as {
      readonly body: { readonly status: string };
      readonly seats: ReadonlyArray<Seat>;
    };
    expect(before.body.status).toBe('not-yet-established');
    expect(before.seats).toEqual([]);
    const unknown = await mandate([
      '--store',
      addressOf[kind](),
      'roster',
      SUCCESSOR,
      '--known-at',
      '2000-01-01T00:00:00.000Z',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      `mandate: no body ${SUCCESSOR} is known as known at 2000-01-01T00:00:00.000Z\n`,
    );
  });

  it('duties: the six duties of the decision, in force the day after the merger', async () => {
    const answer = (await ask('duties', SUCCESSOR, '--on', '2018-12-05')) as {
      readonly duties: ReadonlyArray<{
        readonly dutyId: string;
        readonly provenance: { readonly kind: string };
      }>;
    };
    expect(answer.duties.map((duty) => duty.dutyId)).toEqual(
      Seed.seedDuties.map(([dutyId]) => dutyId),
    );
    expect(answer.duties.every((duty) => duty.provenance.kind === 'own')).toBe(true);
  });

  it('compliance: the 2019 review filed, the half-year reports missing by mid-2020', async () => {
    const answer = (await ask('compliance', SUCCESSOR, '--on', '2020-06-01')) as {
      readonly obligations: ReadonlyArray<{
        readonly obligationId: string;
        readonly periods: ReadonlyArray<{ readonly period: string; readonly status: string }>;
      }>;
    };
    const byId = Object.fromEntries(
      answer.obligations.map(({ obligationId, periods }) => [
        obligationId,
        periods.map(({ period, status }) => `${period} ${status}`),
      ]),
    );
    expect(byId).toEqual({
      [Seed.SeedIds.annualReview]: ['2019 filed'],
      [Seed.SeedIds.periodicReport]: ['2019-H1 missing', '2019-H2 missing'],
    });
  });

  it('lineage: the successor came from the three committees and became nothing else', async () => {
    const answer = (await ask('lineage', SUCCESSOR)) as {
      readonly predecessors: ReadonlyArray<{
        readonly body: { readonly bodyId: string; readonly end?: { readonly reason: string } };
        readonly next: ReadonlyArray<unknown>;
      }>;
      readonly successors: ReadonlyArray<unknown>;
    };
    expect(answer.predecessors.map((node) => node.body.bodyId).sort()).toEqual(
      [...PREDECESSORS].sort(),
    );
    expect(answer.predecessors.every((node) => node.body.end?.reason === 'merger')).toBe(true);
    expect(answer.successors).toEqual([]);
    const back = (await ask('lineage', PREDECESSORS[0] as string)) as {
      readonly successors: ReadonlyArray<{ readonly body: { readonly bodyId: string } }>;
    };
    expect(back.successors.map((node) => node.body.bodyId)).toEqual([SUCCESSOR]);
  });

  it("history: a body's changes up to a date, and a person's holdings", async () => {
    const body = (await ask('history', SUCCESSOR, '--on', '2018-12-31')) as {
      readonly kind: string;
      readonly changes: ReadonlyArray<Change>;
    };
    expect(body.kind).toBe('body');
    expect(body.changes[0]?.type).toBe('BodyEstablished');
    expect(body.changes.every((change) => change.aggregateId === SUCCESSOR)).toBe(true);
    expect(body.changes.every((change) => change.effectiveOn <= '2018-12-31')).toBe(true);
    const person = (await ask('history', Seed.SeedIds.tram)) as {
      readonly kind: string;
      readonly holdings: {
        readonly offices: ReadonlyArray<{ readonly officeId: string }>;
        readonly seats: ReadonlyArray<{ readonly bodyId: string }>;
      };
    };
    expect(person.kind).toBe('person');
    expect(person.holdings.offices.map((tenure) => tenure.officeId)).toContain(
      'chu-tich-ubnd-tinh',
    );
    expect(person.holdings.seats.map((tenure) => tenure.bodyId)).toContain(SUCCESSOR);
  });

  it('instrument: what the merger decision changed, by its printed number or its key', async () => {
    const byNumber = (await ask(
      'instrument',
      MERGER.number,
      '--issuer',
      MERGER.issuer,
      '--year',
      '2018',
    )) as {
      readonly instrument: string;
      readonly counts: ReadonlyArray<{
        readonly aggregate: string;
        readonly type: string;
        readonly count: number;
      }>;
      readonly changes: ReadonlyArray<Change>;
    };
    expect(byNumber.instrument).toBe(MERGER_KEY);
    const count = (type: string) => byNumber.counts.find((entry) => entry.type === type)?.count;
    expect(count('SeatCreated')).toBe(17);
    expect(count('BodyEnded')).toBe(3);
    expect(count('BodyEstablished')).toBe(1);
    expect(byNumber.counts.reduce((sum, entry) => sum + entry.count, 0)).toBe(
      byNumber.changes.length,
    );
    expect(await ask('instrument', MERGER_KEY)).toEqual(byNumber);
    const recorded = (await ask('instrument', MERGER_KEY)) as {
      readonly record: {
        readonly key: string;
        readonly instrument: { readonly number: string; readonly signedOn: string };
        readonly relations: ReadonlyArray<unknown>;
      };
    };
    expect(recorded.record.key).toBe(MERGER_KEY);
    expect(recorded.record.instrument).toMatchObject({
      number: MERGER.number,
      signedOn: '2018-12-04',
    });
    const wrongYear = await mandate([
      '--store',
      addressOf[kind](),
      'instrument',
      MERGER.number,
      '--issuer',
      MERGER.issuer,
      '--year',
      '2017',
    ]);
    expect(wrongYear.code).toBe(1);
    expect(wrongYear.stderr).toContain(`no instrument ${MERGER.number}|${MERGER.issuer}|2017`);
  });

  it('search: bodies and persons by name without diacritics', async () => {
    const found = (await ask('search', 'binh PHUOC', '--on', '2019-01-01')) as {
      readonly bodies: ReadonlyArray<{ readonly bodyId: string; readonly status: string }>;
      readonly persons: ReadonlyArray<{ readonly personId: string }>;
    };
    expect(found.bodies).toContainEqual(
      expect.objectContaining({ bodyId: SUCCESSOR, status: 'active' }),
    );
    expect(found.persons).toEqual([]);
    const tram = (await ask('search', 'nguyen van tram')) as {
      readonly persons: ReadonlyArray<{ readonly personId: string; readonly name: string }>;
    };
    expect(tram.persons).toEqual([
      expect.objectContaining({ personId: Seed.SeedIds.tram, name: 'Nguyễn Văn Trăm' }),
    ]);
    const table = await mandate(['--store', addressOf[kind](), 'search', 'Trăm']);
    expect(table.stdout).toContain('Nguyễn Văn Trăm');
  });

  it('audit: an instrument trail in log order, and the changes of a span of dates', async () => {
    const trail = (await ask('audit', '--instrument', MERGER_KEY)) as {
      readonly scope: { readonly instrument: string };
      readonly changes: ReadonlyArray<Change>;
    };
    expect(trail.scope.instrument).toBe(MERGER_KEY);
    const positions = trail.changes.map((change) => BigInt(change.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    const span = (await ask('audit', '--from', '2018-12-01', '--to', '2019-01-01')) as {
      readonly scope: { readonly from: string; readonly to: string };
      readonly changes: ReadonlyArray<Change>;
    };
    expect(span.scope).toEqual({ from: '2018-12-01', to: '2019-01-01' });
    expect(span.changes.length).toBeGreaterThan(0);
    expect(
      span.changes.every(
        (change) => change.effectiveOn >= '2018-12-01' && change.effectiveOn < '2019-01-01',
      ),
    ).toBe(true);
  });
});

describe('the tables for a person', () => {
  it('aligns the roster columns however wide the Vietnamese text', async () => {
    const run = await mandate([
      '--store',
      seeded.sqlite.address,
      'roster',
      SUCCESSOR,
      '--on',
      '2019-01-01',
    ]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const heading = lines.findIndex((line) => line.startsWith('seat'));
    const column = (lines[heading] ?? '').indexOf('held');
    const rows = lines.slice(heading + 2).filter((line) => line !== '');
    expect(rows).toHaveLength(17);
    // Every row's "held" cell starts in the heading's column, counted in code points of NFC text.
    for (const row of rows) {
      expect([...row.slice(0, row.lastIndexOf('  ') + 2)].length).toBe(column);
    }
    expect(run.stdout).toContain('Nguyễn Văn Trăm');
  });
});
