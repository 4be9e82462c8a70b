/**
 * Unit tests of upcasting and typed decoding, on a made-up history: `MemberAdded` v1
 * (`{ person, role }`) was renamed `MemberAppointed` v2 (`{ person, roles }`), which became v3
 * (`{ personId, roles, effectiveOn }`).
 */
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { CalendarDate, PersonId, nonEmptyArray, struct, type Instant } from '@mandate/core';
import { sampleMetadata } from './conformance/index.js';
import type { StoredEvent } from './port.js';
import { decodeStored, eventSchema, eventSchemaFromUnion } from './schema.js';
import { NO_UPCASTERS, upcasterRegistry, type Upcaster } from './upcasting.js';

const Role = t.keyof({ head: null, member: null });

const schema = eventSchema({
  BodyEstablished: { version: 1, codec: struct('BodyEstablished', { name: t.string }) },
  MemberAppointed: {
    version: 3,
    codec: struct('MemberAppointed', {
      personId: PersonId,
      roles: nonEmptyArray(Role),
      effectiveOn: CalendarDate,
    }),
  },
});

const record = (u: unknown): Record<string, unknown> => u as Record<string, unknown>;

const history: ReadonlyArray<Upcaster> = [
  {
    type: 'MemberAdded',
    fromVersion: 1,
    toType: 'MemberAppointed',
    upcast: (data) => ({ person: record(data)['person'], roles: [record(data)['role']] }),
  },
  {
    type: 'MemberAppointed',
    fromVersion: 2,
    upcast: (data) => ({
      personId: record(data)['person'],
      roles: record(data)['roles'],
      effectiveOn: '2018-05-02',
    }),
  },
];
const upcasters = upcasterRegistry(history);

const stored = (type: string, schemaVersion: number, data: unknown): StoredEvent => ({
  eventId: 'e-1',
  type,
  schemaVersion,
  data,
  metadata: sampleMetadata(),
  stream: 'body-1',
  revision: 7n,
  position: 12n,
  recordedAt: '2019-07-01T03:00:00.000Z' as Instant,
  previousHash: '0'.repeat(64),
  hash: '1'.repeat(64),
});

const corruption = (result: E.Either<{ readonly message: string }, unknown>): string => {
  if (E.isRight(result))
    throw new Error(`expected a CorruptEvent, got ${JSON.stringify(result.right)}`);
  return result.left.message;
};

