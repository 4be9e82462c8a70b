/**
 * Given/When/Then examples for offices: the seed's offices (the Chairman of the PPC held by
 * Nguyễn Văn Trăm, the Vice Chairman, the Director of the Department of Information and
 * Communications), a replacement, an acting holder (ended by a substantive appointment, rule 16),
 * a vacancy, abolition, jurisdiction across the 2025 merger of Bình Phước into Đồng Nai, and one
 * example per refusal. Dates of holdings and all
 * persons other than Mr. Trăm are placeholders (Nguyễn Văn A, Trần Thị B), not facts.
 */
import { isLeft } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import * as Authority from '../authority/index.js';
import {
  fold,
  unsafeCalendarDate,
  type AuthorityId,
  type OfficeId,
  type PersonId,
} from '../kernel/index.js';
import { DeciderSpecification } from '../testing/specification.js';
import { Command, Event, decider, holderOn, holdingsOf, nameOn } from './index.js';

function decoded<C extends t.Mixed>(codec: C, json: unknown): t.TypeOf<C> {
  const result = codec.decode(json);
  if (isLeft(result)) throw new Error(`Fixture does not decode as ${codec.name}`);
  return result.right;
}
const command = (json: unknown): Command => decoded(Command, json);
const event = (json: unknown): Event => decoded(Event, json);
const day = unsafeCalendarDate;

const QH = 'quoc-hoi';
const BP = 'ubnd-tinh-binh-phuoc';
const DN = 'ubnd-tinh-dong-nai';
const CHAIRMAN = 'chu-tich-ubnd-tinh';
const VICE = 'pho-chu-tich-ubnd-tinh-vhxh';
const DIRECTOR = 'giam-doc-so-tttt';
const TRAM = 'nguyen-van-tram';
const A = 'nguyen-van-a';
const B = 'tran-thi-b';

const basis = (issuer: string, signedOn: string) => ({
  type: 'decision',
  number: 'DEMO-1/QĐ-UBND',
  issuer,
  signer: { name: 'Nguyễn Văn A' },
  signedOn,
});
const source = (issuer: string, signedOn: string) => ({
  kind: 'instrument',
  instrument: basis(issuer, signedOn),
});

/** The registry: Quốc hội ⊃ {Bình Phước, Đồng Nai}; Bình Phước merged into Đồng Nai in 2025. */
const registry = fold(
  Authority.decider,
  [
    { authorityId: QH, level: 'national', on: '1976-07-02' },
    { authorityId: BP, level: 'province', on: '1997-01-01', parent: QH },
    { authorityId: DN, level: 'province', on: '1976-01-01', parent: QH },
  ]
    .map(({ authorityId, level, on, parent }) =>
      decoded(Authority.Event, {
        type: 'AuthorityRegistered',
        data: {
          authorityId,
          name: { vi: authorityId },
          level,
          ...(parent === undefined ? {} : { parent }),
          effectiveOn: on,
          source: source(parent ?? authorityId, on),
        },
      }),
    )
    .concat(
      decoded(Authority.Event, {
        type: 'AuthorityMerged',
        data: {
          authorityId: BP,
          into: DN,
          effectiveOn: '2025-07-01',
          source: source(QH, '2025-06-12'),
        },
      }),
    ),
);
const spec = DeciderSpecification.for(decider, {
  jurisdiction: Authority.jurisdictionOf(registry),
});

const established = (officeId: string, vi: string, en: string, on = '1997-01-01') =>
  event({
    type: 'OfficeEstablished',
    data: { officeId, authority: BP, name: { vi, en }, effectiveOn: on, source: source(BP, on) },
  });
const chairman = established(
  CHAIRMAN,
  'Chủ tịch UBND tỉnh',
  'Chairman of the Provincial People’s Committee',
);
const vice = established(
  VICE,
  'Phó Chủ tịch UBND tỉnh phụ trách lĩnh vực Văn hóa - Xã hội',
  'Vice Chairman of the PPC in charge of culture and society',
);
const director = established(
  DIRECTOR,
  'Giám đốc Sở Thông tin và Truyền thông',
  'Director of the Department of Information and Communications',
  '2008-04-01',
);

type Capacity = 'substantive' | 'acting';
const appoint = (officeId: string, person: string, capacity: Capacity, on: string, issuer = BP) =>
  command({
    type: 'AppointOfficeHolder',
    data: { officeId, person, capacity, basis: basis(issuer, on), effectiveOn: on },
  });
