/**
 * Registering an authority under a parent that changed: a parent merged away takes a child valid
 * up to the day before its merger, not from it; a dissolved or split parent takes none, whatever
 * the child's date, since nobody would stand above the child once it ended. Instrument numbers are
 * placeholders.
 */
import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { unsafeCalendarDate } from '../kernel/index.js';
import { DeciderSpecification } from '../testing/specification.js';
import { decider } from './index.js';
import { basis, command, event, id, registration, source } from './examples.fixture.js';

const day = unsafeCalendarDate;

const CP = 'chinh-phu';
const BP = 'ubnd-tinh-binh-phuoc';
const DN = 'ubnd-tinh-dong-nai';
const DX = 'ubnd-tp-dong-xoai';

const registered = (authorityId: string, on: string, parent?: string, issuer = parent) =>
  registration(authorityId, on, { parent, issuer, level: 'district' });
const register = (authorityId: string, on: string, parent: string, issuer: string, signedOn = on) =>
  command({
    type: 'RegisterAuthority',
    data: {
      authorityId,
      name: { vi: `Cơ quan ${authorityId}` },
      level: 'district',
      parent,
      basis: basis(issuer, signedOn),
      effectiveOn: on,
    },
  });

const hierarchy = [
  registered(CP, '1976-07-02'),
  registered(BP, '1997-01-01', CP),
  registered(DN, '1976-01-01', CP),
];
const spec = DeciderSpecification.for(decider, undefined);

describe('registering under a parent that changed', () => {
  const merged = event({
    type: 'AuthorityMerged',
    data: {
      authorityId: BP,
      into: DN,
      effectiveOn: '2025-07-01',
      source: source(CP, '2025-06-12'),
    },
  });

  it('takes a child of a merged parent valid up to the day before the merger', () => {
    spec
      .given([...hierarchy, merged])
      .when(register(DX, '2025-06-30', BP, CP, '2025-08-01'))
      .then([
        event({
          type: 'AuthorityRegistered',
          data: {
            authorityId: DX,
            name: { vi: `Cơ quan ${DX}` },
            level: 'district',
            parent: BP,
            effectiveOn: '2025-06-30',
            source: source(CP, '2025-08-01'),
          },
        }),
      ]);
    spec
      .given([...hierarchy, merged])
      .when(register(DX, '2025-07-01', BP, CP, '2025-08-01'))
      .thenRefuses('AuthorityNotActive', { authorityId: id(BP), on: day('2025-07-01') });
  });

  it('AuthorityDissolvedAway: no child of a dissolved parent, even one valid before', () => {
    const dissolved = event({
      type: 'AuthorityDissolved',
      data: { authorityId: BP, effectiveOn: '2025-07-01', source: source(CP, '2025-07-01') },
    });
    spec
      .given([...hierarchy, dissolved])
      .when(register(DX, '1999-01-01', BP, CP, '2025-08-01'))
      .thenRefuses('AuthorityDissolvedAway', {
        authorityId: id(BP),
        dissolvedOn: day('2025-07-01'),
      });
  });

  it('records no parent key for a root', () => {
    const outcome = decider.decide(
      command({
        type: 'RegisterAuthority',
        data: {
          authorityId: 'quoc-hoi',
          name: { vi: 'Quốc hội' },
          level: 'national',
          basis: basis('quoc-hoi', '1976-07-02'),
          effectiveOn: '1976-07-02',
        },
      }),
      decider.initialState,
    );
    if (isLeft(outcome)) throw new Error('a root registering itself is refused');
    expect(outcome.right.map((recorded) => Object.keys(recorded.data))).toEqual([
      ['authorityId', 'name', 'level', 'effectiveOn', 'source'],
    ]);
  });

  it('AuthorityNotActive: no dissolution dated before the registration', () => {
    spec
      .given(hierarchy)
      .when(
        command({
          type: 'DissolveAuthority',
          data: { authorityId: BP, basis: basis(CP, '1997-01-01'), effectiveOn: '1996-12-31' },
        }),
      )
      .thenRefuses('AuthorityNotActive', { authorityId: id(BP), on: day('1996-12-31') });
  });

  it('NoJurisdiction names the child, the issuer and the signing date', () => {
    spec
      .given(hierarchy)
      .when(register(DX, '1999-01-01', BP, DN, '1998-12-01'))
      .thenRefuses('NoJurisdiction', {
        issuer: id(DN),
        authorityId: id(DX),
        signedOn: day('1998-12-01'),
      });
  });
});
