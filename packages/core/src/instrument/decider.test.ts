/** The instrument registry's decider: the registry only grows, so it is never terminal. */
import { describe, expect, it } from 'vitest';
import { decider } from './index.js';

describe('Instrument decider', () => {
  it('is never terminal', () => {
    expect(decider.isTerminal(decider.initialState)).toBe(false);
  });
});
