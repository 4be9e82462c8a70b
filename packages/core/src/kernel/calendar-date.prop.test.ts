/**
 * Dates are read character by character; these properties hold the guard and `dateParts` to the
 * semantics of the regular expression they replaced, restated here as the oracle (the Gregorian
 * rules come from `Date.UTC`, not from the module checked).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarDate, dateParts, isCalendarDate } from './calendar-date.js';

const oracle = (s: string): readonly [number, number, number] | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m === null) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return undefined;
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCMonth() === month - 1 ? [year, month, day] : undefined;
};

/** Characters a date is made of, their neighbours, and digits of other scripts. */
const dateChar = fc.constantFrom(
  ...'0123456789-/+ .:/T',
  '\u0660',
  '\u0669',
  '\uFF10',
  '\uFF19',
  '\u06F5',
  '\u2212',
  '\u2010',
);
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const candidate = fc.oneof(
  fc.string({ unit: dateChar, minLength: 8, maxLength: 12 }),
  // Every part in and just beyond its range, written with the right widths.
  fc
    .tuple(
      fc.integer({ min: 1800, max: 3100 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  // A well-formed date with one character replaced, added or dropped.
  fc
    .tuple(
      fc.integer({ min: 1900, max: 2999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
      fc.nat(10),
      dateChar,
      fc.constantFrom('replace', 'insert', 'drop'),
    )
    .map(([y, m, d, at, c, how]) => {
      const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
      const rest = how === 'insert' ? s.slice(at) : s.slice(at + 1);
      return s.slice(0, at) + (how === 'drop' ? '' : c) + rest;
    }),
  fc.string({ maxLength: 12 }),
);

describe('calendar dates keep the semantics of their regular expression', () => {
  it('the guard accepts exactly what the oracle does, and dateParts reads the same parts', () => {
    fc.assert(
      fc.property(candidate, (s) => {
        const expected = oracle(s);
        expect(isCalendarDate(s)).toBe(expected !== undefined);
        expect(CalendarDate.is(s)).toBe(expected !== undefined);
        if (expected !== undefined) {
          const { year, month, day } = dateParts(s as CalendarDate);
          expect([year, month, day]).toEqual(expected);
        }
      }),
      { numRuns: 10_000 },
    );
  });
});
