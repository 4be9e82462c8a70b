/** Properties of the canonical encoding: a fixed point of parse-and-encode, blind to key order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

const shuffledKeys = (value: unknown, seed: number): unknown => {
  if (Array.isArray(value)) return value.map((item) => shuffledKeys(item, seed));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const rotated = [
    ...entries.slice(seed % Math.max(entries.length, 1)),
    ...entries.slice(0, seed % Math.max(entries.length, 1)),
  ].reverse();
  const out: Record<string, unknown> = {};
  for (const [key, item] of rotated) {
    Object.defineProperty(out, key, {
      value: shuffledKeys(item, seed),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
};

describe('canonicalJson', () => {
  it('is what JSON.parse reads back, and encoding that again gives the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const parsed: unknown = JSON.parse(text);
        expect(parsed).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(parsed)).toBe(text);
      }),
    );
  });

  it('does not depend on the order of keys', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, seed) => {
        expect(canonicalJson(shuffledKeys(value, seed))).toBe(canonicalJson(value));
      }),
    );
  });

  it('has no whitespace outside strings', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const outside = canonicalJson(value).replace(/"(?:[^"\\]|\\.)*"/g, '');
        expect(outside).not.toMatch(/\s/);
      }),
    );
  });
});
