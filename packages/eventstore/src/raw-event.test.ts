/** Unit tests of reading stored rows back: every bad column is a CorruptEvent, never a throw. */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { Instant } from '@mandate/core';
import { sampleMetadata } from './conformance/index.js';
import { computeHash } from './hash-chain.js';
import { parseRawEvent, parseRawEvents, toRawEvent, type RawStoredEvent } from './raw-event.js';
import type { StoredEvent } from './port.js';

const unhashed = {
  eventId: 'e-1',
  type: 'BodyEstablished',
  schemaVersion: 1,
  data: { name: 'Ban Chỉ đạo', list: [1, null] },
  metadata: sampleMetadata(),
  stream: 'body-1',
  revision: 0n,
  position: 1n,
  recordedAt: '2019-07-01T03:00:00.000Z' as Instant,
  previousHash: '0'.repeat(64),
};
const event: StoredEvent = { ...unhashed, hash: computeHash(unhashed) };
const row = toRawEvent(event);

describe('raw events', () => {
  it('round-trip through rows', () => {
    expect(parseRawEvent(row)).toEqual(E.right(event));
    expect(parseRawEvents([row, row])).toEqual(E.right([event, event]));
  });

  it.each<[string, Partial<RawStoredEvent>, RegExp]>([
    ['data that does not parse', { dataJson: '{"a":' }, /data is not JSON/],
    ['metadata that does not parse', { metadataJson: '' }, /metadata is not JSON/],
    ['metadata of the wrong shape', { metadataJson: '{"actor":"x"}' }, /not event metadata/],
    ['a recordedAt that is no instant', { recordedAt: '2019-07-01' }, /recordedAt/],
    ['a hash that is no digest', { hash: 'xyz' }, /SHA-256/],
    ['a previousHash that is no digest', { previousHash: '0'.repeat(63) }, /SHA-256/],
    ['a schema version below 1', { schemaVersion: 0 }, /schemaVersion/],
  ])('report %s as a CorruptEvent', (_what, change, message) => {
    const result = parseRawEvent({ ...row, ...change });
    expect(result).toMatchObject(E.left({ _tag: 'CorruptEvent', stream: 'body-1', revision: 0n }));
    if (E.isLeft(result)) expect(result.left.message).toMatch(message);
    expect(E.isLeft(parseRawEvents([row, { ...row, ...change }, row]))).toBe(true);
  });
});
