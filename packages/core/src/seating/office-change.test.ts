/**
 * Rule 20 from the office side, by example: ending a substantive holding seats the acting holder,
 * and correcting a holding's dates may stretch it over a seat's days; either may put one person
 * in two seats of a body following the office. The refusal names the body, the first such day
 * and both seats.
 */
import { describe, expect, it } from 'vitest';
import * as Body from '../body/index.js';
import * as Office from '../office/index.js';
import type { AuthorityId, BodyId, EventId, OfficeId, PersonId, SeatId } from '../kernel/index.js';
import { changesWhoHolds, officeChangeRefusal, officesFollowed } from './office-change.js';
import { day, source } from './examples.fixture.js';

const BODY = 'bcd-a' as BodyId;
const CHAIR = 'chu-tich-ubnd-tinh' as OfficeId;
const FINANCE = 'giam-doc-so-tc' as OfficeId;
const TRAM = 'nguyen-van-tram' as PersonId;
const HOA = 'le-thi-hoa' as PersonId;

const seatFollowing = (
  seatId: string,
  office: OfficeId,
  bodyId: BodyId = BODY,
  on = '2018-06-01',
) =>
  Body.seatCreated({
    bodyId,
    effectiveOn: day(on),
    source,
    seatId: seatId as SeatId,
    roles: Body.roleSet('member'),
    holder: { follows: 'office', office },
  });

const establishedBody = (bodyId: BodyId) =>
  Body.bodyEstablished({
    bodyId,
    effectiveOn: day('2018-01-01'),
    source,
    kind: 'steering-committee',
    name: { vi: 'Ban' } as Body.BodyEstablished['data']['name'],
    authority: 'ubnd-tinh' as AuthorityId,
    origin: { kind: 'decision' },
  });
const foldBody = (events: ReadonlyArray<Body.Event>) =>
  events.reduce(Body.decider.evolve, Body.initialState);

/** The body: a seat following the chairmanship, one following the finance department. */
const body = foldBody([
  establishedBody(BODY),
  seatFollowing('ghe-chu-tich', CHAIR),
  seatFollowing('ghe-tai-chinh', FINANCE),
]);

const common = (officeId: OfficeId, effectiveOn: string) => ({
  officeId,
  effectiveOn: day(effectiveOn),
  source,
});
const established = (officeId: OfficeId): Office.Event => ({
  type: 'OfficeEstablished',
  data: {
    ...common(officeId, '2018-01-01'),
    authority: 'ubnd-tinh' as AuthorityId,
    name: { vi: 'Chức vụ' } as Office.OfficeEstablished['data']['name'],
  },
});
const appointed = (
  officeId: OfficeId,
  person: PersonId,
  on: string,
  capacity: Office.Capacity = 'substantive',
): Office.Event => ({
  type: 'OfficeHolderAppointed',
  data: { ...common(officeId, on), person, capacity },
});
const fold = (events: ReadonlyArray<Office.Event>) =>
  events.reduce(Office.decider.evolve, Office.initialState);

/** Mr. Trăm chairs the committee from the start. */
const chair = fold([established(CHAIR), appointed(CHAIR, TRAM, '2018-01-01')]);
const refusalWith = (
  finance: ReadonlyArray<Office.Event>,
  bodies: ReadonlyArray<Body.State> = [body],
) => {
  const after = fold([established(FINANCE), ...finance]);
  return officeChangeRefusal(FINANCE, bodies, (id) => (id === CHAIR ? chair : after));
};
/** Ms. Hoa heads finance, Mr. Trăm acts for her, and her holding ends on 1 September 2018. */
const hoaEnded: ReadonlyArray<Office.Event> = [
  appointed(FINANCE, HOA, '2018-01-01'),
  appointed(FINANCE, TRAM, '2018-02-01', 'acting'),
  {
    type: 'OfficeHolderEnded',
    data: {
      ...common(FINANCE, '2018-09-01'),
      person: HOA,
      capacity: 'substantive',
      since: day('2018-01-01'),
    },
  },
];
/** A body like the first, its two seats created on `on`. */
const bodyLike = (bodyId: string, on: string) =>
  foldBody([
    establishedBody(bodyId as BodyId),
    seatFollowing('ghe-chu-tich', CHAIR, bodyId as BodyId, on),
    seatFollowing('ghe-tai-chinh', FINANCE, bodyId as BodyId, on),
  ]);