const appointed = (officeId: string, person: string, capacity: Capacity, on: string, issuer = BP) =>
  event({
    type: 'OfficeHolderAppointed',
    data: { officeId, person, capacity, effectiveOn: on, source: source(issuer, on) },
  });
const end = (officeId: string, person: string, capacity: Capacity, on: string, issuer = BP) =>
  command({
    type: 'EndOfficeHolding',
    data: { officeId, person, capacity, basis: basis(issuer, on), effectiveOn: on },
  });
const ended = (
  officeId: string,
  person: string,
  capacity: Capacity,
  since: string,
  on: string,
  issuer = BP,
) =>
  event({
    type: 'OfficeHolderEnded',
    data: { officeId, person, capacity, since, effectiveOn: on, source: source(issuer, on) },
  });
const abolish = (officeId: string, on: string, issuer = BP) =>
  command({ type: 'AbolishOffice', data: { officeId, basis: basis(issuer, on), effectiveOn: on } });
const rename = (officeId: string, vi: string, on: string, issuer = BP) =>
  command({
    type: 'RenameOffice',
    data: { officeId, name: { vi }, basis: basis(issuer, on), effectiveOn: on },
  });

/** ASSUMED for the examples: Mr. Trăm chairs the PPC from 2016-01-01. */
const tramChairs = appointed(CHAIRMAN, TRAM, 'substantive', '2016-01-01');

