import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { epochMillisecondsOf, Instant, instantOf } from './instant.js';

describe('Instant', () => {
  it('accepts a canonical UTC timestamp with milliseconds', () => {
    expect(Instant.decode('2019-07-01T03:00:00.000Z')).toEqual({
      _tag: 'Right',
      right: '2019-07-01T03:00:00.000Z',
    });
    expect(Instant.is('2019-07-01T03:00:00.000Z')).toBe(true);
  });

  it.each([
    ['without milliseconds', '2019-07-01T03:00:00Z'],
    ['with an offset', '2019-07-01T10:00:00.000+07:00'],
    ['a day that does not exist', '2019-02-29T03:00:00.000Z'],
    ['an hour that does not exist', '2019-07-01T25:00:00.000Z'],
    ['not a timestamp', 'yesterday'],
    ['a number', 1561950000000],
    ['an array holding one', ['2019-07-01T03:00:00.000Z']],
    ['a year past 9999, which Date writes with six digits', '+010000-01-01T00:00:00.000Z'],
    ['an object without a usable toString', JSON.parse('{"toString":1}') as unknown],
  ])('refuses %s, saying what an instant must be', (_label, input) => {
    expect(Instant.is(input)).toBe(false);
    expect(Instant.decode(input)).toMatchObject({
      left: [
        { message: 'Instant must be an ISO-8601 UTC timestamp like 2019-07-01T03:00:00.000Z' },
      ],
    });
  });

  it('converts to and from epoch milliseconds', () => {
    expect(instantOf(1561950000000)).toBe('2019-07-01T03:00:00.000Z');
    expect(epochMillisecondsOf(instantOf(1561950000123))).toBe(1561950000123);
    expect(isLeft(Instant.decode(instantOf(0)))).toBe(false);
  });
});