describe('officeChangeRefusal', () => {
  it('refuses ending a substantive holding that leaves the acting holder sitting twice', () => {
    const finance = [
      appointed(FINANCE, HOA, '2018-01-01'),
      appointed(FINANCE, TRAM, '2018-02-01', 'acting'),
    ];
    expect(refusalWith(finance)).toBeUndefined();
    const ended: Office.Event = {
      type: 'OfficeHolderEnded',
      data: {
        ...common(FINANCE, '2018-09-01'),
        person: HOA,
        capacity: 'substantive',
        since: day('2018-01-01'),
      },
    };
    expect(refusalWith([...finance, ended])).toMatchObject({
      _tag: 'PersonSitsTwice',
      rule: 20,
      bodyId: BODY,
      person: TRAM,
      on: '2018-09-01',
      seats: ['ghe-chu-tich', 'ghe-tai-chinh'],
    });
  });

  it('refuses a correction stretching a holding over the seats’ days, not one ending before', () => {
    const finance: Office.Event[] = [
      appointed(FINANCE, TRAM, '2018-01-01'),
      {
        type: 'OfficeHolderEnded',
        data: {
          ...common(FINANCE, '2018-03-01'),
          person: TRAM,
          capacity: 'substantive',
          since: day('2018-01-01'),
        },
      },
    ];
    const corrected = (to: string): Office.Event => ({
      type: 'OfficeHoldingCorrected',
      data: {
        ...common(FINANCE, '2018-01-01'),
        corrects: 'event-2' as EventId,
        person: TRAM,
        capacity: 'substantive',
        was: { from: day('2018-01-01'), to: day('2018-03-01') },
        holding: { from: day('2018-01-01'), to: day(to) },
      },
    });
    expect(refusalWith([...finance, corrected('2018-06-01')])).toBeUndefined();
    expect(refusalWith([...finance, corrected('2018-06-02')])).toMatchObject({
      _tag: 'PersonSitsTwice',
      on: '2018-06-01',
      seats: ['ghe-chu-tich', 'ghe-tai-chinh'],
    });
  });
  it('names the earliest day over all bodies, and on a tie the first body', () => {
    const later = bodyLike('bcd-sau', '2018-10-01');
    const twin = bodyLike('bcd-doi', '2018-06-01');
    expect(refusalWith(hoaEnded, [later, body])).toMatchObject({ bodyId: BODY, on: '2018-09-01' });
    expect(refusalWith(hoaEnded, [body, twin])).toMatchObject({ bodyId: BODY });
    expect(refusalWith(hoaEnded, [twin, body])).toMatchObject({ bodyId: 'bcd-doi' });
  });

  it('skips an unestablished body, a vacant seat, and a sitting twice not through the office', () => {
    const relieved = foldBody([
      establishedBody(BODY),
      seatFollowing('ghe-tai-chinh', FINANCE),
      Body.seatHolderRelieved({
        bodyId: BODY,
        effectiveOn: day('2018-07-01'),
        source,
        seatId: 'ghe-tai-chinh' as SeatId,
        previous: { follows: 'office', office: FINANCE },
      }),
    ]);
    /** Mr. Trăm sits through the chairmanship and by name: not the finance command's doing. */
    const named = foldBody([
      establishedBody(BODY),
      seatFollowing('ghe-chu-tich', CHAIR),
      Body.seatCreated({
        bodyId: BODY,
        effectiveOn: day('2018-06-01'),
        source,
        seatId: 'ghe-ong-tram' as SeatId,
        roles: Body.roleSet('member'),
        holder: { follows: 'person', person: TRAM },
      }),
      seatFollowing('ghe-tai-chinh', FINANCE),
    ]);
    const hoa = [appointed(FINANCE, HOA, '2018-01-01')];
    expect(refusalWith(hoa, [Body.initialState, relieved, named])).toBeUndefined();
  });
});

