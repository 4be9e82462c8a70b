/**
 * The in-memory read model's commit is all or nothing: a write that fails part-way leaves no row
 * and no checkpoint behind, and the next commit applies as if it had never run; resumed from a
 * store that does not hold its checkpoint, it refuses and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarDate, Instant } from '@mandate/core';
import { expectCheckpointGuard } from '../checkpoint-guard.fixture.js';
import type { Fact } from '../facts.js';
import { createInMemoryReadModel } from './read-model.js';

const AT = '2019-01-01T00:00:00.000Z' as Instant;
const fact = (key: string): Fact => ({
  kind: 'seat',
  subject: 'bcd',
  key,
  ordinal: 0,
  valid: { from: '2019-01-01' as CalendarDate },
  payload: { key },
});

describe('the in-memory read model', () => {
  it('undoes every change of a failed commit, and applies the next one', async () => {
    const model = createInMemoryReadModel();
    await model.target.commit(2n, 'h2n', (store) => store.openFact(fact('a'), AT));

    expect(() =>
      model.target.commit(3n, 'h3n', (store) => {
        const [a] = store.openFacts('seat', 'bcd', 'a');
        if (a !== undefined) store.closeFact(a, AT);
        store.openFact(fact('b'), AT);
        throw new Error('defect');
      }),
    ).toThrow('defect');

    expect(model.target.checkpoint()).toBe(2n);
    expect(model.target.checkpointHash()).toBe('h2n');
    expect(model.rows()).toEqual([{ ...fact('a'), recordedFrom: AT }]);
    await model.target.commit(3n, 'h3n', (store) => {
      expect(store.openFacts('seat', 'bcd').map((f) => f.key)).toEqual(['a']);
      store.openFact(fact('c'), AT);
    });
    expect(model.rows().map((row) => row.key)).toEqual(['a', 'c']);
    expect(model.target.checkpoint()).toBe(3n);
    expect(model.target.checkpointHash()).toBe('h3n');
  });
});

describe('the in-memory read model, resumed from another store', () => {
  it('refuses a store that does not hold its checkpoint, changing nothing', async () => {
    const model = createInMemoryReadModel();
    await expectCheckpointGuard(model.target, () => [...model.rows()]);
  });
});
