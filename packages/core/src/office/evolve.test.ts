/**
 * Folding office events: holdings kept in order of start (substantive before acting on the same
 * day, whatever order they were recorded in), and an event that does not fit the state — a change
 * to an office not yet established, a second establishment, the end or correction of a holding
 * not on record — leaves the state as it was; and which stored events fit an office's stream.
 * Dates and persons are placeholders.
 */
import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { CalendarDate, OfficeId } from '../kernel/index.js';
import { Event, contradiction, decider, holderOn, holdingsOf, type OfficeState } from './index.js';

const { evolve, initialState } = decider;

const OFFICE = 'giam-doc-so-tttt';
const BP = 'ubnd-tinh-binh-phuoc';
const A = 'nguyen-van-a';
const B = 'tran-thi-b';
const source = (on: string) => ({
  kind: 'instrument',
  instrument: {
    type: 'decision',
    number: 'DEMO-1/QĐ-UBND',
    issuer: BP,
    signer: { name: 'Nguyễn Văn A' },
    signedOn: on,
  },
});

function event(json: unknown): Event {
  const result = Event.decode(json);
  if (isLeft(result)) throw new Error('Fixture does not decode as an office event');
  return result.right;
}
const established = (on: string, authority = BP) =>
  event({
    type: 'OfficeEstablished',
    data: {
      officeId: OFFICE,
      authority,
      name: { vi: 'Giám đốc Sở' },
      effectiveOn: on,
      source: source(on),
    },
  });
const appointed = (person: string, capacity: string, on: string) =>
  event({
    type: 'OfficeHolderAppointed',
    data: { officeId: OFFICE, person, capacity, effectiveOn: on, source: source(on) },
  });
const ended = (person: string, capacity: string, since: string, on: string) =>
  event({
    type: 'OfficeHolderEnded',
    data: { officeId: OFFICE, person, capacity, since, effectiveOn: on, source: source(on) },
  });
const corrected = (
  person: string,
  capacity: string,
  was: { from: string; to?: string },
  holding: { from: string; to?: string },
) =>
  event({
    type: 'OfficeHoldingCorrected',
    data: {
      officeId: OFFICE,
      corrects: 'event-1',
      person,
      capacity,
      was,
      holding,
      effectiveOn: holding.from,
      source: source('2022-01-10'),
    },
  });
const renamed = (on: string) =>
  event({
    type: 'OfficeRenamed',
    data: {
      officeId: OFFICE,
      name: { vi: 'Giám đốc' },
      previous: { vi: 'Giám đốc Sở' },
      effectiveOn: on,
      source: source(on),
    },
  });
const abolished = (on: string) =>
  event({
    type: 'OfficeAbolished',
    data: { officeId: OFFICE, effectiveOn: on, source: source(on) },
  });

const fold = (events: ReadonlyArray<Event>, from: OfficeState = initialState) =>
  events.reduce(evolve, from);