describe('Office: establishing and appointing the seed’s offices', () => {
  it('establishes the office of Director of the Department of Information and Communications', () => {
    spec
      .given([])
      .when(
        command({
          type: 'EstablishOffice',
          data: {
            officeId: DIRECTOR,
            authority: BP,
            name: {
              vi: 'Giám đốc Sở Thông tin và Truyền thông',
              en: 'Director of the Department of Information and Communications',
            },
            basis: basis(BP, '2008-04-01'),
            effectiveOn: '2008-04-01',
          },
        }),
      )
      .then([director]);
  });

  it('appoints Nguyễn Văn Trăm Chairman of the PPC', () => {
    spec
      .given([chairman])
      .when(appoint(CHAIRMAN, TRAM, 'substantive', '2016-01-01'))
      .then([tramChairs]);
    const state = fold(decider, [chairman, tramChairs]);
    expect(holderOn(state, day('2018-12-04'))).toEqual({ person: TRAM, capacity: 'substantive' });
    expect(holderOn(state, day('2015-12-31'))).toBeUndefined();
  });

  it('replaces a holder: the open holding ends the day the new one begins, in one decision', () => {
    spec
      .given([chairman, tramChairs])
      .when(appoint(CHAIRMAN, A, 'substantive', '2021-03-01'))
      .then([
        ended(CHAIRMAN, TRAM, 'substantive', '2016-01-01', '2021-03-01'),
        appointed(CHAIRMAN, A, 'substantive', '2021-03-01'),
      ]);
  });

  it('marks an acting holder, who stands in while the post has no substantive holder', () => {
    const history = [
      director,
      appointed(DIRECTOR, A, 'substantive', '2015-01-01'),
      ended(DIRECTOR, A, 'substantive', '2015-01-01', '2019-01-01'),
    ];
    spec
      .given(history)
      .when(appoint(DIRECTOR, B, 'acting', '2019-01-01'))
      .then([appointed(DIRECTOR, B, 'acting', '2019-01-01')]);
    const state = fold(decider, [...history, appointed(DIRECTOR, B, 'acting', '2019-01-01')]);
    expect(holderOn(state, day('2018-12-31'))).toEqual({ person: A, capacity: 'substantive' });
    expect(holderOn(state, day('2019-01-01'))).toEqual({ person: B, capacity: 'acting' });
  });

  it('prefers the substantive holder to an acting one standing in beside them', () => {
    const standingIn = [
      director,
      appointed(DIRECTOR, A, 'substantive', '2019-01-01'),
      appointed(DIRECTOR, B, 'acting', '2019-06-01'),
    ];
    spec
      .given(standingIn.slice(0, 2))
      .when(appoint(DIRECTOR, B, 'acting', '2019-06-01'))
      .then([appointed(DIRECTOR, B, 'acting', '2019-06-01')]);
    const state = fold(decider, standingIn);
    expect(holderOn(state, day('2019-06-01'))).toEqual({ person: A, capacity: 'substantive' });
  });

  it('ends the open acting holding when a substantive holder is appointed (rule 16)', () => {
    spec
      .given([director, appointed(DIRECTOR, B, 'acting', '2019-01-01')])
      .when(appoint(DIRECTOR, A, 'substantive', '2019-06-01'))
      .then([
        ended(DIRECTOR, B, 'acting', '2019-01-01', '2019-06-01'),
        appointed(DIRECTOR, A, 'substantive', '2019-06-01'),
      ]);
  });

  it('confirms an acting holder as substantive, ending their acting holding (rule 16)', () => {
    spec
      .given([director, appointed(DIRECTOR, B, 'acting', '2019-01-01')])
      .when(appoint(DIRECTOR, B, 'substantive', '2019-06-01'))
      .then([
        ended(DIRECTOR, B, 'acting', '2019-01-01', '2019-06-01'),
        appointed(DIRECTOR, B, 'substantive', '2019-06-01'),
      ]);
  });

  it('leaves the office vacant when a holding ends with no successor', () => {
    spec
      .given([vice, appointed(VICE, A, 'substantive', '2016-05-01')])
      .when(end(VICE, A, 'substantive', '2020-10-01'))
      .then([ended(VICE, A, 'substantive', '2016-05-01', '2020-10-01')]);
    const state = fold(decider, [
      vice,
      appointed(VICE, A, 'substantive', '2016-05-01'),
      ended(VICE, A, 'substantive', '2016-05-01', '2020-10-01'),
    ]);
    expect(holderOn(state, day('2020-09-30'))?.person).toBe(A);
    expect(holderOn(state, day('2020-10-01'))).toBeUndefined();
    expect(holdingsOf(state)).toEqual([
      { person: A, capacity: 'substantive', from: day('2016-05-01'), to: day('2020-10-01') },
    ]);
  });

  it('records a retroactive appointment into a gap before the current holder', () => {
    spec
      .given([
        chairman,
        appointed(CHAIRMAN, A, 'substantive', '2010-01-01'),
        ended(CHAIRMAN, A, 'substantive', '2010-01-01', '2012-01-01'),
      ])
      .when(appoint(CHAIRMAN, TRAM, 'substantive', '2016-01-01'))
      .then([tramChairs]);
  });

  it('does nothing when the same appointment is already recorded', () => {
    spec
      .given([chairman, tramChairs])
      .when(appoint(CHAIRMAN, TRAM, 'substantive', '2016-01-01'))
      .thenNothingHappens();
  });

  it('renames an office, keeping the earlier name for earlier dates', () => {
    const renamed = event({
      type: 'OfficeRenamed',
      data: {
        officeId: DIRECTOR,
        name: { vi: 'Giám đốc Sở Khoa học và Công nghệ' },
        previous: {
          vi: 'Giám đốc Sở Thông tin và Truyền thông',
          en: 'Director of the Department of Information and Communications',
        },
        effectiveOn: '2025-03-01',
        source: source(BP, '2025-03-01'),
      },
    });
    spec
      .given([director])
      .when(rename(DIRECTOR, 'Giám đốc Sở Khoa học và Công nghệ', '2025-03-01'))
      .then([renamed]);
    const state = fold(decider, [director, renamed]);
    if (state.status === 'unestablished') throw new Error('established above');
    expect(nameOn(state, day('2025-02-28')).vi).toBe('Giám đốc Sở Thông tin và Truyền thông');
    expect(nameOn(state, day('2025-03-01')).vi).toBe('Giám đốc Sở Khoa học và Công nghệ');
    spec
      .given([director, renamed])
      .when(rename(DIRECTOR, 'Giám đốc Sở Khoa học và Công nghệ', '2025-06-01'))
      .thenNothingHappens();
  });

  it('abolishes an office, ending its open holdings that day', () => {
    spec
      .given([
        director,
        appointed(DIRECTOR, A, 'substantive', '2015-01-01'),
        appointed(DIRECTOR, B, 'acting', '2018-01-01'),
      ])
      .when(abolish(DIRECTOR, '2025-03-01'))
      .then([
        ended(DIRECTOR, A, 'substantive', '2015-01-01', '2025-03-01'),
        ended(DIRECTOR, B, 'acting', '2018-01-01', '2025-03-01'),
        event({
          type: 'OfficeAbolished',
          data: { officeId: DIRECTOR, effectiveOn: '2025-03-01', source: source(BP, '2025-03-01') },
        }),
      ]);
  });

  it('is governed by Đồng Nai, not Bình Phước, once Bình Phước is merged into it', () => {
    spec
      .given([chairman, tramChairs])
      .when(appoint(CHAIRMAN, A, 'substantive', '2025-07-01', DN))
      .then([
        ended(CHAIRMAN, TRAM, 'substantive', '2016-01-01', '2025-07-01', DN),
        appointed(CHAIRMAN, A, 'substantive', '2025-07-01', DN),
      ]);
    spec
      .given([chairman, tramChairs])
      .when(appoint(CHAIRMAN, A, 'substantive', '2025-07-01', BP))
      .thenRefuses('NoJurisdiction', { rule: 9 });
    // The National Assembly, above both, keeps jurisdiction throughout.
    spec
      .given([chairman, tramChairs])
      .when(end(CHAIRMAN, TRAM, 'substantive', '2020-01-01', QH))
      .then([ended(CHAIRMAN, TRAM, 'substantive', '2016-01-01', '2020-01-01', QH)]);
  });
});

