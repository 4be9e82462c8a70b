/**
 * The registry's fold of an annulment: the annulled instrument is marked with the one that
 * annulled it and the `annuls` relation is noted on both, once; an annulment the registry cannot
 * place (by a report, of or by an unrecorded instrument, of one already annulled) leaves it as
 * it was (the gaps the mutation run over evolve.ts found: no core test folded an annulment).
 */
import { describe, expect, it } from 'vitest';
import type { CalendarDate, InstrumentKey, LegalBasis } from '../kernel/index.js';
import { instrumentKey } from '../kernel/index.js';
import type { Event } from './index.js';
import { decider, instrumentOf } from './index.js';
import { basis, citation, recorded, source } from './examples.fixture.js';

const annulment = (instrument: LegalBasis, by: object): Event =>
  ({
    type: 'InstrumentAnnulled',
    data: { instrument, withdrawn: [], effectiveOn: '2020-01-01' as CalendarDate, source: by },
  }) as Event;
const fold = (events: ReadonlyArray<Event>) => events.reduce(decider.evolve, decider.initialState);

const annulled = basis('3/QĐ-UBND', '2019-03-04');
const annulling = basis('9/QĐ-UBND', '2020-01-01');
const other = basis('11/QĐ-UBND', '2020-02-01');
const key = instrumentKey(annulled);
const by = instrumentKey(annulling);

describe('the fold of an annulment', () => {
  it('marks the annulled instrument and notes the relation on both', () => {
    const state = fold([
      recorded(annulled),
      recorded(annulling),
      annulment(annulled, source(annulling)),
    ]);
    expect(instrumentOf(state, citation(annulled))).toMatchObject({
      annulledBy: by,
      relatedBy: [{ kind: 'annuls', key: by }],
    });
    expect(instrumentOf(state, citation(annulling))?.relations).toStrictEqual([
      { kind: 'annuls', key },
    ]);
  });

  it('notes the relation once when the annulling instrument was recorded with it', () => {
    const state = fold([
      recorded(annulled),
      recorded(annulling, [{ kind: 'annuls', to: citation(annulled) }]),
      annulment(annulled, source(annulling)),
    ]);
    expect(instrumentOf(state, citation(annulled))).toMatchObject({
      annulledBy: by,
      relatedBy: [{ kind: 'annuls', key: by }],
    });
    expect(instrumentOf(state, citation(annulling))?.relations).toHaveLength(1);
  });

  it('notes the relation when the annulling instrument relates otherwise, or annuls another', () => {
    for (const relations of [
      [{ kind: 'amends', to: citation(annulled) }],
      [{ kind: 'annuls', to: citation(other) }],
    ]) {
      const state = fold([
        recorded(annulled),
        recorded(other),
        recorded(annulling, relations),
        annulment(annulled, source(annulling)),
      ]);
      expect(instrumentOf(state, citation(annulling))?.relations, relations[0]?.kind).toHaveLength(
        2,
      );
    }
  });

  it('leaves the registry as it was for an annulment it cannot place', () => {
    const before = fold([recorded(annulled), recorded(annulling)]);
    const report = {
      kind: 'report',
      report: { reference: '1/BC', filedBy: 'ban', submittedOn: '2020-01-01' },
    };
    for (const event of [
      annulment(annulled, report),
      annulment(other, source(annulling)),
      annulment(annulled, source(other)),
    ])
      expect(decider.evolve(before, event), event.type).toBe(before);
    const once = decider.evolve(before, annulment(annulled, source(annulling)));
    const withOther = decider.evolve(once, recorded(other));
    expect(decider.evolve(withOther, annulment(annulled, source(other)))).toBe(withOther);
    expect(instrumentOf(withOther, citation(annulled))?.annulledBy).toBe(by as InstrumentKey);
  });
});