describe('officesFollowed', () => {
  it('lists each office a seat follows at any time, once, and none for an unestablished body', () => {
    const followed = foldBody([
      establishedBody(BODY),
      seatFollowing('ghe-chu-tich', CHAIR),
      seatFollowing('ghe-pho-chu-tich', CHAIR),
      Body.seatCreated({
        bodyId: BODY,
        effectiveOn: day('2018-06-01'),
        source,
        seatId: 'ghe-ong-tram' as SeatId,
        roles: Body.roleSet('member'),
        holder: { follows: 'person', person: TRAM },
      }),
      Body.seatHolderRelieved({
        bodyId: BODY,
        effectiveOn: day('2018-07-01'),
        source,
        seatId: 'ghe-ong-tram' as SeatId,
        previous: { follows: 'person', person: TRAM },
      }),
      Body.seatHolderReplaced({
        bodyId: BODY,
        effectiveOn: day('2018-08-01'),
        source,
        seatId: 'ghe-ong-tram' as SeatId,
        previous: null,
        holder: { follows: 'office', office: FINANCE },
      }),
      Body.seatHolderReplaced({
        bodyId: BODY,
        effectiveOn: day('2018-09-01'),
        source,
        seatId: 'ghe-ong-tram' as SeatId,
        previous: { follows: 'office', office: FINANCE },
        holder: { follows: 'person', person: HOA },
      }),
    ]);
    expect(officesFollowed(followed)).toEqual([CHAIR, FINANCE]);
    expect(officesFollowed(Body.initialState)).toEqual([]);
  });
});

describe('changesWhoHolds', () => {
  it('is true for an appointment or the end of a holding, false for a rename', () => {
    expect(changesWhoHolds([appointed(FINANCE, TRAM, '2018-01-01')])).toBe(true);
    const ended: Office.Event = {
      type: 'OfficeHolderEnded',
      data: {
        ...common(FINANCE, '2018-03-01'),
        person: TRAM,
        capacity: 'acting',
        since: day('2018-01-01'),
      },
    };
    expect(changesWhoHolds([ended])).toBe(true);
    const renamed: Office.Event = {
      type: 'OfficeRenamed',
      data: {
        ...common(FINANCE, '2018-02-01'),
        name: { vi: 'Mới' } as Office.OfficeRenamed['data']['name'],
        previous: { vi: 'Chức vụ' } as Office.OfficeRenamed['data']['name'],
      },
    };
    expect(changesWhoHolds([renamed])).toBe(false);
  });

  it('is true when any event changes who holds, whatever the others', () => {
    const renamed: Office.Event = {
      type: 'OfficeRenamed',
      data: {
        ...common(FINANCE, '2018-02-01'),
        name: { vi: 'Mới' } as Office.OfficeRenamed['data']['name'],
        previous: { vi: 'Chức vụ' } as Office.OfficeRenamed['data']['name'],
      },
    };
    expect(changesWhoHolds([renamed, appointed(FINANCE, TRAM, '2018-03-01')])).toBe(true);
    expect(changesWhoHolds([renamed, renamed])).toBe(false);
  });

  it('is true for a corrected holding, false for establishing or abolishing the office', () => {
    const corrected: Office.Event = {
      type: 'OfficeHoldingCorrected',
      data: {
        ...common(FINANCE, '2018-01-01'),
        corrects: 'event-2' as EventId,
        person: TRAM,
        capacity: 'substantive',
        was: { from: day('2018-01-01'), to: day('2018-03-01') },
        holding: { from: day('2018-01-01'), to: day('2018-04-01') },
      },
    };
    expect(changesWhoHolds([corrected])).toBe(true);
    expect(changesWhoHolds([established(FINANCE)])).toBe(false);
    const abolished: Office.Event = {
      type: 'OfficeAbolished',
      data: common(FINANCE, '2019-01-01'),
    };
    expect(changesWhoHolds([abolished])).toBe(false);
  });
});
