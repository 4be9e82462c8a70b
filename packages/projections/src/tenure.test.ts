import { describe, expect, it } from 'vitest';
import { Body, unsafeCalendarDate as d } from '@mandate/core';
import type { BodyId, Office, OfficeId, PersonId, SeatId } from '@mandate/core';
import { canonicalHoldings, intersection, occupancy } from './tenure.js';
import type { SeatTenure } from './views.js';

const A = 'nguyen-van-a' as PersonId;
const B = 'tran-thi-b' as PersonId;
const holding = (
  person: PersonId,
  capacity: Office.Capacity,
  from: string,
  to?: string,
): Office.Holding =>
  to === undefined
    ? { person, capacity, from: d(from) }
    : { person, capacity, from: d(from), to: d(to) };

describe('an office’s occupancy', () => {
  it('follows the substantive holder, else the acting one, with gaps where nobody held it', () => {
    const holdings = [
      holding(A, 'substantive', '2018-01-01', '2019-01-01'),
      holding(B, 'acting', '2018-06-01', '2019-06-01'),
      holding(A, 'substantive', '2020-01-01'),
    ];
    expect(occupancy(holdings)).toEqual([
      { person: A, acting: false, valid: { from: '2018-01-01', to: '2018-06-01' } },
      { person: A, acting: false, valid: { from: '2018-06-01', to: '2019-01-01' } },
      { person: B, acting: true, valid: { from: '2019-01-01', to: '2019-06-01' } },
      { person: A, acting: false, valid: { from: '2020-01-01' } },
    ]);
  });

  it('is empty for an office never held', () => {
    expect(occupancy([])).toEqual([]);
  });
});

describe('the intersection of two intervals', () => {
  it('is the shared days, open only when both are open', () => {
    expect(intersection({ from: d('2018-01-01') }, { from: d('2019-01-01') })).toEqual({
      from: '2019-01-01',
    });
    expect(
      intersection({ from: d('2018-01-01'), to: d('2019-03-01') }, { from: d('2019-01-01') }),
    ).toEqual({ from: '2019-01-01', to: '2019-03-01' });
  });

  it('is nothing when the intervals only touch or are apart', () => {
    const first = { from: d('2018-01-01'), to: d('2019-01-01') };
    expect(intersection(first, { from: d('2019-01-01') })).toBeUndefined();
    expect(intersection(first, { from: d('2020-01-01'), to: d('2021-01-01') })).toBeUndefined();
  });
});

describe('a person’s holdings in canonical form', () => {
  const seat = (seatId: string, from: string, to?: string, acting = false): SeatTenure => ({
    bodyId: 'bcd' as BodyId,
    seatId: seatId as SeatId,
    roles: Body.roleSet('member'),
    from: d(from),
    ...(to === undefined ? {} : { to: d(to) }),
    via: 'office',
    office: 'chu-tich' as OfficeId,
    acting,
  });

  it('joins adjacent stretches of one seat on the same basis, and orders by start', () => {
    const held = canonicalHoldings(
      [],
      [
        seat('seat-2', '2018-01-01', '2018-06-01'),
        seat('seat-1', '2019-01-01'),
        seat('seat-1', '2018-06-01', '2019-01-01'),
        seat('seat-1', '2018-01-01', '2018-06-01', true),
      ],
    );
    expect(held.seats.map((s) => [s.seatId, s.from, s.to, s.via === 'office' && s.acting])).toEqual(
      [
        ['seat-1', '2018-01-01', '2018-06-01', true],
        ['seat-2', '2018-01-01', '2018-06-01', false],
        ['seat-1', '2018-06-01', undefined, false],
      ],
    );
  });
});
