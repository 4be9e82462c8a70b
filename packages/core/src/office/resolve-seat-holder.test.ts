/**
 * Examples of ex-officio resolution: a seat that follows the office changes hands with it, with
 * no new decision; an acting holder counts, marked acting; a seat whose office has no holder (or
 * no life) on the date is vacant; a named holder is the person whatever the office does, flagged
 * on the dates they do not hold the office the decision names them as.
 */
import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import {
  fold,
  SeatHolder,
  unsafeCalendarDate,
  type OfficeId,
  type PersonId,
} from '../kernel/index.js';
import { decider, Event, resolveSeatHolder, type OfficeState } from './index.js';

const day = unsafeCalendarDate;
const DIRECTOR = 'giam-doc-so-tttt' as OfficeId;
const A = 'nguyen-van-a' as PersonId;
const B = 'tran-thi-b' as PersonId;
const C = 'le-van-c' as PersonId;

const source = {
  kind: 'instrument',
  instrument: {
    type: 'decision',
    number: 'DEMO-1/QĐ-UBND',
    issuer: 'ubnd-tinh-binh-phuoc',
    signer: { name: 'Nguyễn Văn A' },
    signedOn: '2008-04-01',
  },
};
const events = [
  {
    type: 'OfficeEstablished',
    data: {
      officeId: DIRECTOR,
      authority: 'ubnd-tinh-binh-phuoc',
      name: { vi: 'Giám đốc Sở Thông tin và Truyền thông' },
      effectiveOn: '2008-04-01',
      source,
    },
  },
  {
    type: 'OfficeHolderAppointed',
    data: {
      officeId: DIRECTOR,
      person: A,
      capacity: 'substantive',
      effectiveOn: '2015-01-01',
      source,
    },
  },
  {
    type: 'OfficeHolderEnded',
    data: {
      officeId: DIRECTOR,
      person: A,
      capacity: 'substantive',
      since: '2015-01-01',
      effectiveOn: '2019-01-01',
      source,
    },
  },
  {
    type: 'OfficeHolderAppointed',
    data: { officeId: DIRECTOR, person: B, capacity: 'acting', effectiveOn: '2019-03-01', source },
  },
  {
    type: 'OfficeHolderAppointed',
    data: {
      officeId: DIRECTOR,
      person: C,
      capacity: 'substantive',
      effectiveOn: '2019-09-01',
      source,
    },
  },
  {
    type: 'OfficeHolderEnded',
    data: {
      officeId: DIRECTOR,
      person: B,
      capacity: 'acting',
      since: '2019-03-01',
      effectiveOn: '2019-09-01',
      source,
    },
  },
  {
    type: 'OfficeHolderEnded',
    data: {
      officeId: DIRECTOR,
      person: C,
      capacity: 'substantive',
      since: '2019-09-01',
      effectiveOn: '2025-03-01',
      source,
    },
  },
  { type: 'OfficeAbolished', data: { officeId: DIRECTOR, effectiveOn: '2025-03-01', source } },
].map((json) => {
  const result = Event.decode(json);
  if (isLeft(result)) throw new Error('fixture does not decode');
  return result.right;
});
const director = fold(decider, events);
const offices = (id: OfficeId): OfficeState | undefined => (id === DIRECTOR ? director : undefined);

const holder = (json: unknown): SeatHolder => {
  const result = SeatHolder.decode(json);
  if (isLeft(result)) throw new Error('fixture does not decode');
  return result.right;
};
const exOfficio = holder({ follows: 'office', office: DIRECTOR });

describe('resolveSeatHolder', () => {
  it('follows the office from holder to holder, with no new decision', () => {
    expect(resolveSeatHolder(exOfficio, offices, day('2018-12-04'))).toEqual({
      kind: 'person',
      person: A,
      via: 'office',
      office: DIRECTOR,
      acting: false,
    });
    expect(resolveSeatHolder(exOfficio, offices, day('2019-09-01'))).toEqual({
      kind: 'person',
      person: C,
      via: 'office',
      office: DIRECTOR,
      acting: false,
    });
  });

  it('resolves to the acting holder, marked acting, when there is no substantive one', () => {
    expect(resolveSeatHolder(exOfficio, offices, day('2019-03-01'))).toEqual({
      kind: 'person',
      person: B,
      via: 'office',
      office: DIRECTOR,
      acting: true,
    });
  });

  it('is vacant when the office has no holder, no life yet, no life left, or is unknown', () => {
    const vacant = { kind: 'vacant', office: DIRECTOR };
    expect(resolveSeatHolder(exOfficio, offices, day('2019-01-01'))).toEqual(vacant);
    expect(resolveSeatHolder(exOfficio, offices, day('2010-01-01'))).toEqual(vacant);
    expect(resolveSeatHolder(exOfficio, offices, day('2025-03-01'))).toEqual(vacant);
    expect(resolveSeatHolder(exOfficio, () => undefined, day('2018-12-04'))).toEqual(vacant);
    expect(resolveSeatHolder(exOfficio, () => decider.initialState, day('2018-12-04'))).toEqual(
      vacant,
    );
  });

  it('keeps an ex-officio seat following the office even when a person was named with it', () => {
    const namedToo = holder({ follows: 'office', office: DIRECTOR, namedPerson: A });
    expect(resolveSeatHolder(namedToo, offices, day('2020-01-01'))).toMatchObject({ person: C });
  });

  it('resolves a named holder to the person, whatever the office does, flagging a capacity gone', () => {
    const named = holder({ follows: 'person', person: A, asOffice: DIRECTOR });
    for (const [on, holdsOffice] of [
      ['2010-01-01', false],
      ['2014-12-31', false],
      ['2015-01-01', true],
      ['2018-12-31', true],
      ['2019-01-01', false],
      ['2026-01-01', false],
    ] as const)
      expect(resolveSeatHolder(named, offices, day(on))).toEqual({
        kind: 'person',
        person: A,
        via: 'named',
        acting: false,
        asOffice: DIRECTOR,
        holdsOffice,
      });
    expect(
      resolveSeatHolder(holder({ follows: 'person', person: B }), offices, day('2020-01-01')),
    ).toEqual({ kind: 'person', person: B, via: 'named', acting: false });
  });

  it('counts an acting holding as holding the office, and marks a person named as acting', () => {
    const namedActing = holder({ follows: 'person', person: B, asOffice: DIRECTOR, acting: true });
    expect(resolveSeatHolder(namedActing, offices, day('2019-03-01'))).toEqual({
      kind: 'person',
      person: B,
      via: 'named',
      acting: true,
      asOffice: DIRECTOR,
      holdsOffice: true,
    });
    expect(resolveSeatHolder(namedActing, offices, day('2019-09-01'))).toMatchObject({
      holdsOffice: false,
    });
  });

  it('flags a named holder whose office is unknown or not yet established', () => {
    const elsewhere = holder({ follows: 'person', person: A, asOffice: 'van-phong-khac' });
    expect(resolveSeatHolder(elsewhere, offices, day('2018-12-04'))).toMatchObject({
      holdsOffice: false,
    });
    expect(
      resolveSeatHolder(
        holder({ follows: 'person', person: A, asOffice: DIRECTOR }),
        () => decider.initialState,
        day('2018-12-04'),
      ),
    ).toMatchObject({ holdsOffice: false });
  });
});
