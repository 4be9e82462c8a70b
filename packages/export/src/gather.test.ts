/**
 * What an export is gathered from: one body brings its whole lineage, the valid date cuts history
 * (nothing that took effect later), the known instant cuts knowledge, and a question the read
 * model refuses is refused with the read model's own typed error.
 */
import * as E from 'fp-ts/Either';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BodyId, CalendarDate, Instant } from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import { gatherSnapshot } from './gather.js';
import { seedHistory, type SeedHistory } from './seed-story.fixture.js';

const { successor, predecessors } = Seed.SeedIds;
const on = (date: string) => date as CalendarDate;

describe('gathering an export', () => {
  let history: SeedHistory;

  beforeAll(async () => {
    history = await seedHistory({ sequel: true });
  });

  it('brings, for one predecessor, the successor and the other predecessors it merged with', async () => {
    const snapshot = await gatherSnapshot(history.queries, {
      on: on('2019-01-01'),
      body: predecessors.scheme as BodyId,
    });
    expect(
      E.map((s: { bodies: ReadonlyArray<{ bodyId: string }> }) => s.bodies.map((b) => b.bodyId))(
        snapshot,
      ),
    ).toEqual(E.right([successor, ...Object.values(predecessors)].sort()));
  });

  it('leaves out what took effect after the date: later bodies, ends, tenures and their ends', async () => {
    const before = await gatherSnapshot(history.queries, { on: on('2018-12-03') });
    if (E.isLeft(before)) throw new Error(before.left._tag);
    expect(before.right.bodies.map((b) => [b.bodyId, b.end])).toEqual(
      Object.values(predecessors)
        .sort()
        .map((id) => [id, undefined]),
    );
    expect(before.right.memberships).toEqual([]);
    const during = await gatherSnapshot(history.queries, { on: on('2020-04-30') });
    if (E.isLeft(during)) throw new Error(during.left._tag);
    expect(during.right.memberships.map((m) => [m.personId, m.from, m.to])).toEqual([
      ['nguyen-van-tram', '2018-12-04', undefined],
      ['nguoi-minh-hoa-a', '2018-12-04', undefined],
    ]);
  });

  it('reads as known at an instant: before the erratum, the misprinted handover stands', async () => {
    const snapshot = await gatherSnapshot(history.queries, {
      on: on('2021-01-01'),
      knownAt: history.beforeErratum as Instant,
    });
    if (E.isLeft(snapshot)) throw new Error(snapshot.left._tag);
    expect(snapshot.right.knownAt).toBe(history.beforeErratum);
    expect(
      snapshot.right.memberships
        .filter((m) => m.seatId === 'uv-thuong-truc-thu-ky')
        .map((m) => [m.personId, m.from, m.to]),
    ).toEqual([
      ['nguoi-minh-hoa-a', '2018-12-04', '2020-03-01'],
      ['nguoi-minh-hoa-b', '2020-03-01', undefined],
    ]);
  });

  it('refuses an unknown body, a date that is not one and an instant that is not one, typed', async () => {
    expect(
      await gatherSnapshot(history.queries, {
        on: on('2019-01-01'),
        body: 'no-such-body' as BodyId,
      }),
    ).toEqual(E.left({ _tag: 'UnknownBody', bodyId: 'no-such-body' }));
    expect(await gatherSnapshot(history.queries, { on: on('2019-02-30') })).toEqual(
      E.left({ _tag: 'InvalidQuery', argument: 'on', value: '2019-02-30' }),
    );
    expect(
      await gatherSnapshot(history.queries, {
        on: on('2019-01-01'),
        knownAt: 'yesterday' as Instant,
      }),
    ).toEqual(E.left({ _tag: 'InvalidQuery', argument: 'knownAt', value: 'yesterday' }));
  });
});
