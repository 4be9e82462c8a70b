/**
 * Given/When/Then examples for the authority registry: the hierarchy above Bình Phước, renames,
 * the 2025 merger of Bình Phước into Đồng Nai (and what it does to jurisdiction), and one example
 * per refusal. Instrument numbers are placeholders (`DEMO-…`), never real-looking ones.
 */
import { describe, expect, it } from 'vitest';
import { fold, unsafeCalendarDate } from '../kernel/index.js';
import { DeciderSpecification } from '../testing/specification.js';
import { ancestorsOf, currentAuthorityOf, decider, jurisdictionOf } from './index.js';
import { basis, command, event, id, registration, source } from './examples.fixture.js';

const day = unsafeCalendarDate;

const QH = 'quoc-hoi';
const CP = 'chinh-phu';
const BP = 'ubnd-tinh-binh-phuoc';
const DN = 'ubnd-tinh-dong-nai';
const DX = 'ubnd-tp-dong-xoai';

const registered = (authorityId: string, vi: string, level: string, on: string, parent?: string) =>
  registration(authorityId, on, { parent, level, vi });

const register = (
  authorityId: string,
  vi: string,
  level: string,
  on: string,
  parent?: string,
  issuer = parent ?? authorityId,
) =>
  command({
    type: 'RegisterAuthority',
    data: {
      authorityId,
      name: { vi },
      level,
      ...(parent === undefined ? {} : { parent }),
      basis: basis(issuer, on),
      effectiveOn: on,
    },
  });

const merge = (authorityId: string, into: string, on: string, issuer: string, signedOn = on) =>
  command({
    type: 'MergeAuthority',
    data: { authorityId, into, basis: basis(issuer, signedOn), effectiveOn: on },
  });
const merged = (authorityId: string, into: string, on: string, issuer: string, signedOn = on) =>
  event({
    type: 'AuthorityMerged',
    data: { authorityId, into, effectiveOn: on, source: source(issuer, signedOn) },
  });
const rename = (authorityId: string, vi: string, on: string, issuer: string) =>
  command({
    type: 'RenameAuthority',
    data: { authorityId, name: { vi }, basis: basis(issuer, on), effectiveOn: on },
  });

/** Quốc hội ⊃ Chính phủ ⊃ {UBND tỉnh Bình Phước ⊃ UBND TP Đồng Xoài, UBND tỉnh Đồng Nai}. */
const hierarchy = [
  registered(QH, 'Quốc hội', 'national', '1976-07-02'),
  registered(CP, 'Chính phủ', 'national', '1976-07-02', QH),
  registered(BP, 'Ủy ban nhân dân tỉnh Bình Phước', 'province', '1997-01-01', CP),
  registered(DN, 'Ủy ban nhân dân tỉnh Đồng Nai', 'province', '1976-01-01', CP),
  registered(DX, 'Ủy ban nhân dân thị xã Đồng Xoài', 'district', '1999-01-01', BP),
];
/** The 2025 merger: Bình Phước merged into Đồng Nai, decided by the National Assembly. */
const merger2025 = merged(BP, DN, '2025-07-01', QH, '2025-06-12');

const spec = DeciderSpecification.for(decider, undefined);

describe('Authority registry: registering the hierarchy', () => {
  it('registers a root by its own instrument', () => {
    spec
      .given([])
      .when(register(QH, 'Quốc hội', 'national', '1976-07-02'))
      .then([registered(QH, 'Quốc hội', 'national', '1976-07-02')]);
  });

  it('registers a child by an instrument of its parent', () => {
    spec
      .given(hierarchy.slice(0, 2))
      .when(register(BP, 'Ủy ban nhân dân tỉnh Bình Phước', 'province', '1997-01-01', CP))
      .then([registered(BP, 'Ủy ban nhân dân tỉnh Bình Phước', 'province', '1997-01-01', CP)]);
  });

  it('registers a child by an instrument of an authority further up', () => {
    spec
      .given(hierarchy.slice(0, 4))
      .when(register(DX, 'Ủy ban nhân dân thị xã Đồng Xoài', 'district', '1999-01-01', BP, QH))
      .then([
        event({
          type: 'AuthorityRegistered',
          data: {
            authorityId: DX,
            name: { vi: 'Ủy ban nhân dân thị xã Đồng Xoài' },
            level: 'district',
            parent: BP,
            effectiveOn: '1999-01-01',
            source: source(QH, '1999-01-01'),
          },
        }),
      ]);
  });
});