describe('decodeStored', () => {
  const current = { personId: 'p-tram', roles: ['head'], effectiveOn: '2018-05-02' };

  it('decodes an event at its current version', () => {
    expect(decodeStored(schema, upcasters, stored('MemberAppointed', 3, current))).toEqual(
      E.right({ type: 'MemberAppointed', data: current }),
    );
    expect(
      decodeStored(schema, NO_UPCASTERS, stored('BodyEstablished', 1, { name: 'Ban' })),
    ).toEqual(E.right({ type: 'BodyEstablished', data: { name: 'Ban' } }));
  });

  it('upcasts v2 to v3', () => {
    expect(
      decodeStored(
        schema,
        upcasters,
        stored('MemberAppointed', 2, { person: 'p-tram', roles: ['head'] }),
      ),
    ).toEqual(E.right({ type: 'MemberAppointed', data: current }));
  });

  it('upcasts v1 to v3 through the rename', () => {
    expect(
      decodeStored(schema, upcasters, stored('MemberAdded', 1, { person: 'p-tram', role: 'head' })),
    ).toEqual(E.right({ type: 'MemberAppointed', data: current }));
  });

  it('does not mutate the stored data', () => {
    const event = stored('MemberAdded', 1, { person: 'p-tram', role: 'head' });
    decodeStored(schema, upcasters, event);
    expect(event.data).toEqual({ person: 'p-tram', role: 'head' });
  });

  it('narrows the decoded type by event type', () => {
    const result = decodeStored(schema, upcasters, stored('MemberAppointed', 3, current));
    if (E.isLeft(result) || result.right.type !== 'MemberAppointed') throw new Error('not decoded');
    const roles: ReadonlyArray<'head' | 'member'> = result.right.data.roles;
    expect(roles).toEqual(['head']);
  });

  it('reports an unknown type as a CorruptEvent naming stream and revision', () => {
    const result = decodeStored(schema, upcasters, stored('BodyRenamed', 1, {}));
    expect(result).toMatchObject(E.left({ _tag: 'CorruptEvent', stream: 'body-1', revision: 7n }));
    expect(corruption(result)).toMatch(/unknown event type/);
    expect(corruption(decodeStored(schema, upcasters, stored('__proto__', 1, {})))).toMatch(
      /unknown event type/,
    );
    expect(corruption(decodeStored(schema, upcasters, stored('toString', 1, {})))).toMatch(
      /unknown event type/,
    );
  });

  it('reports a version newer than the current one', () => {
    expect(
      corruption(decodeStored(schema, upcasters, stored('MemberAppointed', 4, current))),
    ).toMatch(/newer than the current version 3/);
  });

  it('reports a missing upcaster', () => {
    expect(
      corruption(decodeStored(schema, NO_UPCASTERS, stored('MemberAppointed', 2, {}))),
    ).toMatch(/no upcaster from MemberAppointed v2/);
    expect(corruption(decodeStored(schema, upcasters, stored('MemberAdded', 2, {})))).toMatch(
      /unknown event type/,
    );
  });

  it('reports data that does not decode, with its path', () => {
    const message = corruption(
      decodeStored(
        schema,
        upcasters,
        stored('MemberAppointed', 3, { ...current, roles: ['chief'] }),
      ),
    );
    expect(message).toMatch(/does not decode/);
    expect(message).toMatch(/roles/);
    expect(corruption(decodeStored(schema, upcasters, stored('MemberAdded', 1, null)))).toMatch(
      /failed/,
    );
  });

  it('reports an upcaster that throws instead of throwing', () => {
    const throwing = upcasterRegistry([
      {
        type: 'MemberAppointed',
        fromVersion: 2,
        upcast: () => {
          throw new Error('boom');
        },
      },
    ]);
    expect(corruption(decodeStored(schema, throwing, stored('MemberAppointed', 2, {})))).toMatch(
      /upcaster from MemberAppointed v2 failed: boom/,
    );
  });
});

describe('registries and schemas', () => {
  it('refuses two upcasters from the same type and version', () => {
    expect(() =>
      upcasterRegistry([...history, { type: 'MemberAdded', fromVersion: 1, upcast: (d) => d }]),
    ).toThrow(/Two upcasters/);
    expect(() => upcasterRegistry([{ type: 'X', fromVersion: 0, upcast: (d) => d }])).toThrow(
      RangeError,
    );
  });

  it('refuses a current version below 1', () => {
    expect(() => eventSchema({ X: { version: 0, codec: t.unknown } })).toThrow(RangeError);
  });

  it('builds a schema from an aggregate-style union codec', () => {
    const Event = t.union([
      struct('BodyEstablished', {
        type: t.literal('BodyEstablished'),
        data: struct('D1', { name: t.string }),
      }),
      struct('BodyDissolved', {
        type: t.literal('BodyDissolved'),
        data: struct('D2', { on: CalendarDate }),
      }),
    ]);
    const union = eventSchemaFromUnion({ BodyEstablished: 1, BodyDissolved: 1 } as const, Event);
    expect(
      decodeStored(union, NO_UPCASTERS, stored('BodyDissolved', 1, { on: '2020-01-01', extra: 1 })),
    ).toEqual(E.right({ type: 'BodyDissolved', data: { on: '2020-01-01' } }));
    expect(
      corruption(decodeStored(union, NO_UPCASTERS, stored('BodyDissolved', 1, { name: 'x' }))),
    ).toMatch(/does not decode/);
  });
});
