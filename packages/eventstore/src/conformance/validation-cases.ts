/**
 * Conformance cases for append validation: every request outside the documented limits is an
 * `InvalidAppend`, stores nothing, and leaves the store working.
 */
import { APPEND_LIMITS } from '../limits.js';
import type { AppendRequest, NewEvent } from '../port.js';
import { checkEqual, expectLeft, expectRight } from './assert.js';
import { appendTo, eventFactory } from './fixtures.js';
import { withStore, type ConformanceCase, type StoreFactory } from './store-under-test.js';

const cyclic = (): unknown => {
  const value: Record<string, unknown> = { name: 'loop' };
  value['self'] = value;
  return value;
};

/** The validation cases, each on a fresh store from `factory`. */
export const validationCases = (factory: StoreFactory): ReadonlyArray<ConformanceCase> => [
  {
    name: 'invalid appends are InvalidAppend and store nothing',
    run: withStore(factory, async ({ store }) => {
      const { event, events } = eventFactory();
      const withEvent = (change: Record<string, unknown>): AppendRequest =>
        appendTo('a', 'any', [{ ...event(), ...change } as NewEvent]);
      const withData = (data: unknown) => withEvent({ data });
      const invalid: ReadonlyArray<readonly [string, unknown]> = [
        ['not an object', null],
        ['no streams', { appends: [] }],
        ['a bad stream name', appendTo('no spaces allowed', 'any', events(1))],
        ['an empty stream name', appendTo('', 'any', events(1))],
        ['a stream without events', appendTo('a', 'any', [])],
        [
          'the same stream twice',
          {
            appends: [
              appendTo('a', 'any', events(1)).appends[0],
              appendTo('a', 'any', events(1)).appends[0],
            ],
          },
        ],
        ['a negative expected revision', appendTo('a', -1n, events(1))],
        ['a number as expected revision', appendTo('a', 0 as unknown as bigint, events(1))],
        ['a bad command id', { ...appendTo('a', 'any', events(1)), commandId: 'has spaces' }],
        ['too many events', appendTo('a', 'any', events(APPEND_LIMITS.maxEventsPerAppend + 1))],
        ['too large data', withData({ text: 'x'.repeat(APPEND_LIMITS.maxEventDataBytes) })],
        [
          'too large data in UTF-8',
          withData({ text: 'ệ'.repeat(Math.ceil(APPEND_LIMITS.maxEventDataBytes / 3)) }),
        ],
        ['undefined data', withData(undefined)],
        ['an undefined property', withData({ a: undefined })],
        ['a function', withData({ f: () => 1 })],
        ['NaN', withData({ n: Number.NaN })],
        ['Infinity', withData([Number.POSITIVE_INFINITY])],
        ['a bigint', withData({ n: 1n })],
        ['a Date', withData({ at: new Date(0) })],
        ['a Map', withData(new Map())],
        ['a cycle', withData(cyclic())],
        ['a lone surrogate', withData({ s: '\uD800' })],
        ['a bad type', withEvent({ type: 'has spaces' })],
        ['a bad event id', withEvent({ eventId: '' })],
        ['a zero schema version', withEvent({ schemaVersion: 0 })],
        ['a fractional schema version', withEvent({ schemaVersion: 1.5 })],
        [
          'metadata without a command id',
          withEvent({ metadata: { ...event().metadata, commandId: undefined } }),
        ],
        [
          'metadata with a bad valid date',
          withEvent({ metadata: { ...event().metadata, validDate: '2019-02-29' } }),
        ],
        ['no metadata', withEvent({ metadata: undefined })],
      ];
      for (const [what, request] of invalid) {
        expectLeft(await store.append(request as AppendRequest), 'InvalidAppend', what);
      }
      checkEqual(expectRight(await store.readAll(), 'readAll'), [], 'log after invalid appends');
      const result = expectRight(
        await store.append(appendTo('a', 'no-stream', events(1))),
        'a valid append',
      );
      checkEqual(result.lastPosition, 1n, 'the first position after invalid appends');
    }),
  },
  {
    name: 'appends at the limits are accepted',
    run: withStore(factory, async ({ store }) => {
      const { event, events } = eventFactory();
      const padding = APPEND_LIMITS.maxEventDataBytes - JSON.stringify({ text: '' }).length;
      const largest = { ...event(), data: { text: 'x'.repeat(padding) } };
      expectRight(await store.append(appendTo('a', 'any', [largest])), 'the largest data');
      const result = expectRight(
        await store.append(appendTo('b', 'any', events(APPEND_LIMITS.maxEventsPerAppend))),
        'the most events',
      );
      checkEqual(result.lastPosition, BigInt(APPEND_LIMITS.maxEventsPerAppend + 1), 'positions');
      const [stored] = expectRight(await store.readStream('a'), 'readStream');
      checkEqual(stored?.data, largest.data, 'the largest data reads back');
    }),
  },
];
