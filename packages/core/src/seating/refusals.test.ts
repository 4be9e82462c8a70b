/**
 * A seating refusal explains itself: its message names the seat, office, person and date it is
 * about, so a reader needs nothing else to see why the command was refused.
 */
import { describe, expect, it } from 'vitest';
import {
  unsafeCalendarDate,
  type BodyId,
  type OfficeId,
  type PersonId,
  type SeatId,
} from '../kernel/index.js';
import { personSitsTwice, seatOfficeNotInForce, seatPersonNotRegistered } from './refusals.js';

const seat = 'ghe-chu-tich' as SeatId;
const otherSeat = 'ghe-pho-chu-tich' as SeatId;
const office = 'chu-tich-ubnd-tinh' as OfficeId;
const person = 'nguyen-van-a' as PersonId;
const body = 'bcd-chinh-quyen-dien-tu' as BodyId;
const on = unsafeCalendarDate('2019-03-04');

describe('seating refusal messages', () => {
  it('name the seat, the office and the date a seat’s office does not exist on', () => {
    const refusal = seatOfficeNotInForce(seat, office, on);
    expect(refusal.message).toBe(
      'Seat ghe-chu-tich names office chu-tich-ubnd-tinh, which does not exist on 2019-03-04: not established by then, or abolished.',
    );
  });

  it('name the seat and the unregistered person it names', () => {
    expect(seatPersonNotRegistered(seat, person).message).toBe(
      'Seat ghe-chu-tich names person nguyen-van-a, who has not been registered.',
    );
  });

  it('name the body, the person, the date and both seats they would sit in', () => {
    expect(personSitsTwice(body, person, on, [seat, otherSeat]).message).toBe(
      'Person nguyen-van-a would sit twice in body bcd-chinh-quyen-dien-tu on 2019-03-04, in seats ghe-chu-tich and ghe-pho-chu-tich.',
    );
  });
});
