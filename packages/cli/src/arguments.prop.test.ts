/**
 * Command-line dates, instants, years and citations decode exactly when an oracle that does not
 * import the core says they name a real day, moment or year; a refusal names the argument.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { decodeCitation, decodeDate, decodeInstant, decodeYear } from './arguments.js';

/** A real day written YYYY-MM-DD, by the JavaScript calendar's round trip. */
const realDay = (text: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
};

/** A real day of 1900–2999, the range of valid dates. */
const oracleDate = (text: string): boolean =>
  realDay(text) && text.slice(0, 4) >= '1900' && text.slice(0, 4) <= '2999';

const digits = (count: number) =>
  fc
    .array(fc.constantFrom(...'0123456789'), { minLength: count, maxLength: count })
    .map((d) => d.join(''));
const dateLike = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1890, max: 3010 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(
      ([y, m, d]) =>
        `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    ),
  fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.string({ maxLength: 12 }),
);

describe('decodeDate', () => {
  it('accepts exactly the real days of 1900-2999', () => {
    fc.assert(
      fc.property(dateLike, (text) => {
        const decoded = decodeDate('--on')(text);
        expect(E.isRight(decoded)).toBe(oracleDate(text));
        if (E.isLeft(decoded))
          expect(decoded.left).toMatchObject({ argument: '--on', value: text });
      }),
    );
  });
});

describe('decodeInstant', () => {
  it('takes a real day alone as its start, UTC, and a canonical instant as itself', () => {
    fc.assert(
      fc.property(dateLike, (text) => {
        const decoded = decodeInstant('--known-at')(text);
        if (realDay(text)) expect(decoded).toEqual(E.right(`${text}T00:00:00.000Z`));
        else expect(E.isLeft(decoded)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        (date) => {
          expect(decodeInstant('--known-at')(date.toISOString())).toEqual(
            E.right(date.toISOString()),
          );
        },
      ),
    );
    expect(E.isLeft(decodeInstant('--known-at')('2019-07-01T03:00:00Z'))).toBe(true);
  });
});

describe('decodeYear', () => {
  it('accepts exactly four digits from 1900 to 2999', () => {
    fc.assert(
      fc.property(fc.oneof(digits(4), fc.string({ maxLength: 5 })), (text) => {
        const oracle = /^\d{4}$/.test(text) && Number(text) >= 1900 && Number(text) <= 2999;
        expect(E.isRight(decodeYear('--year')(text))).toBe(oracle);
      }),
    );
  });
});

describe('decodeCitation', () => {
  it('reads a canonical key, or a printed number with its issuer and year, alike', () => {
    const key = decodeCitation({ citation: '1072/QĐ-TTg|chinh-phu|2018' }, 'CITATION');
    const parts = decodeCitation(
      { citation: '1072/QĐ-TTg', issuer: 'chinh-phu', year: '2018' },
      'CITATION',
    );
    expect(key).toEqual(
      E.right({ number: '1072/QĐ-TTg', issuer: 'chinh-phu', signedOn: '2018-01-01' }),
    );
    expect(parts).toEqual(key);
  });

  it('refuses a key of two parts, a missing year, a bad issuer or number', () => {
    for (const parts of [
      { citation: 'a|b' },
      { citation: '1072/QĐ-TTg', issuer: 'chinh-phu' },
      { citation: '1072/QĐ-TTg', issuer: 'chính phủ', year: '2018' },
      { citation: '$$', issuer: 'chinh-phu', year: '2018' },
    ]) {
      expect(decodeCitation(parts, 'CITATION')).toMatchObject({
        _tag: 'Left',
        left: { _tag: 'InvalidArgument' },
      });
    }
  });
});
