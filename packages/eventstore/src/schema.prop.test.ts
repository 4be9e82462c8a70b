/**
 * Property: `decodeStored` keeps a current event's data as read when the codec's guard accepts it
 * instead of decoding a copy, and that shortcut never changes an answer — for any body event, as
 * the codec encodes it or damaged (an unknown key, text in NFD, a field replaced with garbage), it
 * returns exactly what the decoder returns, or fails exactly when the decoder does.
 */
import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Body, type Instant } from '@mandate/core';
import { BodyArbitraries } from '@mandate/core/testing';
import { sampleMetadata } from './conformance/index.js';
import type { StoredEvent } from './port.js';
import { decodeStored, eventSchemaFromUnion } from './schema.js';
import { NO_UPCASTERS } from './upcasting.js';

const schema = eventSchemaFromUnion(Body.EventVersions, Body.Event);

const stored = (type: string, data: unknown): StoredEvent => ({
  eventId: 'e-1',
  type,
  schemaVersion: Body.EventVersions[type as keyof typeof Body.EventVersions] ?? 1,
  data,
  metadata: sampleMetadata(),
  stream: 'body-1',
  revision: 0n,
  position: 1n,
  recordedAt: '2019-07-01T03:00:00.000Z' as Instant,
  previousHash: '0'.repeat(64),
  hash: '0'.repeat(64),
});

type Json = null | boolean | number | string | ReadonlyArray<Json> | { [key: string]: Json };

/** Every path to an object inside a JSON value, the root included. */
const objectsIn = (value: Json, path: ReadonlyArray<string | number> = []) => {
  const found: Array<ReadonlyArray<string | number>> = [];
  if (Array.isArray(value)) {
    value.forEach((item: Json, i) => found.push(...objectsIn(item, [...path, i])));
  } else if (typeof value === 'object' && value !== null) {
    found.push(path);
    for (const [key, item] of Object.entries(value)) found.push(...objectsIn(item, [...path, key]));
  }
  return found;
};

/** A copy of `value` with `change` applied to the object at `path`. */
const changedAt = (
  value: Json,
  path: ReadonlyArray<string | number>,
  change: (object: { [key: string]: Json }) => void,
): Json => {
  const copy = JSON.parse(JSON.stringify(value)) as Json;
  let target: Json = copy;
  for (const step of path) target = (target as Record<string | number, Json>)[step] as Json;
  change(target as { [key: string]: Json });
  return copy;
};

const damage = (data: Json): fc.Arbitrary<Json> => {
  const paths = objectsIn(data);
  if (paths.length === 0) return fc.constant(data);
  return fc.oneof(
    fc.constant(data),
    fc.constant(JSON.parse(JSON.stringify(data).normalize('NFD')) as Json),
    fc
      .tuple(fc.constantFrom(...paths), fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue())
      .map(([path, key, value]) =>
        changedAt(data, path, (object) => {
          object[key] = value as Json;
        }),
      ),
    fc.tuple(fc.constantFrom(...paths), fc.jsonValue()).map(([path, value]) =>
      changedAt(data, path, (object) => {
        const keys = Object.keys(object);
        const key = keys[0];
        if (key !== undefined) object[key] = value as Json;
      }),
    ),
  );
};

describe('decodeStored', () => {
  it('returns what the decoder returns for any body event, as encoded or damaged', () => {
    fc.assert(
      fc.property(
        BodyArbitraries.anyBodyEvent.chain((event) => {
          const encoded = Body.Event.encode(event) as { type: string; data: Json };
          return damage(encoded.data).map((data) => ({ type: encoded.type, data }));
        }),
        ({ type, data }) => {
          const decoded = decodeStored(schema, NO_UPCASTERS, stored(type, data));
          const expected = Body.Event.decode({ type, data });
          expect(E.isRight(decoded)).toBe(E.isRight(expected));
          if (E.isRight(decoded) && E.isRight(expected)) {
            expect(decoded.right).toStrictEqual({ type, data: expected.right.data });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
