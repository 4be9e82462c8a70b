/**
 * Properties of the input measure: for JSON values it counts exactly the length of their JSON
 * text (escapes aside) and exactly their nesting depth, so the limits mean what they say.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureInput } from './input-size.js';

const LOOSE = { maxLength: Number.MAX_SAFE_INTEGER, maxDepth: 10_000 };

/** The levels of nested objects and arrays in a JSON value. */
const depthOf = (value: unknown): number =>
  typeof value === 'object' && value !== null
    ? 1 + Math.max(0, ...Object.values(value).map(depthOf))
    : 0;

describe('measuring an input', () => {
  it('counts the length of its JSON text, escapes aside', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        const limit = { ...LOOSE, maxLength: text.length };
        if (!text.includes('\\')) {
          expect(measureInput(value, limit)).toBe('within-limits');
          expect(measureInput(value, { ...limit, maxLength: text.length - 1 })).toBe('too-long');
        } else {
          expect(measureInput(value, limit)).toBe('within-limits');
        }
      }),
    );
  });

  it('counts its nesting depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const depth = depthOf(value);
        expect(measureInput(value, { ...LOOSE, maxDepth: depth })).toBe('within-limits');
        if (depth > 0) {
          expect(measureInput(value, { ...LOOSE, maxDepth: depth - 1 })).toBe('too-deep');
        }
      }),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything({ withMap: true, withSet: true, withBigInt: true }), (value) => {
        expect(['within-limits', 'too-long', 'too-deep', 'not-plain']).toContain(
          measureInput(value, { maxLength: 1_000, maxDepth: 8 }),
        );
      }),
    );
  });
});
