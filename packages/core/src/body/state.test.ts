/**
 * The body state's queries, on hand-built states: which holders are the same, what an
 * unestablished stream answers, and the shape of every validity — open-ended ones carry no `to`.
 */
import { describe, expect, it } from 'vitest';
import type {
  AuthorityId,
  BilingualName,
  BodyId,
  DutyId,
  ObligationId,
  OfficeId,
  PersonId,
  SeatHolder,
  SeatId,
} from '../kernel/index.js';
import { unsafeCalendarDate } from '../kernel/index.js';
import type { PeriodLabel } from './period.js';
import type { RoleSet } from './roles.js';
import type { ActiveBody, Duty, EndedBody, Obligation, Seat } from './state.js';
import {
  activeSeatsOn,
  authorityOn,
  bodyLife,
  countedReport,
  dutiesOn,
  dutyLife,
  holderOn,
  initialState,
  nameHistory,
  nameOn,
  obligationLife,
  obligationsOn,
  rolesOn,
  sameHolder,
  seatLife,
} from './state.js';

const day = unsafeCalendarDate;
const A = 'chu-tich-ubnd' as OfficeId;
const B = 'pho-chu-tich-ubnd' as OfficeId;
const P = 'nguyen-van-a' as PersonId;
const Q = 'tran-thi-b' as PersonId;

/** Holders differing from one another in one field at a time. */
const HOLDERS: ReadonlyArray<SeatHolder | null> = [
  null,
  { follows: 'office', office: A },
  { follows: 'office', office: B },
  { follows: 'office', office: A, namedPerson: P },
  { follows: 'office', office: A, namedPerson: Q },
  { follows: 'person', person: P },
  { follows: 'person', person: Q },
  { follows: 'person', person: P, asOffice: A },
  { follows: 'person', person: P, asOffice: B },
  { follows: 'person', person: P, acting: true },
  { follows: 'person', person: P, asOffice: A, acting: true },
];

/** The holder as text, its fields in a fixed order: equal texts, equal holders. */
const text = (holder: SeatHolder | null): string =>
  holder === null ? 'null' : JSON.stringify(Object.entries(holder).sort());

describe('sameHolder', () => {
  it('is true exactly when the two holders have the same fields, in any order', () => {
    for (const a of HOLDERS)
      for (const b of HOLDERS) {
        expect(sameHolder(a, b)).toBe(text(a) === text(b));
        if (a !== null) expect(sameHolder({ ...a }, a)).toBe(true);
      }
  });
});

const seat: Seat = {
  seatId: 'seat-head' as SeatId,
  createdOn: day('2019-01-01'),
  roles: [{ from: day('2019-01-01'), roles: ['head'] as unknown as RoleSet }],
  holders: [
    { from: day('2019-01-01'), holder: { follows: 'office', office: A } },
    { from: day('2019-06-01'), holder: null },
  ],
};
const duty: Duty = {
  dutyId: 'duty-advise' as DutyId,
  provenance: { kind: 'own' } as Duty['provenance'],
  assignedOn: day('2019-02-01'),
  categories: [{ from: day('2019-02-01'), category: 'advise' }],
  texts: [{ from: day('2019-02-01'), text: { vi: 'Tham mưu' } as Duty['texts'][0]['text'] }],
};
const obligation = {
  obligationId: 'annual-review' as ObligationId,
  imposedOn: day('2019-03-01'),
} as Obligation;
const NAME = { vi: 'Ban Chỉ đạo' } as BilingualName;
const NEW_NAME = { vi: 'Ban Chỉ đạo chuyển đổi số' } as BilingualName;
const PROVINCE = 'ubnd-tinh' as AuthorityId;
const CITY = 'ubnd-tp' as AuthorityId;

