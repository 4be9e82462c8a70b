/**
 * The instrument registry's decider: a reference to the text travels from command to event to
 * record only when given; a record's relations point back from the earlier instruments; evolve
 * keeps the first record of an instrument and is total over relations to unrecorded ones. The
 * registry only grows, so it is never terminal.
 */
import { isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { CalendarDate, LegalBasis } from '../kernel/index.js';
import {
  decider,
  instrumentOf,
  relatedBy,
  type Command,
  type DocumentReference,
  type Event,
  type InstrumentRecorded,
} from './index.js';
import { basis, citation } from './examples.fixture.js';

const reference = { kind: 'archive', archive: 'Lưu trữ tỉnh' } as DocumentReference;
const older = basis('3/QĐ-UBND', '2019-03-04');
const newer = basis('9/QĐ-UBND', '2019-05-06');

const record = (
  instrument: LegalBasis,
  relations: Command['data']['relations'] = [],
  withReference = false,
): Command => ({
  type: 'RecordInstrument',
  data: {
    basis: instrument,
    effectiveOn: instrument.signedOn as CalendarDate,
    relations,
    ...(withReference ? { reference } : {}),
  },
});
/** The instruments a command records (an annulment's event aside). */
const decided = (
  state: ReturnType<typeof fold>,
  command: Command,
): ReadonlyArray<InstrumentRecorded> => {
  const decision = decider.decide(command, state, undefined);
  if (!isRight(decision)) throw new Error(decision.left.message);
  return decision.right.filter(
    (event): event is InstrumentRecorded => event.type === 'InstrumentRecorded',
  );
};
const fold = (events: ReadonlyArray<Event>) => events.reduce(decider.evolve, decider.initialState);

describe('Instrument decider', () => {
  it('carries a reference only when the command gives one', () => {
    const [withRef] = decided(decider.initialState, record(older, [], true));
    const [without] = decided(decider.initialState, record(older));
    expect(withRef?.data.reference).toEqual(reference);
    expect(without?.data).not.toHaveProperty('reference');
    expect(instrumentOf(fold([withRef as Event]), citation(older))?.reference).toEqual(reference);
    expect(instrumentOf(fold([without as Event]), citation(older))).not.toHaveProperty('reference');
  });

  it('records who relates to an instrument, and nothing before', () => {
    const first = decided(decider.initialState, record(older));
    const state = fold(first);
    expect(instrumentOf(state, citation(older))?.relatedBy).toEqual([]);
    const second = decided(state, record(newer, [{ kind: 'amends', to: citation(older) }]));
    const after = fold([...first, ...second]);
    expect(relatedBy(after, citation(older), 'amends').map(({ instrument }) => instrument)).toEqual(
      [newer],
    );
    expect(relatedBy(after, citation(newer), 'amends')).toEqual([]);
  });

  it('keeps the first record of an instrument, and folds a relation to an unrecorded one', () => {
    const [first] = decided(decider.initialState, record(older, [], true));
    const [again] = decided(decider.initialState, record(older));
    expect(fold([first as Event, again as Event])).toEqual(fold([first as Event]));
    const [dangling] = decided(decider.initialState, record(newer));
    const relatedToNothing = {
      ...dangling,
      data: { ...dangling?.data, relations: [{ kind: 'amends', to: citation(older) }] },
    } as Event;
    expect(instrumentOf(fold([relatedToNothing]), citation(older))).toBeUndefined();
  });

  it('is never terminal', () => {
    expect(decider.isTerminal(decider.initialState)).toBe(false);
  });
});
