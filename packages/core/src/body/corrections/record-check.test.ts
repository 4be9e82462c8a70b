/**
 * recordViolation on records no command would leave but a correction could: each check names the
 * fact it refuses and lets the boundary dates through (the gaps the mutation run over
 * record-check.ts found).
 */
import { describe, expect, it } from 'vitest';
import { unsafeCalendarDate } from '../../kernel/index.js';
import type { EstablishedBody, Seat } from '../state.js';
import { endedBody } from './ended-body.fixture.js';
import { recordViolation } from './record-check.js';

const day = unsafeCalendarDate;

/** A body established on 2019-01-01 and dissolved on 2020-01-01, with one seat. */
const SEAT = {
  seatId: 'seat-head',
  createdOn: day('2019-01-01'),
  roles: [{ from: day('2019-01-01'), roles: ['head'] }],
  holders: [{ from: day('2019-01-01'), holder: null }],
} as unknown as Seat;
const ENDED = endedBody({ seats: new Map([['seat-head', SEAT]]) });

const withSeat = (seat: Partial<Seat>) =>
  ({
    ...ENDED,
    seats: new Map([['seat-head', { ...SEAT, ...seat }]]),
  }) as unknown as EstablishedBody;
const withReport = (submittedOn: string, period = '2019') =>
  ({
    ...ENDED,
    reports: new Map([
      [
        'r',
        {
          reportId: 'r',
          obligationId: 'none',
          period,
          document: { submittedOn: day(submittedOn) },
        },
      ],
    ]),
  }) as unknown as EstablishedBody;

describe('recordViolation (rule 14)', () => {
  it('keeps the record as it stands', () => {
    expect(recordViolation(ENDED)).toBeUndefined();
  });

  it('names a seat abolished after the body’s end, not one abolished on it', () => {
    expect(recordViolation(withSeat({ abolishedOn: day('2020-01-02') }))).toMatchObject({
      _tag: 'CorrectionOutsideLife',
      fact: 'seat seat-head',
      on: '2020-01-02',
    });
    expect(recordViolation(withSeat({ abolishedOn: day('2020-01-01') }))).toBeUndefined();
  });

  it('names a change of roles on or after the seat’s abolition, not one the day before', () => {
    const rolesOn = (from: string) =>
      withSeat({
        abolishedOn: day('2019-06-01'),
        roles: [...SEAT.roles, { from: day(from), roles: ['member'] }] as Seat['roles'],
      });
    expect(recordViolation(rolesOn('2019-06-01'))).toMatchObject({
      _tag: 'CorrectionCrossesChange',
      record: 'seat seat-head',
      on: '2019-06-01',
      changedOn: '2019-06-01',
    });
    expect(recordViolation(rolesOn('2019-05-31'))).toBeUndefined();
  });

  it('names a first name dated after the establishment', () => {
    const body = { ...ENDED, names: [{ from: day('2019-02-01'), name: { vi: 'Ban' } }] };
    expect(recordViolation(body as unknown as EstablishedBody)).toMatchObject({
      _tag: 'CorrectionCrossesChange',
      record: 'the body’s name',
      on: '2019-01-01',
      changedOn: '2019-02-01',
    });
  });

  it('names a report filed before the establishment, not one filed on its date', () => {
    expect(recordViolation(withReport('2018-12-31'))).toMatchObject({
      _tag: 'CorrectionOutsideLife',
      fact: 'report r',
    });
    expect(recordViolation(withReport('2019-01-01'))).toBeUndefined();
  });

  it('names a report filed on the end date for a period not ended by then (rule 1)', () => {
    expect(recordViolation(withReport('2020-01-01', '2020-Q1'))).toMatchObject({
      _tag: 'CorrectionOutsideLife',
      fact: 'report r for period 2020-Q1',
    });
    expect(recordViolation(withReport('2020-01-01', '2019'))).toBeUndefined();
  });

  it('names an absorption outside the body’s life', () => {
    const body = {
      ...ENDED,
      absorptions: [{ on: day('2020-01-01'), absorbed: ['a', 'b'], reorganisationId: 'x' }],
    };
    expect(recordViolation(body as unknown as EstablishedBody)).toMatchObject({
      _tag: 'CorrectionOutsideLife',
      fact: 'the absorption of a, b',
    });
  });

  it('checks transfers after an absorption within the body’s life', () => {
    const body = {
      ...ENDED,
      absorptions: [{ on: day('2019-06-01'), absorbed: ['a'], reorganisationId: 'x' }],
      transfers: [{ from: day('2020-01-01'), authority: 'city', previous: 'province' }],
    };
    expect(recordViolation(body as unknown as EstablishedBody)).toMatchObject({
      _tag: 'CorrectionOutsideLife',
      fact: 'the transfer to city',
    });
  });

  it('names an end on the establishment date, a duty assigned before it, an obligation lifted on its imposition', () => {
    const endedOnFounding = { ...ENDED, endedOn: day('2019-01-01') };
    expect(recordViolation(endedOnFounding as EstablishedBody)).toMatchObject({
      fact: 'the establishment',
    });
    const duty = {
      dutyId: 'd',
      assignedOn: day('2018-12-31'),
      categories: [{ from: day('2018-12-31'), category: 'advise' }],
      texts: [{ from: day('2018-12-31'), text: { vi: 'x' } }],
    };
    expect(
      recordViolation({ ...ENDED, duties: new Map([['d', duty]]) } as unknown as EstablishedBody),
    ).toMatchObject({ _tag: 'CorrectionOutsideLife', fact: 'duty d' });
    const obligation = {
      obligationId: 'o',
      imposedOn: day('2019-03-01'),
      liftedOn: day('2019-03-01'),
    };
    expect(
      recordViolation({
        ...ENDED,
        obligations: new Map([['o', obligation]]),
      } as unknown as EstablishedBody),
    ).toMatchObject({
      _tag: 'CorrectionCrossesChange',
      record: 'reporting obligation o',
      on: '2019-03-01',
      changedOn: '2019-03-01',
    });
  });
});