describe('office evolve', () => {
  it('keeps holdings in order of start, substantive before acting on the same day', () => {
    const state = fold([
      established('2018-01-01'),
      appointed(B, 'acting', '2019-01-01'),
      appointed(A, 'acting', '2018-06-01'),
      appointed(A, 'substantive', '2019-01-01'),
    ]);
    expect(holdingsOf(state)).toEqual([
      { person: A, capacity: 'acting', from: '2018-06-01' },
      { person: A, capacity: 'substantive', from: '2019-01-01' },
      { person: B, capacity: 'acting', from: '2019-01-01' },
    ]);
    const substantiveFirst = fold([
      established('2018-01-01'),
      appointed(A, 'substantive', '2019-01-01'),
      appointed(B, 'acting', '2019-01-01'),
    ]);
    expect(holdingsOf(substantiveFirst)).toEqual([
      { person: A, capacity: 'substantive', from: '2019-01-01' },
      { person: B, capacity: 'acting', from: '2019-01-01' },
    ]);
    const acting = fold([established('2018-01-01'), appointed(B, 'acting', '2019-01-01')]);
    expect(
      holdingsOf(
        fold([corrected(B, 'acting', { from: '2019-01-01' }, { from: '2018-06-01' })], acting),
      ),
    ).toEqual([{ person: B, capacity: 'acting', from: '2018-06-01' }]);
  });

  it('places a corrected holding by its new start, before a substantive one on that day', () => {
    const state = fold([
      established('2018-01-01'),
      appointed(A, 'substantive', '2019-01-01'),
      appointed(B, 'acting', '2020-01-01'),
      corrected(B, 'acting', { from: '2020-01-01' }, { from: '2018-06-01', to: '2019-01-01' }),
    ]);
    expect(holdingsOf(state)).toEqual([
      { person: B, capacity: 'acting', from: '2018-06-01', to: '2019-01-01' },
      { person: A, capacity: 'substantive', from: '2019-01-01' },
    ]);
  });

  it('leaves an office not yet established as it was, whatever else the event records', () => {
    for (const unfit of [
      renamed('2019-01-01'),
      appointed(A, 'substantive', '2019-01-01'),
      ended(A, 'substantive', '2019-01-01', '2020-01-01'),
      corrected(A, 'substantive', { from: '2019-01-01' }, { from: '2019-02-01' }),
      abolished('2020-01-01'),
    ])
      expect(evolve(initialState, unfit)).toEqual(initialState);
    expect(holdingsOf(initialState)).toEqual([]);
  });

  it('leaves an established office as it was on a second establishment, or an end or correction of no holding on record', () => {
    const state = fold([established('2018-01-01'), appointed(A, 'substantive', '2019-01-01')]);
    for (const unfit of [
      established('2019-05-01', 'so-tttt'),
      ended(B, 'substantive', '2019-01-01', '2020-01-01'),
      ended(A, 'acting', '2019-01-01', '2020-01-01'),
      corrected(A, 'substantive', { from: '2019-02-01' }, { from: '2019-03-01' }),
      corrected(A, 'substantive', { from: '2019-01-01', to: '2020-01-01' }, { from: '2019-03-01' }),
      corrected(B, 'substantive', { from: '2019-01-01' }, { from: '2019-03-01' }),
      corrected(A, 'acting', { from: '2019-01-01' }, { from: '2019-03-01' }),
    ])
      expect(evolve(state, unfit)).toEqual(state);
  });

  it('ends only the open holding of that person in that capacity', () => {
    const state = fold([
      established('2018-01-01'),
      appointed(A, 'substantive', '2018-02-01'),
      ended(A, 'substantive', '2018-02-01', '2018-06-01'),
      appointed(B, 'acting', '2018-06-01'),
      appointed(A, 'substantive', '2019-01-01'),
      ended(A, 'substantive', '2019-01-01', '2020-01-01'),
    ]);
    expect(holdingsOf(state)).toEqual([
      { person: A, capacity: 'substantive', from: '2018-02-01', to: '2018-06-01' },
      { person: B, capacity: 'acting', from: '2018-06-01' },
      { person: A, capacity: 'substantive', from: '2019-01-01', to: '2020-01-01' },
    ]);
  });
});

describe('Office holder on a date', () => {
  it('is the substantive holder even beside an acting holding that began earlier and runs on past its start', () => {
    // Rule 16 refuses such an appointment, but a correction of the acting holding's end (which
    // checks only the acting holder's own holdings) can record it.
    const state = fold([
      established('2018-01-01'),
      appointed(B, 'acting', '2019-01-01'),
      ended(B, 'acting', '2019-01-01', '2019-06-01'),
      appointed(A, 'substantive', '2019-06-01'),
      corrected(
        B,
        'acting',
        { from: '2019-01-01', to: '2019-06-01' },
        { from: '2019-01-01', to: '2019-09-01' },
      ),
    ]);
    expect(holderOn(state, '2019-03-01' as CalendarDate)).toEqual({
      person: B,
      capacity: 'acting',
    });
    expect(holderOn(state, '2019-07-01' as CalendarDate)).toEqual({
      person: A,
      capacity: 'substantive',
    });
  });
});

describe('Office stream fit', () => {
  const owner = OFFICE as OfficeId;
  const other = 'chu-tich-ubnd-tinh' as OfficeId;

  it('takes the establishment first and other events after, all naming the stream’s office', () => {
    expect(contradiction(established('2018-01-01'), owner, true)).toBeUndefined();
    expect(contradiction(appointed(A, 'acting', '2019-01-01'), owner, false)).toBeUndefined();
  });

  it('says why an event does not fit', () => {
    expect(contradiction(established('2018-01-01'), other, true)).toBe(
      'it names office giam-doc-so-tttt, but the stream holds office chu-tich-ubnd-tinh',
    );
    expect(contradiction(established('2018-01-01'), owner, false)).toBe(
      'it establishes office giam-doc-so-tttt a second time',
    );
    expect(contradiction(renamed('2019-01-01'), owner, true)).toBe(
      'it comes before office giam-doc-so-tttt was established',
    );
  });
});
