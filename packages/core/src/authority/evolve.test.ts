/**
 * The registry's fold and its small readers on the edges no decided history reaches: events
 * naming authorities never registered, a registration repeated, the empty registry, and a log
 * whose mergers and superiors form a cycle — which `decide` never records, but a corrupt log can
 * hold, and on which every query must still end (the gaps the mutation run over the folder found).
 */
import { describe, expect, it } from 'vitest';
import type { BilingualName } from '../kernel/index.js';
import { fold, unsafeCalendarDate } from '../kernel/index.js';
import {
  ancestorsOf,
  authoritiesOf,
  authorityOf,
  currentAuthorityOf,
  decider,
  endedOn,
  initialState,
  jurisdictionOf,
} from './index.js';
import { withName } from './name-timeline.js';
import { event, id, registration, source } from './examples.fixture.js';

const day = unsafeCalendarDate;

const merged = (authorityId: string, into: string, on: string) =>
  event({
    type: 'AuthorityMerged',
    data: { authorityId, into, effectiveOn: on, source: source(into, on) },
  });
const superiorAdded = (authorityId: string, superior: string, on: string) =>
  event({
    type: 'AuthoritySuperiorAdded',
    data: { authorityId, superior, effectiveOn: on, source: source(superior, on) },
  });

describe('the registry’s fold', () => {
  it('leaves the empty registry as it was for events naming no registered authority', () => {
    const state = decider.evolve(initialState, merged('a', 'b', '2020-01-01'));
    expect(state).toBe(initialState);
    expect(authoritiesOf(state)).toStrictEqual([]);
  });

  it('records a registration as an active record, with no parent key for a root', () => {
    const state = decider.evolve(initialState, registration('a', '2019-01-01'));
    expect(state.status).toBe('populated');
    expect(authoritiesOf(state)).toStrictEqual([
      {
        status: 'active',
        authorityId: 'a',
        level: 'province',
        registeredOn: '2019-01-01',
        names: [{ from: '2019-01-01', name: { vi: 'Cơ quan a' } }],
        lastReliedOn: '2019-01-01',
      },
    ]);
  });

  it('ignores a second registration of an id, which decide refuses', () => {
    const state = decider.evolve(initialState, registration('a', '2019-01-01'));
    expect(decider.evolve(state, registration('a', '2020-01-01', { vi: 'Khác' }))).toBe(state);
  });

  it('never calls the registry’s stream ended', () => {
    expect(decider.isTerminal(initialState)).toBe(false);
    const merged = fold(decider, [
      registration('a', '2019-01-01'),
      registration('b', '2019-01-01'),
      event({
        type: 'AuthorityDissolved',
        data: { authorityId: 'a', effectiveOn: '2020-01-01', source: source('b', '2020-01-01') },
      }),
    ]);
    expect(decider.isTerminal(merged)).toBe(false);
  });

  it('gives an active authority no end', () => {
    const state = decider.evolve(initialState, registration('a', '2019-01-01'));
    const record = authorityOf(state, id('a'));
    expect(record && endedOn(record)).toBeUndefined();
  });
});

describe('a name timeline', () => {
  const at = (date: string, vi: string) => ({ from: day(date), name: { vi } as BilingualName });
  const timeline = [at('2018-01-01', 'A'), at('2020-01-01', 'C')] as const;

  it('takes a name in date order, before, between and after its entries', () => {
    expect(withName([...timeline], day('2019-01-01'), { vi: 'B' } as BilingualName)).toStrictEqual([
      at('2018-01-01', 'A'),
      at('2019-01-01', 'B'),
      at('2020-01-01', 'C'),
    ]);
    expect(
      withName([...timeline], day('2017-01-01'), { vi: 'Z' } as BilingualName)[0],
    ).toStrictEqual(at('2017-01-01', 'Z'));
    expect(
      withName([...timeline], day('2021-01-01'), { vi: 'D' } as BilingualName).at(-1),
    ).toStrictEqual(at('2021-01-01', 'D'));
  });

  it('replaces the entry of the same date, once', () => {
    expect(withName([...timeline], day('2020-01-01'), { vi: 'C2' } as BilingualName)).toStrictEqual(
      [at('2018-01-01', 'A'), at('2020-01-01', 'C2')],
    );
    expect(withName([...timeline], day('2018-01-01'), { vi: 'A2' } as BilingualName)).toStrictEqual(
      [at('2018-01-01', 'A2'), at('2020-01-01', 'C')],
    );
  });
});

describe('queries over a corrupt, cyclic log', () => {
  // Two authorities merged into each other, two each the other's superior, one merged into an
  // authority never registered: decide refuses each, so only a log written by other means
  // holds them. The answers are not meaningful; the
  // queries must end.
  const mergedCycle = fold(decider, [
    registration('a', '2019-01-01'),
    registration('b', '2019-01-01'),
    merged('a', 'b', '2020-01-01'),
    merged('b', 'a', '2020-01-01'),
  ]);
  const superiorCycle = fold(decider, [
    registration('a', '2019-01-01'),
    registration('b', '2019-01-01'),
    registration('c', '2019-01-01'),
    superiorAdded('a', 'b', '2019-06-01'),
    superiorAdded('b', 'a', '2019-06-01'),
  ]);
  const on = day('2021-01-01');

  it('follows a merger cycle a bounded number of steps', () => {
    expect(['a', 'b']).toContain(currentAuthorityOf(mergedCycle, id('a'), on));
    expect(jurisdictionOf(mergedCycle).mayChange(id('c'), id('a'), on)).toBe(false);
  });

  it('walks a cycle of parents a bounded number of steps', () => {
    // Each registered under the other, the first before the second existed.
    const parentCycle = fold(decider, [
      registration('a', '2019-01-01', { parent: 'b' }),
      registration('b', '2019-01-01', { parent: 'a' }),
      registration('c', '2019-01-01'),
    ]);
    expect(jurisdictionOf(parentCycle).mayChange(id('c'), id('a'), on)).toBe(false);
  });

  it('stops at a merger into an authority never registered', () => {
    const intoNothing = fold(decider, [
      registration('a', '2019-01-01'),
      merged('a', 'khong-co', '2020-01-01'),
    ]);
    expect(currentAuthorityOf(intoNothing, id('a'), on)).toBe('a');
  });

  it('walks a superior cycle a bounded number of steps, each authority once', () => {
    expect(jurisdictionOf(superiorCycle).mayChange(id('c'), id('a'), on)).toBe(false);
    expect(ancestorsOf(superiorCycle, id('a'), on)).toStrictEqual(['b']);
  });
});
