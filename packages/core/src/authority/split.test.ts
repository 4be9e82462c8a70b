/**
 * Splitting an authority into several successors, as Sông Bé was split into Bình Dương and Bình
 * Phước on 1997-01-01: the successors are at least two, distinct, other than the authority split,
 * registered and active on the date and not below it; the split comes after every date the
 * registry relies on the authority and leaves no authority under it; only an authority above it
 * decides it; and a split authority accepts nothing more. Instrument numbers are placeholders.
 */
import { describe, it } from 'vitest';
import { unsafeCalendarDate } from '../kernel/index.js';
import { DeciderSpecification } from '../testing/specification.js';
import { decider } from './index.js';
import { basis, command, event, id, registration, source } from './examples.fixture.js';

const day = unsafeCalendarDate;

const CP = 'chinh-phu';
const SB = 'ubnd-tinh-song-be';
const BD = 'ubnd-tinh-binh-duong';
const BP = 'ubnd-tinh-binh-phuoc';
const TDM = 'ubnd-tx-thu-dau-mot';

const registered = (authorityId: string, on: string, parent?: string) =>
  registration(authorityId, on, { parent, level: 'province' });
const split = (
  authorityId: string,
  into: ReadonlyArray<string>,
  on: string,
  issuer = CP,
  signedOn = on,
) =>
  command({
    type: 'SplitAuthority',
    data: { authorityId, into, basis: basis(issuer, signedOn), effectiveOn: on },
  });
const splitEvent = (authorityId: string, into: ReadonlyArray<string>, on: string, issuer = CP) =>
  event({
    type: 'AuthoritySplit',
    data: { authorityId, into, effectiveOn: on, source: source(issuer, on) },
  });

/** Chính phủ ⊃ {Sông Bé, from 1976; Bình Dương and Bình Phước, from 1997-01-01}. */
const hierarchy = [
  registered(CP, '1976-07-02'),
  registered(SB, '1976-07-02', CP),
  registered(BD, '1997-01-01', CP),
  registered(BP, '1997-01-01', CP),
];
const spec = DeciderSpecification.for(decider, undefined);

describe('splitting an authority', () => {
  it('records the split, decided by an authority above it', () => {
    spec
      .given(hierarchy)
      .when(split(SB, [BD, BP], '1997-01-01'))
      .then([splitEvent(SB, [BD, BP], '1997-01-01')]);
  });

  it('SplitNeedsTwoSuccessors: two distinct successors, neither the authority split', () => {
    for (const into of [[BD], [BD, BD], [SB, BD], [BD, BP, SB]])
      spec
        .given(hierarchy)
        .when(split(SB, into, '1997-01-01'))
        .thenRefuses('SplitNeedsTwoSuccessors', { authorityId: id(SB), into: into.map(id) });
  });

  it('AuthorityNotFound: every successor is registered', () => {
    spec
      .given(hierarchy)
      .when(split(SB, [BD, 'nowhere', BP], '1997-01-01'))
      .thenRefuses('AuthorityNotFound', { authorityId: id('nowhere') });
  });

  it('NoJurisdiction: only an authority above it splits it', () => {
    spec
      .given(hierarchy)
      .when(split(SB, [BD, BP], '1997-01-01', BD))
      .thenRefuses('NoJurisdiction', {
        issuer: id(BD),
        authorityId: id(SB),
        signedOn: day('1997-01-01'),
      });
  });

  it('AuthorityNotActive: the authority split and each successor exist on the date', () => {
    spec
      .given(hierarchy)
      .when(split(SB, [BD, BP], '1976-07-01', CP, '1997-01-01'))
      .thenRefuses('AuthorityNotActive', { authorityId: id(SB), on: day('1976-07-01') });
    spec
      .given([...hierarchy.slice(0, 3), registered(BP, '1997-01-02', CP)])
      .when(split(SB, [BD, BP], '1997-01-01'))
      .thenRefuses('AuthorityNotActive', { authorityId: id(BP), on: day('1997-01-01') });
  });

  it('AuthorityActiveAfterMerger: not on or before a date the registry relies on it', () => {
    const renamed = event({
      type: 'AuthorityRenamed',
      data: {
        authorityId: SB,
        name: { vi: 'Ủy ban nhân dân tỉnh Sông Bé mới' },
        previous: { vi: `Cơ quan ${SB}` },
        effectiveOn: '1997-01-01',
        source: source(CP, '1997-01-01'),
      },
    });
    spec
      .given([...hierarchy, renamed])
      .when(split(SB, [BD, BP], '1997-01-01'))
      .thenRefuses('AuthorityActiveAfterMerger', {
        authorityId: id(SB),
        on: day('1997-01-01'),
        lastReliedOn: day('1997-01-01'),
      });
  });

  it('MergerCycle: no successor lies below the authority split', () => {
    spec
      .given([...hierarchy, registered(TDM, '1980-01-01', SB)])
      .when(split(SB, [BD, TDM], '1997-01-01'))
      .thenRefuses('MergerCycle', { authorityId: id(SB), into: id(TDM) });
  });

  it('AuthorityHasChildren: not while an authority is still under it, but after it ended', () => {
    spec
      .given([...hierarchy, registered(TDM, '1980-01-01', SB)])
      .when(split(SB, [BD, BP], '1997-01-01'))
      .thenRefuses('AuthorityHasChildren', {
        authorityId: id(SB),
        child: id(TDM),
        on: day('1997-01-01'),
      });
    const dissolvedChild = event({
      type: 'AuthorityDissolved',
      data: { authorityId: TDM, effectiveOn: '1990-01-01', source: source(SB, '1990-01-01') },
    });
    spec
      .given([...hierarchy, registered(TDM, '1980-01-01', SB), dissolvedChild])
      .when(split(SB, [BD, BP], '1997-01-01'))
      .then([splitEvent(SB, [BD, BP], '1997-01-01')]);
  });

  it('AuthoritySplitAway: a split authority accepts nothing more, naming its successors', () => {
    const given = [...hierarchy, splitEvent(SB, [BD, BP], '1997-01-01')];
    const refusal = {
      authorityId: id(SB),
      into: [id(BD), id(BP)],
      splitOn: day('1997-01-01'),
    };
    spec
      .given(given)
      .when(split(SB, [BD, BP], '1998-01-01'))
      .thenRefuses('AuthoritySplitAway', refusal);
    spec
      .given(given)
      .when(
        command({
          type: 'RenameAuthority',
          data: {
            authorityId: SB,
            name: { vi: 'Tên mới' },
            basis: basis(CP, '1996-01-01'),
            effectiveOn: '1996-01-01',
          },
        }),
      )
      .thenRefuses('AuthoritySplitAway', refusal);
  });

  it('AuthoritySplitAway: no authority is registered under a split one', () => {
    spec
      .given([...hierarchy, splitEvent(SB, [BD, BP], '1997-01-01')])
      .when(
        command({
          type: 'RegisterAuthority',
          data: {
            authorityId: TDM,
            name: { vi: 'Ủy ban nhân dân thị xã Thủ Dầu Một' },
            level: 'district',
            parent: SB,
            basis: basis(CP, '1990-01-01'),
            effectiveOn: '1990-01-01',
          },
        }),
      )
      .thenRefuses('AuthoritySplitAway', {
        authorityId: id(SB),
        into: [id(BD), id(BP)],
        splitOn: day('1997-01-01'),
      });
  });
});
