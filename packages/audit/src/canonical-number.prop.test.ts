import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalNumber as coreCanonicalNumber } from '@mandate/core';
import { canonicalNumber } from './canonical-number.js';

const piece = fc.constantFrom(
  '1072',
  'QĐ',
  'QÐ',
  'qđ',
  'TTg',
  '/',
  '-',
  '.',
  ' ',
  '  ',
  '\t',
  'Đ',
  'ð',
);

describe('canonicalNumber', () => {
  it('puts a number in the same form as the core does, for any spelling', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(piece).map((parts) => parts.join('')),
        ),
        (text) => {
          expect(canonicalNumber(text)).toBe(coreCanonicalNumber(text));
        },
      ),
    );
  });

  it('makes the look-alike spellings of one number one', () => {
    expect(canonicalNumber(' 1072/QÐ-TTg ')).toBe(canonicalNumber('1072/QĐ-TTg'));
  });
});