const active: ActiveBody = {
  status: 'active',
  bodyId: 'ban-chi-dao' as BodyId,
  kind: 'steering-committee',
  authority: PROVINCE,
  origin: { kind: 'decision' },
  establishedOn: day('2019-01-01'),
  names: [
    { from: day('2019-01-01'), name: NAME },
    { from: day('2019-09-01'), name: NEW_NAME },
  ],
  seats: new Map([[seat.seatId, seat]]),
  duties: new Map([[duty.dutyId, duty]]),
  obligations: new Map([[obligation.obligationId, obligation]]),
  reports: new Map(),
  counted: new Map(),
  absorptions: [],
  transfers: [{ from: day('2019-07-01'), authority: CITY, previous: PROVINCE }],
};
const ended: EndedBody = {
  ...active,
  status: 'ended',
  endedOn: day('2020-01-01'),
  endReason: 'dissolution',
  successors: [],
};

describe('the state’s validities', () => {
  it('leave an open life without `to`, and close an ended one', () => {
    expect(bodyLife(active)).toStrictEqual({ from: '2019-01-01' });
    expect(bodyLife(ended)).toStrictEqual({ from: '2019-01-01', to: '2020-01-01' });
    expect(seatLife(seat)).toStrictEqual({ from: '2019-01-01' });
    expect(seatLife({ ...seat, abolishedOn: day('2019-12-01') })).toStrictEqual({
      from: '2019-01-01',
      to: '2019-12-01',
    });
    expect(dutyLife(duty)).toStrictEqual({ from: '2019-02-01' });
    expect(dutyLife({ ...duty, revokedOn: day('2019-11-01') })).toStrictEqual({
      from: '2019-02-01',
      to: '2019-11-01',
    });
    expect(obligationLife(obligation)).toStrictEqual({ from: '2019-03-01' });
    expect(obligationLife({ ...obligation, liftedOn: day('2019-10-01') })).toStrictEqual({
      from: '2019-03-01',
      to: '2019-10-01',
    });
  });

  it('give each name its validity, the last one open while the body lives', () => {
    expect(nameHistory(active)).toStrictEqual([
      { name: NAME, validity: { from: '2019-01-01', to: '2019-09-01' } },
      { name: NEW_NAME, validity: { from: '2019-09-01' } },
    ]);
    expect(nameHistory(ended)).toStrictEqual([
      { name: NAME, validity: { from: '2019-01-01', to: '2019-09-01' } },
      { name: NEW_NAME, validity: { from: '2019-09-01', to: '2020-01-01' } },
    ]);
  });
});

describe('the state’s queries', () => {
  it('answer the authority of the establishment until the transfer, then the new one', () => {
    expect(authorityOn(active, day('2019-06-30'))).toBe(PROVINCE);
    expect(authorityOn(active, day('2019-07-01'))).toBe(CITY);
  });

  it('tell a vacant seat (null) from no seat (undefined)', () => {
    expect(holderOn(seat, day('2019-05-31'))).toStrictEqual({ follows: 'office', office: A });
    expect(holderOn(seat, day('2019-06-01'))).toBeNull();
    expect(holderOn(seat, day('2018-12-31'))).toBeUndefined();
    expect(rolesOn(seat, day('2018-12-31'))).toBeUndefined();
    expect(activeSeatsOn(active, day('2019-06-01'))).toStrictEqual([
      { seatId: 'seat-head', roles: ['head'], holder: null },
    ]);
  });

  it('answer nothing, and do not throw, on an unestablished stream', () => {
    const on = day('2019-06-01');
    expect(activeSeatsOn(initialState, on)).toStrictEqual([]);
    expect(dutiesOn(initialState, on)).toStrictEqual([]);
    expect(obligationsOn(initialState, on)).toStrictEqual([]);
    expect(nameOn(initialState, on)).toBeUndefined();
    expect(nameHistory(initialState)).toStrictEqual([]);
    expect(
      countedReport(initialState, obligation.obligationId, '2019' as PeriodLabel),
    ).toBeUndefined();
  });

  it('count no report for an obligation or period none was filed for', () => {
    expect(countedReport(active, obligation.obligationId, '2019' as PeriodLabel)).toBeUndefined();
  });
});