describe('Authority registry: renames', () => {
  it('records the new name with the previous one, keeping earlier names', () => {
    spec
      .given(hierarchy)
      .when(rename(DX, 'Ủy ban nhân dân thành phố Đồng Xoài', '2018-12-01', BP))
      .then([
        event({
          type: 'AuthorityRenamed',
          data: {
            authorityId: DX,
            name: { vi: 'Ủy ban nhân dân thành phố Đồng Xoài' },
            previous: { vi: 'Ủy ban nhân dân thị xã Đồng Xoài' },
            effectiveOn: '2018-12-01',
            source: source(BP, '2018-12-01'),
          },
        }),
      ]);
  });

  it('does nothing when the name in force on that date is already the one given', () => {
    spec
      .given(hierarchy)
      .when(rename(DX, 'Ủy ban nhân dân thị xã Đồng Xoài', '2018-12-01', BP))
      .thenNothingHappens();
  });

  it('lets a root rename itself', () => {
    const outcome = decider.decide(
      rename(QH, 'Quốc hội nước CHXHCN Việt Nam', '1980-01-01', QH),
      fold(decider, hierarchy),
      undefined,
    );
    expect(outcome._tag).toBe('Right');
  });
});

describe('Authority registry: the 2025 merger of Bình Phước into Đồng Nai', () => {
  it('records the merger, decided by an authority above the province', () => {
    spec
      .given(hierarchy)
      .when(merge(BP, DN, '2025-07-01', QH, '2025-06-12'))
      .then([merger2025]);
  });

  it('passes jurisdiction over Bình Phước’s bodies to Đồng Nai from the merger date on', () => {
    const jurisdiction = jurisdictionOf(fold(decider, [...hierarchy, merger2025]));
    const before = day('2025-06-30');
    const after = day('2025-07-01');
    expect(jurisdiction.mayChange(id(BP), id(BP), before)).toBe(true);
    expect(jurisdiction.mayChange(id(DN), id(BP), before)).toBe(false);
    expect(jurisdiction.mayChange(id(BP), id(BP), after)).toBe(false);
    expect(jurisdiction.mayChange(id(DN), id(BP), after)).toBe(true);
    // Below the merged province: Đồng Xoài's bodies answer to Đồng Nai, no longer to Bình Phước.
    expect(jurisdiction.mayChange(id(BP), id(DX), before)).toBe(true);
    expect(jurisdiction.mayChange(id(DN), id(DX), before)).toBe(false);
    expect(jurisdiction.mayChange(id(BP), id(DX), after)).toBe(false);
    expect(jurisdiction.mayChange(id(DN), id(DX), after)).toBe(true);
    expect(jurisdiction.mayChange(id(DX), id(DX), after)).toBe(true);
    // Above both, the government and the National Assembly keep jurisdiction throughout.
    for (const on of [before, after]) {
      expect(jurisdiction.mayChange(id(CP), id(BP), on)).toBe(true);
      expect(jurisdiction.mayChange(id(QH), id(DX), on)).toBe(true);
      expect(jurisdiction.mayChange(id(DX), id(BP), on)).toBe(false);
    }
  });

  it('answers who stood for an authority, and who was above it, on any date', () => {
    const state = fold(decider, [...hierarchy, merger2025]);
    expect(currentAuthorityOf(state, id(BP), day('2025-06-30'))).toBe(BP);
    expect(currentAuthorityOf(state, id(BP), day('2025-07-01'))).toBe(DN);
    expect(currentAuthorityOf(state, id('unknown'), day('2025-07-01'))).toBeUndefined();
    expect(ancestorsOf(state, id(DX), day('2025-06-30'))).toEqual([BP, CP, QH]);
    expect(ancestorsOf(state, id(DX), day('2025-07-01'))).toEqual([DN, CP, QH]);
    expect(ancestorsOf(state, id(QH), day('2025-07-01'))).toEqual([]);
  });

  it('follows chains of mergers on the date asked', () => {
    const state = fold(decider, [...hierarchy, merged(DX, BP, '2020-01-01', CP), merger2025]);
    expect(currentAuthorityOf(state, id(DX), day('2019-12-31'))).toBe(DX);
    expect(currentAuthorityOf(state, id(DX), day('2020-01-01'))).toBe(BP);
    expect(currentAuthorityOf(state, id(DX), day('2025-07-01'))).toBe(DN);
    const jurisdiction = jurisdictionOf(state);
    expect(jurisdiction.mayChange(id(DN), id(DX), day('2025-07-01'))).toBe(true);
    expect(jurisdiction.mayChange(id(BP), id(DX), day('2024-01-01'))).toBe(true);
    expect(jurisdiction.mayChange(id(DX), id(DX), day('2024-01-01'))).toBe(false);
  });

  it('gives nobody jurisdiction over an authority it does not know', () => {
    const jurisdiction = jurisdictionOf(fold(decider, hierarchy));
    expect(jurisdiction.mayChange(id(QH), id('unknown'), day('2020-01-01'))).toBe(false);
    expect(jurisdiction.mayChange(id('unknown'), id(BP), day('2020-01-01'))).toBe(false);
    expect(jurisdictionOf(decider.initialState).mayChange(id(QH), id(QH), day('2020-01-01'))).toBe(
      false,
    );
  });
});

