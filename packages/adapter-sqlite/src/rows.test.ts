/** Rows and recorded append results: encoding round-trips, malformed records are refused. */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import {
  decodeAppendResult,
  encodeAppendResult,
  eventRowValues,
  rawEventOf,
  type EventRow,
} from './rows.js';

describe('recorded append results', () => {
  it('round-trip, marked as duplicates, beyond the safe integer range', () => {
    const result = {
      streams: [
        { stream: 'a', nextExpectedRevision: 0n },
        { stream: 'b', nextExpectedRevision: 2n ** 60n },
      ],
      lastPosition: 2n ** 62n,
      duplicate: false,
    };
    expect(decodeAppendResult(encodeAppendResult(result))).toEqual(
      E.right({ ...result, duplicate: true }),
    );
  });

  it.each([
    ['not JSON', '{'],
    ['no streams', '{"lastPosition":"1"}'],
    ['a numeric position', '{"streams":[],"lastPosition":1}'],
    ['a negative position', '{"streams":[],"lastPosition":"-1"}'],
    ['a malformed stream', '{"streams":[{"stream":"a"}],"lastPosition":"1"}'],
    ['a stream that is not an object', '{"streams":[7],"lastPosition":"1"}'],
  ])('refuses %s', (_what, text) => {
    expect(E.isLeft(decodeAppendResult(text))).toBe(true);
  });
});

describe('event rows', () => {
  it('map to raw events and back to the bound values in column order', () => {
    const row: EventRow = [
      3n,
      's',
      1n,
      'e',
      'T',
      2n,
      '{}',
      '{"m":1}',
      '2019-07-01T03:00:00.000Z',
      'p',
      'h',
    ];
    expect(eventRowValues(rawEventOf(row))).toEqual([
      3n,
      's',
      1n,
      'e',
      'T',
      2,
      '{}',
      '{"m":1}',
      '2019-07-01T03:00:00.000Z',
      'p',
      'h',
    ]);
  });
});
