/**
 * An office refusal explains itself: its message names the office, persons, capacities, holdings
 * and dates it is about, an open holding as open and an ended one with its end.
 */
import { describe, expect, it } from 'vitest';
import {
  unsafeCalendarDate,
  type AuthorityId,
  type EventId,
  type OfficeId,
  type PersonId,
} from '../kernel/index.js';
import {
  abolitionTooEarly,
  actingAndSubstantiveAtOnce,
  actingOutlastsAppointment,
  correctionOutsideOfficeLife,
  endNotAfterStart,
  holdingAlreadyEnded,
  holdingsOverlap,
  noHoldingRecordedBy,
  noJurisdiction,
  noSuchHolding,
  officeAlreadyAbolished,
  officeAlreadyEstablished,
  officeNotFound,
  outsideOfficeLife,
  unknownEvent,
} from './refusals.js';
import type { Holding } from './state.js';

const office = 'chu-tich-ubnd-tinh' as OfficeId;
const person = 'nguyen-van-a' as PersonId;
const other = 'tran-thi-b' as PersonId;
const early = unsafeCalendarDate('2018-01-01');
const on = unsafeCalendarDate('2019-03-04');
const late = unsafeCalendarDate('2020-05-06');
const open: Holding = { person: other, capacity: 'substantive', from: early };
const ended: Holding = { ...open, to: late };

describe('office refusal messages', () => {
  it('name the office a stream already holds, lacks or has abolished', () => {
    expect(officeAlreadyEstablished(office).message).toBe(
      'Office chu-tich-ubnd-tinh cannot be established: this stream already holds an office.',
    );
    expect(officeNotFound(office).message).toBe(
      'Office chu-tich-ubnd-tinh has not been established.',
    );
    expect(officeAlreadyAbolished(office, on).message).toBe(
      'Office chu-tich-ubnd-tinh was abolished on 2019-03-04 and accepts nothing more.',
    );
  });

  it('name the issuer, the signing date, the office and the authority that governs it', () => {
    const issuer = 'so-tttt' as AuthorityId;
    const authority = 'ubnd-tinh-binh-phuoc' as AuthorityId;
    expect(noJurisdiction(office, issuer, authority, on).message).toBe(
      'so-tttt had no jurisdiction on 2019-03-04 over office chu-tich-ubnd-tinh: only ubnd-tinh-binh-phuoc, its successor or an authority above has.',
    );
  });

  it('name the date a change falls on and the date the office was established', () => {
    expect(outsideOfficeLife(office, early, on).message).toBe(
      'Office chu-tich-ubnd-tinh cannot change on 2018-01-01: it was established on 2019-03-04.',
    );
  });

  it('name the overlapped holding, with its end when it has one', () => {
    expect(holdingsOverlap(office, person, 'substantive', on, open).message).toBe(
      "nguyen-van-a's substantive holding of chu-tich-ubnd-tinh from 2019-03-04 would overlap tran-thi-b's holding from 2018-01-01: an office has one substantive holder at a time.",
    );
    expect(holdingsOverlap(office, person, 'acting', on, ended).message).toBe(
      "nguyen-van-a's acting holding of chu-tich-ubnd-tinh from 2019-03-04 would overlap tran-thi-b's holding from 2018-01-01 to 2020-05-06: an office has one acting holder at a time.",
    );
  });

  it('name the holder’s own holding in the other capacity, with its end when it has one', () => {
    const acting: Holding = { person, capacity: 'acting', from: early };
    expect(actingAndSubstantiveAtOnce(office, person, 'substantive', on, acting).message).toBe(
      'nguyen-van-a would hold chu-tich-ubnd-tinh as substantive holder from 2019-03-04 while their own acting holding from 2018-01-01 (open) stands: no one is acting and substantive in one office at once.',
    );
    expect(
      actingAndSubstantiveAtOnce(office, person, 'substantive', on, { ...acting, to: late })
        .message,
    ).toBe(
      'nguyen-van-a would hold chu-tich-ubnd-tinh as substantive holder from 2019-03-04 while their own acting holding from 2018-01-01 to 2020-05-06 stands: no one is acting and substantive in one office at once.',
    );
  });

  it('name the acting holding, open or ended, and the substantive appointment it outlasts', () => {
    const acting: Holding = { person, capacity: 'acting', from: early };
    const substantive: Holding = { person: other, capacity: 'substantive', from: on };
    expect(actingOutlastsAppointment(office, acting, substantive).message).toBe(
      "nguyen-van-a's acting holding of chu-tich-ubnd-tinh from 2018-01-01 (open) would run past tran-thi-b's substantive appointment from 2019-03-04, which ends it.",
    );
    expect(actingOutlastsAppointment(office, { ...acting, to: late }, substantive).message).toBe(
      "nguyen-van-a's acting holding of chu-tich-ubnd-tinh from 2018-01-01 to 2020-05-06 would run past tran-thi-b's substantive appointment from 2019-03-04, which ends it.",
    );
  });

  it('name the person and capacity of a holding that cannot end, and the dates why', () => {
    expect(noSuchHolding(office, person, 'acting').message).toBe(
      'nguyen-van-a holds no acting holding of chu-tich-ubnd-tinh to end.',
    );
    expect(holdingAlreadyEnded(office, person, 'substantive', on).message).toBe(
      "nguyen-van-a's substantive holding of chu-tich-ubnd-tinh already ended on 2019-03-04.",
    );
    expect(endNotAfterStart(office, person, 'acting', on, early).message).toBe(
      "nguyen-van-a's acting holding of chu-tich-ubnd-tinh began on 2019-03-04; it cannot end on 2018-01-01.",
    );
  });

  it('name the abolition date and the latest fact of the office’s history', () => {
    expect(abolitionTooEarly(office, on, late).message).toBe(
      'Office chu-tich-ubnd-tinh cannot be abolished on 2019-03-04: its history runs to 2020-05-06 (an establishment, rename or holding).',
    );
  });

  it('name the event a correction names, and its type when it records no holding', () => {
    const event = 'ev-42' as EventId;
    expect(unknownEvent(office, event).message).toBe(
      'Office chu-tich-ubnd-tinh has recorded no event ev-42 to correct.',
    );
    expect(noHoldingRecordedBy(office, event, 'OfficeRenamed').message).toBe(
      'Event ev-42 (OfficeRenamed) of office chu-tich-ubnd-tinh records no holding as it stands now: name the appointment, end or latest correction of the holding to correct.',
    );
  });

  it('name the corrected dates and the office’s life, each open or closed', () => {
    expect(correctionOutsideOfficeLife(office, { from: early }, { from: on }).message).toBe(
      "A holding of chu-tich-ubnd-tinh from 2018-01-01 on is not a non-empty interval within the office's life from 2019-03-04.",
    );
    expect(
      correctionOutsideOfficeLife(office, { from: on, to: late }, { from: early, to: on }).message,
    ).toBe(
      "A holding of chu-tich-ubnd-tinh from 2019-03-04 to 2020-05-06 is not a non-empty interval within the office's life from 2018-01-01 to 2019-03-04.",
    );
  });
});
