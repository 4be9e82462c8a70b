/**
 * A merger's successor may not lie below the authority merged, by any link whatever its date: a
 * parent, a superior added beside it, or an authority merged or split into the one merged. Such a
 * merger would make the authority its own superior. Instrument numbers are placeholders.
 */
import { describe, it } from 'vitest';
import { DeciderSpecification } from '../testing/specification.js';
import { decider } from './index.js';
import { basis, command, event, id, registration, source } from './examples.fixture.js';

const CP = 'chinh-phu';
const BP = 'ubnd-tinh-binh-phuoc';
const DN = 'ubnd-tinh-dong-nai';
const SB = 'ubnd-tinh-song-be';
const SO = 'so-noi-vu';

const registered = (authorityId: string, on: string, parent?: string) =>
  registration(authorityId, on, { parent, level: 'province' });
const mergeBpInto = (into: string) =>
  command({
    type: 'MergeAuthority',
    data: { authorityId: BP, into, basis: basis(CP, '2025-07-01'), effectiveOn: '2025-07-01' },
  });

/** Chính phủ ⊃ {Bình Phước, Đồng Nai, Sông Bé}, all from 1976-07-02. */
const hierarchy = [
  registered(CP, '1976-07-02'),
  registered(BP, '1976-07-02', CP),
  registered(DN, '1976-07-02', CP),
  registered(SB, '1976-07-02', CP),
];
const spec = DeciderSpecification.for(decider, undefined);

describe('MergerCycle: a successor linked below the authority merged', () => {
  it('by a superior added beside its parent', () => {
    spec
      .given([
        ...hierarchy,
        registered(SO, '2000-01-01', CP),
        event({
          type: 'AuthoritySuperiorAdded',
          data: {
            authorityId: SO,
            superior: BP,
            effectiveOn: '2000-01-01',
            source: source(CP, '2000-01-01'),
          },
        }),
      ])
      .when(mergeBpInto(SO))
      .thenRefuses('MergerCycle', { authorityId: id(BP), into: id(SO) });
  });

  it('by a parent merged into it', () => {
    spec
      .given([
        ...hierarchy,
        registered(SO, '2000-01-01', SB),
        event({
          type: 'AuthorityMerged',
          data: {
            authorityId: SB,
            into: BP,
            effectiveOn: '2010-01-01',
            source: source(CP, '2010-01-01'),
          },
        }),
      ])
      .when(mergeBpInto(SO))
      .thenRefuses('MergerCycle', { authorityId: id(BP), into: id(SO) });
  });

  it('by a superior split into it', () => {
    spec
      .given([
        ...hierarchy,
        registered(SO, '2000-01-01', CP),
        event({
          type: 'AuthoritySuperiorAdded',
          data: {
            authorityId: SO,
            superior: SB,
            effectiveOn: '2000-01-01',
            source: source(CP, '2000-01-01'),
          },
        }),
        event({
          type: 'AuthoritySplit',
          data: {
            authorityId: SB,
            into: [DN, BP],
            effectiveOn: '2010-01-01',
            source: source(CP, '2010-01-01'),
          },
        }),
      ])
      .when(mergeBpInto(SO))
      .thenRefuses('MergerCycle', { authorityId: id(BP), into: id(SO) });
  });

  it('but a successor merely beside it is accepted', () => {
    spec
      .given([...hierarchy, registered(SO, '2000-01-01', SB)])
      .when(mergeBpInto(SO))
      .then([
        event({
          type: 'AuthorityMerged',
          data: {
            authorityId: BP,
            into: SO,
            effectiveOn: '2025-07-01',
            source: source(CP, '2025-07-01'),
          },
        }),
      ]);
  });
});
