/**
 * How a person's stream folds, including events its decider never emits in that state (a second
 * registration, a correction before any registration): the fold keeps what it had. And where an
 * event may stand in a person's stream.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarDate, EventId, Name, PersonId, Source } from '../kernel/index.js';
import { contradiction, decider, type Event, type PersonState } from './index.js';

const A = 'nguyen-van-a' as PersonId;
const B = 'tran-thi-b' as PersonId;
const source = {
  kind: 'instrument',
  instrument: {
    type: 'decision',
    number: 'DEMO-1/QĐ-UBND',
    issuer: 'ubnd-tinh-binh-phuoc',
    signer: { name: 'Nguyễn Văn A' },
    signedOn: '2018-12-04',
  },
} as Source;
const on = '2018-12-04' as CalendarDate;
const registration = (personId: PersonId, name: string): Event => ({
  type: 'PersonRegistered',
  data: { personId, name: name as Name, effectiveOn: on, source },
});
const correction = (name: string): Event => ({
  type: 'PersonNameCorrected',
  data: {
    personId: A,
    corrects: 'e-1' as EventId,
    name: name as Name,
    previous: 'Nguyễn Văn A' as Name,
    effectiveOn: on,
    source,
  },
});
const fold = (events: ReadonlyArray<Event>): PersonState =>
  events.reduce(decider.evolve, decider.initialState);

describe('Person evolve', () => {
  it('registers once, corrects the name, and is never terminal', () => {
    const state = fold([registration(A, 'Nguyễn Văn A'), correction('Nguyễn Văn Á')]);
    expect(state).toEqual({
      status: 'registered',
      personId: A,
      name: 'Nguyễn Văn Á',
      registeredOn: on,
    });
    expect(decider.isTerminal(state)).toBe(false);
  });

  it('keeps the first registration when another follows', () => {
    expect(fold([registration(A, 'Nguyễn Văn A'), registration(B, 'Trần Thị B')])).toEqual(
      fold([registration(A, 'Nguyễn Văn A')]),
    );
  });

  it('ignores a name correction before any registration', () => {
    expect(fold([correction('Nguyễn Văn Á')])).toEqual(decider.initialState);
  });
});

describe('Person stream fit', () => {
  it('takes the registration first and other events after, all naming the stream’s person', () => {
    expect(contradiction(registration(A, 'Nguyễn Văn A'), A, true)).toBeUndefined();
    expect(contradiction(correction('Nguyễn Văn Á'), A, false)).toBeUndefined();
  });

  it('says why an event does not fit', () => {
    expect(contradiction(registration(A, 'Nguyễn Văn A'), B, true)).toBe(
      'it names person nguyen-van-a, but the stream holds person tran-thi-b',
    );
    expect(contradiction(registration(A, 'Nguyễn Văn A'), A, false)).toBe(
      'it establishes person nguyen-van-a a second time',
    );
    expect(contradiction(correction('Nguyễn Văn Á'), A, true)).toBe(
      'it comes before person nguyen-van-a was established',
    );
  });
});
