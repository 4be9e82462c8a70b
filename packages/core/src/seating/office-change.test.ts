/**
 * Rule 20 from the office side, by example: ending a substantive holding seats the acting holder,
 * and correcting a holding's dates may stretch it over a seat's days; either may put one person
 * in two seats of a body following the office. The refusal names the body, the first such day
 * and both seats.
 */
import { describe, expect, it } from 'vitest';
import * as Body from '../body/index.js';
import * as Office from '../office/index.js';
import type {
  AuthorityId,
  BodyId,
  CalendarDate,
  EventId,
  OfficeId,
  PersonId,
  SeatId,
} from '../kernel/index.js';
import { changesWhoHolds, officeChangeRefusal } from './office-change.js';

const BODY = 'bcd-a' as BodyId;
const CHAIR = 'chu-tich-ubnd-tinh' as OfficeId;
const FINANCE = 'giam-doc-so-tc' as OfficeId;
const TRAM = 'nguyen-van-tram' as PersonId;
const HOA = 'le-thi-hoa' as PersonId;
const day = (date: string) => date as CalendarDate;
const source = {
  kind: 'instrument',
  instrument: {
    type: 'decision',
    number: '1/QĐ-UBND',
    issuer: 'ubnd-tinh',
    signer: { name: 'Người ký' },
    signedOn: '2018-01-01',
  },
} as Body.Event['data']['source'];

const seatFollowing = (seatId: string, office: OfficeId) =>
  Body.seatCreated({
    bodyId: BODY,
    effectiveOn: day('2018-06-01'),
    source,
    seatId: seatId as SeatId,
    roles: Body.roleSet('member'),
    holder: { follows: 'office', office },
  });

/** The body: a seat following the chairmanship, one following the finance department. */
const body = [
  Body.bodyEstablished({
    bodyId: BODY,
    effectiveOn: day('2018-01-01'),
    source,
    kind: 'steering-committee',
    name: { vi: 'Ban' } as Body.BodyEstablished['data']['name'],
    authority: 'ubnd-tinh' as AuthorityId,
    origin: { kind: 'decision' },
  }),
  seatFollowing('ghe-chu-tich', CHAIR),
  seatFollowing('ghe-tai-chinh', FINANCE),
].reduce(Body.decider.evolve, Body.initialState);

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
const refusalWith = (finance: ReadonlyArray<Office.Event>) => {
  const after = fold([established(FINANCE), ...finance]);
  return officeChangeRefusal(FINANCE, [body], (id) => (id === CHAIR ? chair : after));
};

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
});