describe('Office: refusals', () => {
  it('OfficeAlreadyEstablished: an office is established once', () => {
    spec
      .given([chairman])
      .when(
        command({
          type: 'EstablishOffice',
          data: {
            officeId: CHAIRMAN,
            authority: BP,
            name: { vi: 'Chủ tịch' },
            basis: basis(BP, '2000-01-01'),
            effectiveOn: '2000-01-01',
          },
        }),
      )
      .thenRefuses('OfficeAlreadyEstablished', { officeId: CHAIRMAN as OfficeId });
  });

  it('OfficeNotFound: changes need an established office of that id', () => {
    spec
      .given([])
      .when(appoint(CHAIRMAN, TRAM, 'substantive', '2016-01-01'))
      .thenRefuses('OfficeNotFound');
    spec
      .given([vice])
      .when(appoint(CHAIRMAN, TRAM, 'substantive', '2016-01-01'))
      .thenRefuses('OfficeNotFound');
  });

  it('OfficeAlreadyAbolished: an abolished office accepts nothing more', () => {
    const abolished = event({
      type: 'OfficeAbolished',
      data: { officeId: VICE, effectiveOn: '2020-01-01', source: source(BP, '2020-01-01') },
    });
    spec
      .given([vice, abolished])
      .when(appoint(VICE, A, 'substantive', '2019-01-01'))
      .thenRefuses('OfficeAlreadyAbolished', { abolishedOn: day('2020-01-01') });
    expect(decider.isTerminal(fold(decider, [vice, abolished]))).toBe(true);
    expect(decider.isTerminal(fold(decider, [vice]))).toBe(false);
  });

  it('NoJurisdiction: only the authority, its successor or one above may', () => {
    spec
      .given([])
      .when(
        command({
          type: 'EstablishOffice',
          data: {
            officeId: CHAIRMAN,
            authority: BP,
            name: { vi: 'Chủ tịch' },
            basis: basis(DN, '2000-01-01'),
            effectiveOn: '2000-01-01',
          },
        }),
      )
      .thenRefuses('NoJurisdiction', {
        issuer: DN as AuthorityId,
        authority: BP as AuthorityId,
      });
    spec
      .given([chairman])
      .when(appoint(CHAIRMAN, TRAM, 'substantive', '2016-01-01', DN))
      .thenRefuses('NoJurisdiction', { signedOn: day('2016-01-01') });
  });

  it('OutsideOfficeLife: nothing takes effect before the office is established', () => {
    spec
      .given([director])
      .when(appoint(DIRECTOR, A, 'substantive', '2008-03-31'))
      .thenRefuses('OutsideOfficeLife', { establishedOn: day('2008-04-01') });
  });

  it('HoldingsOverlap: one substantive and one acting holder at a time (rule 6)', () => {
    // A retroactive appointment before the open holding began.
    spec
      .given([chairman, tramChairs])
      .when(appoint(CHAIRMAN, A, 'substantive', '2015-06-01'))
      .thenRefuses('HoldingsOverlap', {
        rule: 6,
        existing: { person: TRAM as PersonId, capacity: 'substantive', from: day('2016-01-01') },
      });
    // Two appointments on the same day.
    spec
      .given([chairman, tramChairs])
      .when(appoint(CHAIRMAN, A, 'substantive', '2016-01-01'))
      .thenRefuses('HoldingsOverlap');
    // A closed holding still running on the date.
    spec
      .given([
        chairman,
        tramChairs,
        ended(CHAIRMAN, TRAM, 'substantive', '2016-01-01', '2021-01-01'),
      ])
      .when(appoint(CHAIRMAN, A, 'substantive', '2020-06-01'))
      .thenRefuses('HoldingsOverlap');
    // The acting capacity is limited likewise.
    spec
      .given([chairman, appointed(CHAIRMAN, A, 'acting', '2016-01-01')])
      .when(appoint(CHAIRMAN, B, 'acting', '2015-01-01'))
      .thenRefuses('HoldingsOverlap');
  });

  it('ActingAndSubstantiveAtOnce: no one is acting and substantive in one office at once (rule 16)', () => {
    spec
      .given([director, appointed(DIRECTOR, A, 'substantive', '2015-01-01')])
      .when(appoint(DIRECTOR, A, 'acting', '2019-01-01'))
      .thenRefuses('ActingAndSubstantiveAtOnce', {
        rule: 16,
        existing: { person: A as PersonId, capacity: 'substantive', from: day('2015-01-01') },
      });
  });

  it('ActingOutlastsAppointment: an acting holding never runs past a substantive appointment (rule 16)', () => {
    // The record says the acting holder served on after the substantive appointment's date.
    spec
      .given([
        director,
        appointed(DIRECTOR, B, 'acting', '2019-01-01'),
        ended(DIRECTOR, B, 'acting', '2019-01-01', '2019-09-01'),
      ])
      .when(appoint(DIRECTOR, A, 'substantive', '2019-06-01'))
      .thenRefuses('ActingOutlastsAppointment', {
        rule: 16,
        acting: {
          person: B as PersonId,
          capacity: 'acting',
          from: day('2019-01-01'),
          to: day('2019-09-01'),
        },
        substantive: { person: A as PersonId, capacity: 'substantive', from: day('2019-06-01') },
      });
    // An acting appointment would still be open when a later substantive holding begins.
    spec
      .given([director, appointed(DIRECTOR, A, 'substantive', '2019-06-01')])
      .when(appoint(DIRECTOR, B, 'acting', '2019-01-01'))
      .thenRefuses('ActingOutlastsAppointment', {
        acting: { person: B as PersonId, capacity: 'acting', from: day('2019-01-01') },
      });
  });

  it('NoSuchHolding: only an existing holding can end', () => {
    spec
      .given([chairman, tramChairs])
      .when(end(CHAIRMAN, TRAM, 'acting', '2020-01-01'))
      .thenRefuses('NoSuchHolding');
  });

  it('HoldingAlreadyEnded: a holding ends once', () => {
    spec
      .given([
        chairman,
        tramChairs,
        ended(CHAIRMAN, TRAM, 'substantive', '2016-01-01', '2021-01-01'),
      ])
      .when(end(CHAIRMAN, TRAM, 'substantive', '2021-06-01'))
      .thenRefuses('HoldingAlreadyEnded', { endedOn: day('2021-01-01') });
  });

  it('EndNotAfterStart: a holding ends after the day it began', () => {
    spec
      .given([chairman, tramChairs])
      .when(end(CHAIRMAN, TRAM, 'substantive', '2016-01-01'))
      .thenRefuses('EndNotAfterStart', { since: day('2016-01-01') });
  });

  it('AbolitionTooEarly: abolition comes after everything the office’s history records', () => {
    spec
      .given([chairman, tramChairs])
      .when(abolish(CHAIRMAN, '2016-01-01'))
      .thenRefuses('AbolitionTooEarly', { latestFactOn: day('2016-01-01') });
    spec
      .given([
        chairman,
        tramChairs,
        ended(CHAIRMAN, TRAM, 'substantive', '2016-01-01', '2021-01-01'),
      ])
      .when(abolish(CHAIRMAN, '2020-12-31'))
      .thenRefuses('AbolitionTooEarly', { latestFactOn: day('2021-01-01') });
    spec.given([chairman]).when(abolish(CHAIRMAN, '1997-01-01')).thenRefuses('AbolitionTooEarly');
    // Ending on the abolition date itself is fine: the last day was the day before.
    spec
      .given([
        chairman,
        tramChairs,
        ended(CHAIRMAN, TRAM, 'substantive', '2016-01-01', '2021-01-01'),
      ])
      .when(abolish(CHAIRMAN, '2021-01-01'))
      .then([
        event({
          type: 'OfficeAbolished',
          data: { officeId: CHAIRMAN, effectiveOn: '2021-01-01', source: source(BP, '2021-01-01') },
        }),
      ]);
  });
});
