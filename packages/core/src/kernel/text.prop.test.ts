/**
 * The name and text guards find control, invisible and unpaired surrogate characters in one pass
 * over the code units; these properties hold them to the semantics the three regular expressions
 * gave before, restated here as the oracle (no import of what is checked beyond the codecs).
 */
import fc from 'fast-check';
import { isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { Name, Text } from './text.js';

const oracle = (maxLength: number, control: RegExp) => {
  const refused = (u: string): boolean =>
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(u) ||
    control.test(u) ||
    /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u2028\u2029]/.test(u);
  const accepts = (normalised: string, u: string) =>
    !refused(u) && normalised.trim().length > 0 && normalised.length <= maxLength;
  return {
    is: (u: string): boolean => u.normalize('NFC') === u && accepts(u, u),
    decodes: (u: string): boolean => accepts(u.normalize('NFC'), u),
  };
};
const nameOracle = oracle(500, /[\u0000-\u001F\u007F-\u009F]/);
const textOracle = oracle(8000, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);

/** Single code units and pairs the guards must tell apart, around every boundary they test. */
const edgeUnit = fc.constantFrom(
  ...[
    0x00, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0x9f, 0xa0, 0xad,
    0x300, 0x301, 0x323, 0x61b, 0x61c, 0x61d, 0x200a, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f,
    0x2010, 0x2027, 0x2028, 0x2029, 0x2029, 0x202a, 0x202e, 0x202f, 0x205f, 0x2060, 0x2064, 0x2065,
    0x2066, 0x2069, 0x206a, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfefe, 0xfeff, 0xff00,
    0xfffd,
  ].map((c) => String.fromCharCode(c)),
  '\uD83D\uDE00',
  '\uDBFF\uDFFF',
  ' ',
  '\u00A0',
  'a',
  'ă',
  'ễ',
  'e\u0302\u0301',
);
const unit = fc.oneof(
  edgeUnit,
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);
const text = fc.oneof(
  fc.string({ unit, maxLength: 40 }),
  // Around the length limits.
  fc
    .tuple(fc.string({ unit, maxLength: 3 }), fc.constantFrom(498, 499, 500, 501, 7999, 8000, 8001))
    .map(([tail, length]) => 'a'.repeat(Math.max(0, length - tail.length)) + tail),
);

describe('text guards keep the semantics of their regular expressions', () => {
  it('Name accepts and decodes exactly what the oracle does', () => {
    fc.assert(
      fc.property(text, (u) => {
        expect(Name.is(u)).toBe(nameOracle.is(u));
        expect(isRight(Name.decode(u))).toBe(nameOracle.decodes(u));
      }),
      { numRuns: 5_000 },
    );
  });

  it('Text accepts and decodes exactly what the oracle does', () => {
    fc.assert(
      fc.property(text, (u) => {
        expect(Text.is(u)).toBe(textOracle.is(u));
        expect(isRight(Text.decode(u))).toBe(textOracle.decodes(u));
      }),
      { numRuns: 5_000 },
    );
  });
});
