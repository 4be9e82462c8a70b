/**
 * The office's index of followers, by example: a body decision adds one entry per office it first
 * makes the body follow, none for an office whose index lists the body already, none for a seat
 * naming a person; folding the entries lists each body once.
 */
import { describe, expect, it } from 'vitest';
import * as Body from '../body/index.js';
import type { AuthorityId, BodyId, OfficeId, PersonId, SeatId } from '../kernel/index.js';
import {
  followers,
  newFollowings,
  type FollowersState,
  type SeatFollowsOffice,
} from './followers.js';
import { day, source } from './examples.fixture.js';

const BODY = 'bcd-a' as BodyId;
const OTHER = 'bcd-b' as BodyId;
const CHAIR = 'chu-tich-ubnd-tinh' as OfficeId;
const FINANCE = 'giam-doc-so-tc' as OfficeId;
const TRAM = 'nguyen-van-tram' as PersonId;

const established = Body.bodyEstablished({
  bodyId: BODY,
  effectiveOn: day('2018-01-01'),
  source,
  kind: 'steering-committee',
  name: { vi: 'Ban' } as Body.BodyEstablished['data']['name'],
  authority: 'ubnd-tinh' as AuthorityId,
  origin: { kind: 'decision' },
});
const seat = (seatId: string, on: string, holder: Body.SeatCreated['data']['holder']) =>
  Body.seatCreated({
    bodyId: BODY,
    effectiveOn: day(on),
    source,
    seatId: seatId as SeatId,
    roles: Body.roleSet('member'),
    holder,
  });

/** One decision: a named seat, two seats following the chairmanship, one following finance. */
const decided = [
  seat('ghe-ong-tram', '2018-02-01', { follows: 'person', person: TRAM }),
  seat('ghe-chu-tich', '2018-03-01', { follows: 'office', office: CHAIR }),
  seat('ghe-pho-chu-tich', '2018-04-01', { follows: 'office', office: CHAIR }),
  seat('ghe-tai-chinh', '2018-05-01', { follows: 'office', office: FINANCE }),
];
const after = [established, ...decided].reduce(Body.decider.evolve, Body.initialState);
const nobody: FollowersState = followers.initialState;
const entry = (
  officeId: OfficeId,
  seatId: string,
  on: string,
  bodyId: BodyId = BODY,
): SeatFollowsOffice => ({
  type: 'SeatFollowsOffice',
  data: { officeId, bodyId, seatId: seatId as SeatId, effectiveOn: day(on), source },
});

describe('newFollowings', () => {
  it('adds one entry per office the decision first makes the body follow, for its first seat', () => {
    expect(newFollowings(decided, after, () => nobody)).toEqual([
      entry(CHAIR, 'ghe-chu-tich', '2018-03-01'),
      entry(FINANCE, 'ghe-tai-chinh', '2018-05-01'),
    ]);
  });

  it('adds none for an office whose index lists the body already', () => {
    const listed = (office: OfficeId): FollowersState =>
      office === CHAIR ? { bodies: new Set([BODY]) } : { bodies: new Set([OTHER]) };
    expect(newFollowings(decided, after, listed)).toEqual([
      entry(FINANCE, 'ghe-tai-chinh', '2018-05-01'),
    ]);
  });

  it('adds none for a decision seating only named persons, or deciding nothing', () => {
    expect(newFollowings(decided.slice(0, 1), after, () => nobody)).toEqual([]);
    expect(newFollowings([], after, () => nobody)).toEqual([]);
  });
});

describe('followers', () => {
  it('lists each body an entry names, once', () => {
    const state = [
      entry(CHAIR, 'ghe-chu-tich', '2018-03-01'),
      entry(CHAIR, 'ghe-x', '2018-03-01', OTHER),
    ].reduce(followers.evolve, followers.initialState);
    expect([...state.bodies]).toEqual([BODY, OTHER]);
    const again = followers.evolve(state, entry(CHAIR, 'ghe-pho-chu-tich', '2018-04-01'));
    expect(again).toBe(state);
  });
});
