/**
 * Properties of the canonical encoding: RFC 8785 (JCS) as the `canonicalize` package writes it, a
 * fixed point of parse-and-encode, blind to key order; and the hashed bytes of an event are the
 * JCS document of its envelope.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOf } from '@mandate/core';
import { canonicalJson } from './canonical-json.js';
import { computeHash } from './hash-chain.js';

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

/** JSON values with full Unicode strings, odd numbers (-0, exponents, fractions) and deep nesting. */
const jcsValue = fc.jsonValue({
  depthSize: 'medium',
  stringUnit: 'grapheme',
  maxDepth: 8,
});

describe('canonicalJson', () => {
  it('writes exactly the bytes RFC 8785 (the canonicalize package) writes', () => {
    fc.assert(
      fc.property(jcsValue, (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2_000 },
    );
  });

  it('agrees with RFC 8785 on numbers, including -0, exponents and the shortest round trip', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(canonicalJson([value])).toBe(canonicalize([value]));
      }),
      { numRuns: 2_000 },
    );
  });

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

describe('computeHash', () => {
  it('is the SHA-256 of the JCS envelope, previousHash included', () => {
    fc.assert(
      fc.property(
        jcsValue,
        fc.string(),
        fc.bigInt({ min: 0n, max: 1n << 62n }),
        fc.stringMatching(/^[0-9a-f]{64}$/),
        (data, stream, revision, previousHash) => {
          const event = {
            eventId: '00000000-0000-4000-8000-000000000001',
            type: 'Thing',
            schemaVersion: 1,
            data,
            metadata: { actor: stream },
            stream,
            revision,
            position: revision + 1n,
            recordedAt: instantOf(0),
            previousHash,
          };
          const envelope = canonicalize({
            ...event,
            metadata: event.metadata,
            position: `${event.position}`,
            revision: `${event.revision}`,
          });
          const expected = createHash('sha256')
            .update(envelope ?? '', 'utf8')
            .digest('hex');
          expect(computeHash(event as Parameters<typeof computeHash>[0])).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