describe('Authority registry: refusals', () => {
  it('AuthorityAlreadyRegistered: an authority is registered once', () => {
    spec
      .given(hierarchy)
      .when(register(DN, 'Ủy ban nhân dân tỉnh Đồng Nai', 'province', '2000-01-01', CP))
      .thenRefuses('AuthorityAlreadyRegistered', { authorityId: id(DN) });
  });

  it('AuthorityNotFound: the parent, the subject or the successor must be registered', () => {
    spec
      .given(hierarchy)
      .when(
        register('ubnd-xa-tien-thanh', 'UBND xã Tiến Thành', 'commune', '2000-01-01', 'nowhere'),
      )
      .thenRefuses('AuthorityNotFound', { authorityId: id('nowhere') });
    spec
      .given(hierarchy)
      .when(rename('nowhere', 'Tên mới', '2000-01-01', QH))
      .thenRefuses('AuthorityNotFound', { authorityId: id('nowhere') });
    spec
      .given(hierarchy)
      .when(merge(BP, 'nowhere', '2025-07-01', QH))
      .thenRefuses('AuthorityNotFound', { authorityId: id('nowhere') });
  });

  it('registers a child valid before its parent was recorded, under a parent not yet ended', () => {
    spec
      .given(hierarchy)
      .when(register('ubnd-xa-tien-thanh', 'UBND xã Tiến Thành', 'commune', '1998-01-01', DX, BP))
      .then([
        event({
          type: 'AuthorityRegistered',
          data: {
            authorityId: 'ubnd-xa-tien-thanh',
            name: { vi: 'UBND xã Tiến Thành' },
            level: 'commune',
            parent: DX,
            effectiveOn: '1998-01-01',
            source: source(BP, '1998-01-01'),
          },
        }),
      ]);
  });

  it('AuthorityNotActive: the parent not ended, the subject and the successor existing on the date', () => {
    spec
      .given([...hierarchy, merger2025])
      .when(register('ubnd-xa-tien-thanh', 'UBND xã Tiến Thành', 'commune', '2025-07-01', BP, QH))
      .thenRefuses('AuthorityNotActive', { authorityId: id(BP) });
    spec
      .given(hierarchy)
      .when(rename(BP, 'Tên cũ', '1990-01-01', CP))
      .thenRefuses('AuthorityNotActive', { authorityId: id(BP) });
    spec
      .given(hierarchy)
      .when(merge(DX, BP, '1998-01-01', CP))
      .thenRefuses('AuthorityNotActive', { authorityId: id(DX) });
    spec
      .given(hierarchy)
      .when(merge(DN, BP, '1996-01-01', CP))
      .thenRefuses('AuthorityNotActive', { authorityId: id(BP) });
  });

  it('AuthorityMergedAway: a merged authority accepts nothing more', () => {
    spec
      .given([...hierarchy, merger2025])
      .when(rename(BP, 'Tên mới', '2020-01-01', CP))
      .thenRefuses('AuthorityMergedAway', { authorityId: id(BP), into: id(DN) });
    spec
      .given([...hierarchy, merger2025])
      .when(merge(BP, DN, '2025-08-01', QH))
      .thenRefuses('AuthorityMergedAway');
  });

  it('MergerIntoItself: the successor is another authority', () => {
    spec
      .given(hierarchy)
      .when(merge(BP, BP, '2025-07-01', QH))
      .thenRefuses('MergerIntoItself', { authorityId: id(BP) });
  });

  it('MergerCycle: an authority cannot be merged into one below it', () => {
    spec
      .given(hierarchy)
      .when(merge(BP, DX, '2025-07-01', QH))
      .thenRefuses('MergerCycle', { authorityId: id(BP), into: id(DX) });
  });

  it('AuthorityActiveAfterMerger: a retroactive merger may not cut off later facts', () => {
    const laterChild = registered('ubnd-xa-moi', 'UBND xã Mới', 'commune', '2025-09-01', BP);
    spec
      .given([...hierarchy, laterChild])
      .when(merge(BP, DN, '2025-07-01', QH))
      .thenRefuses('AuthorityActiveAfterMerger', {
        authorityId: id(BP),
        lastReliedOn: day('2025-09-01'),
      });
    spec
      .given(hierarchy)
      .when(merge(DX, BP, '1999-01-01', CP))
      .thenRefuses('AuthorityActiveAfterMerger', { lastReliedOn: day('1999-01-01') });
  });

  it('NoJurisdiction: only the parent or an authority above it registers or changes', () => {
    const refusal = spec
      .given(hierarchy)
      .when(register('ubnd-xa-tien-thanh', 'UBND xã Tiến Thành', 'commune', '2000-01-01', DX, DN))
      .thenRefuses('NoJurisdiction', { issuer: id(DN), rule: 9 });
    expect(refusal.message).toContain(DN);
    spec
      .given([])
      .when(register(QH, 'Quốc hội', 'national', '1976-07-02', undefined, CP))
      .thenRefuses('NoJurisdiction', { issuer: id(CP) });
    // An authority does not rename or merge itself away; the one above it does.
    spec
      .given(hierarchy)
      .when(rename(BP, 'Tên mới', '2020-01-01', BP))
      .thenRefuses('NoJurisdiction', { issuer: id(BP), authorityId: id(BP) });
    spec
      .given(hierarchy)
      .when(merge(BP, DN, '2025-07-01', DN))
      .thenRefuses('NoJurisdiction', { issuer: id(DN) });
    // After the merger, Bình Phước no longer has jurisdiction over Đồng Xoài; Đồng Nai has.
    spec
      .given([...hierarchy, merger2025])
      .when(rename(DX, 'Tên mới', '2025-08-01', BP))
      .thenRefuses('NoJurisdiction', { issuer: id(BP), signedOn: day('2025-08-01') });
    spec
      .given([...hierarchy, merger2025])
      .when(rename(DX, 'Ủy ban nhân dân thành phố Đồng Xoài', '2025-08-01', DN))
      .then([
        event({
          type: 'AuthorityRenamed',
          data: {
            authorityId: DX,
            name: { vi: 'Ủy ban nhân dân thành phố Đồng Xoài' },
            previous: { vi: 'Ủy ban nhân dân thị xã Đồng Xoài' },
            effectiveOn: '2025-08-01',
            source: source(DN, '2025-08-01'),
          },
        }),
      ]);
  });
});
