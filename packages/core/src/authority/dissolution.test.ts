/**
 * Dissolving an authority without a successor, and the bodies it leaves orphaned: a dissolved
 * authority accepts nothing more and has no jurisdiction after its last day; it may not be
 * dissolved while an authority is still under it; a body of a dissolved authority is reported as
 * orphaned from that day, a body of a merged one is not (it answers to the successor).
 *
 * @see docs/reference/domain.md "Authorities change too"
 */
import { describe, expect, it } from 'vitest';
import * as Body from '../body/index.js';
import {
  fold,
  instrumentSource,
  unsafeCalendarDate,
  type AuthorityId,
  type BodyId,
  type LegalBasis,
} from '../kernel/index.js';
import { DeciderSpecification } from '../testing/specification.js';
import { decider, jurisdictionOf, orphanedBodies } from './index.js';
import { basis, command, event, registration } from './examples.fixture.js';

const day = unsafeCalendarDate;

const CP = 'chinh-phu';
const BP = 'ubnd-tinh-binh-phuoc';
const DN = 'ubnd-tinh-dong-nai';
const DX = 'ubnd-tp-dong-xoai';

const registered = (authorityId: string, on: string, parent?: string) =>
  registration(authorityId, on, { parent, level: 'other' });
const dissolve = (authorityId: string, on: string, issuer = CP) =>
  command({
    type: 'DissolveAuthority',
    data: { authorityId, basis: basis(issuer, on), effectiveOn: on },
  });
const dissolved = (authorityId: string, on: string, issuer = CP) =>
  event({
    type: 'AuthorityDissolved',
    data: {
      authorityId,
      effectiveOn: on,
      source: { kind: 'instrument', instrument: basis(issuer, on) },
    },
  });

const hierarchy = [
  registered(CP, '1976-07-02'),
  registered(BP, '1997-01-01', CP),
  registered(DN, '1976-01-01', CP),
  registered(DX, '1999-01-01', BP),
];
const spec = DeciderSpecification.for(decider, undefined);

describe('dissolving an authority', () => {
  it('records the dissolution by an authority above it', () => {
    spec
      .given(hierarchy)
      .when(dissolve(DX, '2020-01-01'))
      .then([dissolved(DX, '2020-01-01')]);
  });

  it('ends its jurisdiction on its last day', () => {
    const state = fold(decider, [...hierarchy, dissolved(DX, '2020-01-01')]);
    const mayChange = jurisdictionOf(state).mayChange;
    expect(mayChange(DX as AuthorityId, DX as AuthorityId, day('2019-12-31'))).toBe(true);
    expect(mayChange(DX as AuthorityId, DX as AuthorityId, day('2020-01-01'))).toBe(false);
    expect(mayChange(BP as AuthorityId, DX as AuthorityId, day('2020-01-01'))).toBe(true);
  });

  it('AuthorityHasChildren: not while an authority is still under it', () => {
    spec
      .given(hierarchy)
      .when(dissolve(BP, '2020-01-01'))
      .thenRefuses('AuthorityHasChildren', { child: DX as AuthorityId });
  });

  it('AuthorityDissolvedAway: a dissolved authority accepts nothing more', () => {
    spec
      .given([...hierarchy, dissolved(DX, '2020-01-01')])
      .when(dissolve(DX, '2021-01-01'))
      .thenRefuses('AuthorityDissolvedAway');
    spec
      .given([...hierarchy, dissolved(DX, '2020-01-01')])
      .when(
        command({
          type: 'MergeAuthority',
          data: {
            authorityId: DN,
            into: DX,
            basis: basis(CP, '2021-01-01'),
            effectiveOn: '2021-01-01',
          },
        }),
      )
      .thenRefuses('AuthorityNotActive');
  });

  it('NoJurisdiction: only an authority above it may dissolve it', () => {
    spec
      .given(hierarchy)
      .when(dissolve(DX, '2020-01-01', DN))
      .thenRefuses('NoJurisdiction');
  });
});

describe('orphaned bodies', () => {
  const bodyOf = (bodyId: string, authority: string): Body.State => {
    const on = day('2015-01-01');
    const established = Body.bodyEstablished({
      bodyId: bodyId as BodyId,
      effectiveOn: on,
      source: instrumentSource(basis(authority, on) as LegalBasis),
      kind: 'steering-committee',
      name: { vi: `Ban ${bodyId}` } as Body.BodyEstablished['data']['name'],
      authority: authority as AuthorityId,
      origin: { kind: 'decision' },
    });
    return Body.decider.evolve(Body.initialState, established);
  };
  const bodies = [bodyOf('bcd-dx', DX), bodyOf('bcd-bp', BP)];
  const registry = fold(decider, [
    ...hierarchy,
    dissolved(DX, '2020-01-01'),
    event({
      type: 'AuthorityMerged',
      data: {
        authorityId: BP,
        into: DN,
        effectiveOn: '2025-07-01',
        source: { kind: 'instrument', instrument: basis(CP, '2025-07-01') },
      },
    }),
  ]);

  it('reports a body of a dissolved authority from its dissolution, not before', () => {
    expect(orphanedBodies(registry, bodies, day('2019-12-31'))).toEqual([]);
    expect(orphanedBodies(registry, bodies, day('2020-01-01'))).toEqual([
      { bodyId: 'bcd-dx', authority: DX, standing: DX, endedOn: '2020-01-01' },
    ]);
  });

  it('reports a body whose authority was never registered, with no end', () => {
    const unregistered = bodyOf('bcd-x', 'ubnd-khong-co');
    expect(orphanedBodies(registry, [unregistered], day('2019-01-01'))).toStrictEqual([
      { bodyId: 'bcd-x', authority: 'ubnd-khong-co', standing: 'ubnd-khong-co' },
    ]);
  });

  it('skips a body not established', () => {
    expect(orphanedBodies(registry, [Body.initialState], day('2020-01-01'))).toStrictEqual([]);
  });

  it('does not report a body of a merged authority: it answers to the successor', () => {
    const orphans = orphanedBodies(registry, bodies, day('2025-07-01'));
    expect(orphans.map((orphan) => orphan.bodyId)).toEqual(['bcd-dx']);
  });
});
