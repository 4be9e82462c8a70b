/**
 * Placing an authority also under another superior, beside its parent, as a provincial People's
 * Committee answers to its People's Council and to the Government: the superior is registered and
 * active on the date and lies neither at nor below the authority, by any parent, superior, merger
 * or split link; one already directly above it is nothing to record; only an authority above it
 * decides it. Instrument numbers are placeholders.
 */
import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { fold, unsafeCalendarDate } from '../kernel/index.js';
import { DeciderSpecification } from '../testing/specification.js';
import type { Event } from './index.js';
import { decider, jurisdictionOf } from './index.js';
import { basis, command, event, id, registration, source } from './examples.fixture.js';

const day = unsafeCalendarDate;

const QH = 'quoc-hoi';
const CP = 'chinh-phu';
const HD = 'hdnd-tinh-binh-phuoc';
const BP = 'ubnd-tinh-binh-phuoc';
const DX = 'ubnd-tp-dong-xoai';
const SO = 'so-noi-vu-binh-phuoc';
const DP = 'ubnd-huyen-dong-phu';

const registered = (authorityId: string, on: string, parent?: string) =>
  registration(authorityId, on, { parent, level: 'other' });
const addSuperior = (authorityId: string, superior: string, on: string, issuer = QH) =>
  command({
    type: 'AddAuthoritySuperior',
    data: { authorityId, superior, basis: basis(issuer, on), effectiveOn: on },
  });
const superiorAdded = (authorityId: string, superior: string, on: string, issuer = QH) =>
  event({
    type: 'AuthoritySuperiorAdded',
    data: { authorityId, superior, effectiveOn: on, source: source(issuer, on) },
  });

/** Quốc hội ⊃ {Chính phủ, HĐND tỉnh Bình Phước ⊃ UBND tỉnh Bình Phước ⊃ UBND TP Đồng Xoài}. */
const hierarchy = [
  registered(QH, '1976-07-02'),
  registered(CP, '1976-07-02', QH),
  registered(HD, '1997-01-01', QH),
  registered(BP, '1997-01-01', HD),
  registered(DX, '1999-01-01', BP),
];
const spec = DeciderSpecification.for(decider, undefined);

describe('adding a superior', () => {
  it('records the Government above the provincial People’s Committee', () => {
    spec
      .given(hierarchy)
      .when(addSuperior(BP, CP, '2000-01-01'))
      .then([superiorAdded(BP, CP, '2000-01-01')]);
  });

  it('records nothing for its parent, or a superior it already has', () => {
    spec
      .given(hierarchy)
      .when(addSuperior(BP, HD, '2000-01-01'))
      .thenNothingHappens();
    spec
      .given([...hierarchy, superiorAdded(BP, CP, '2000-01-01')])
      .when(addSuperior(BP, CP, '2001-01-01'))
      .thenNothingHappens();
  });

  it('records a further superior beside one it already has', () => {
    spec
      .given([...hierarchy, superiorAdded(BP, CP, '2000-01-01')])
      .when(addSuperior(BP, QH, '2001-01-01'))
      .then([superiorAdded(BP, QH, '2001-01-01')]);
  });

  it('AuthorityNotFound: the superior is registered', () => {
    spec
      .given(hierarchy)
      .when(addSuperior(BP, 'nowhere', '2000-01-01'))
      .thenRefuses('AuthorityNotFound', { authorityId: id('nowhere') });
  });

  it('NoJurisdiction: only an authority above it decides it', () => {
    spec
      .given(hierarchy)
      .when(addSuperior(BP, CP, '2000-01-01', CP))
      .thenRefuses('NoJurisdiction', {
        issuer: id(CP),
        authorityId: id(BP),
        signedOn: day('2000-01-01'),
      });
  });

  it('AuthorityNotActive: the authority and its new superior exist on the date', () => {
    spec
      .given(hierarchy)
      .when(addSuperior(DX, CP, '1998-01-01'))
      .thenRefuses('AuthorityNotActive', { authorityId: id(DX), on: day('1998-01-01') });
    spec
      .given([...hierarchy, registered(SO, '2005-01-01', BP)])
      .when(addSuperior(DX, SO, '2000-01-01'))
      .thenRefuses('AuthorityNotActive', { authorityId: id(SO), on: day('2000-01-01') });
  });

  it('SuperiorCycle: not the authority itself, nor one below it by a parent or superior link', () => {
    spec
      .given(hierarchy)
      .when(addSuperior(BP, BP, '2000-01-01'))
      .thenRefuses('SuperiorCycle', { authorityId: id(BP), superior: id(BP) });
    spec
      .given(hierarchy)
      .when(addSuperior(HD, DX, '2000-01-01'))
      .thenRefuses('SuperiorCycle', { authorityId: id(HD), superior: id(DX) });
    // The department answers to the committee by an added link only.
    spec
      .given([...hierarchy, registered(SO, '1997-01-01', QH), superiorAdded(SO, BP, '1998-01-01')])
      .when(addSuperior(BP, SO, '2000-01-01'))
      .thenRefuses('SuperiorCycle', { authorityId: id(BP), superior: id(SO) });
  });

  it('SuperiorCycle: not one linked to the authority through a merger or a split', () => {
    // Sở Nội vụ is under Đồng Phú, which was merged into the committee.
    const dpMerged = event({
      type: 'AuthorityMerged',
      data: {
        authorityId: DP,
        into: BP,
        effectiveOn: '2005-01-01',
        source: source(QH, '2005-01-01'),
      },
    });
    spec
      .given([
        ...hierarchy,
        registered(DP, '1999-01-01', HD),
        registered(SO, '2000-01-01', DP),
        dpMerged,
      ])
      .when(addSuperior(BP, SO, '2006-01-01'))
      .thenRefuses('SuperiorCycle', { authorityId: id(BP), superior: id(SO) });
    // Sở Nội vụ answers to Đồng Phú by an added link, and Đồng Phú was split into the Government
    // and the committee.
    const dpSplit = event({
      type: 'AuthoritySplit',
      data: {
        authorityId: DP,
        into: [CP, BP],
        effectiveOn: '2005-01-01',
        source: source(QH, '2005-01-01'),
      },
    });
    spec
      .given([
        ...hierarchy,
        registered(DP, '1999-01-01', HD),
        registered(SO, '2000-01-01', QH),
        superiorAdded(SO, DP, '2001-01-01'),
        dpSplit,
      ])
      .when(addSuperior(BP, SO, '2006-01-01'))
      .thenRefuses('SuperiorCycle', { authorityId: id(BP), superior: id(SO) });
  });

  it('AuthorityMergedAway and AuthorityDissolvedAway: an ended authority gains no superior', () => {
    const dxMerged = event({
      type: 'AuthorityMerged',
      data: {
        authorityId: DX,
        into: BP,
        effectiveOn: '2005-01-01',
        source: source(HD, '2005-01-01'),
      },
    });
    spec
      .given([...hierarchy, dxMerged])
      .when(addSuperior(DX, CP, '2000-01-01'))
      .thenRefuses('AuthorityMergedAway', {
        authorityId: id(DX),
        into: id(BP),
        mergedOn: day('2005-01-01'),
      });
    const dxDissolved = event({
      type: 'AuthorityDissolved',
      data: { authorityId: DX, effectiveOn: '2005-01-01', source: source(HD, '2005-01-01') },
    });
    spec
      .given([...hierarchy, dxDissolved])
      .when(addSuperior(DX, CP, '2000-01-01'))
      .thenRefuses('AuthorityDissolvedAway', {
        authorityId: id(DX),
        dissolvedOn: day('2005-01-01'),
      });
  });
});

describe('jurisdiction through many superior links', () => {
  // A ladder: p1 and q1 under the root, then each p(i) under p(i-1) with q(i-1) as a further
  // superior, and each q(i) under q(i-1) with p(i-1). From the foot there are 2^n paths to the
  // root; a walk that tried each path ran past its step bound before reaching a superior it
  // added first, and denied that superior's jurisdiction.
  const levels = 12;
  const on = '2001-01-01';
  const ladder: Event[] = [];
  const accept = (json: Parameters<typeof command>[0]) => {
    const decided = decider.decide(command(json), fold(decider, ladder), undefined);
    if (isLeft(decided)) throw new Error(decided.left.message);
    ladder.push(...decided.right);
  };
  const register = (authorityId: string, parent?: string) =>
    accept({
      type: 'RegisterAuthority',
      data: {
        authorityId,
        name: { vi: `Cơ quan ${authorityId}` },
        level: 'other',
        ...(parent === undefined ? {} : { parent }),
        basis: basis(parent ?? authorityId, '2000-01-01'),
        effectiveOn: '2000-01-01',
      },
    });
  register('root');
  register('p1', 'root');
  register('q1', 'root');
  for (let i = 2; i <= levels; i++) {
    register(`p${i}`, `p${i - 1}`);
    register(`q${i}`, `q${i - 1}`);
    for (const [below, above] of [
      [`p${i}`, `q${i - 1}`],
      [`q${i}`, `p${i - 1}`],
    ])
      accept({
        type: 'AddAuthoritySuperior',
        data: { authorityId: below, superior: above, basis: basis('root', on), effectiveOn: on },
      });
  }
  const jurisdiction = jurisdictionOf(fold(decider, ladder));

  it('lets every authority above the foot change what the foot created, and none beside it', () => {
    const foot = id(`p${levels}`);
    for (let i = 1; i < levels; i++) {
      expect(jurisdiction.mayChange(id(`p${i}`), foot, day(on)), `p${i}`).toBe(true);
      expect(jurisdiction.mayChange(id(`q${i}`), foot, day(on)), `q${i}`).toBe(true);
    }
    expect(jurisdiction.mayChange(id('root'), foot, day(on))).toBe(true);
    expect(jurisdiction.mayChange(id(`q${levels}`), foot, day(on))).toBe(false);
  });
});
