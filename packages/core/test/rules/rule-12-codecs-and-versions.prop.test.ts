/**
 * docs/reference/domain.md rule 12: every stored event round-trips through its codec, and old event versions are
 * upcast on read. The core's share: every event of every aggregate survives encode → JSON text →
 * decode unchanged; every event type has a schema version and every versioned type has a codec;
 * no decoder ever throws, whatever it is fed, and every refusal names a path. (Upcasting old
 * versions on read is the event store's, proven in packages/eventstore/src/upcasting.test.ts and
 * schema.test.ts.)
 */
import fc from 'fast-check';
import type * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { Authority, Body, decodeWith, Office, Person, Reorganisation } from '../../src/index.js';
import { arbitraryOf, deepEqual } from '../../src/testing/index.js';
import { bodyArbitraryOverrides } from '../../src/testing/body-arbitraries.js';

const aggregates: ReadonlyArray<readonly [string, t.Mixed, Readonly<Record<string, number>>]> = [
  ['Authority', Authority.Event, Authority.EventVersions],
  ['Body', Body.Event, Body.EventVersions],
  ['Office', Office.Event, Office.EventVersions],
  ['Person', Person.Event, Person.EventVersions],
];

const commandCodecs: ReadonlyArray<readonly [string, t.Mixed]> = [
  ['Authority', Authority.Command],
  ['Body', Body.Command],
  ['Office', Office.Command],
  ['Person', Person.Command],
  ['Reorganisation', Reorganisation.Command],
];

const memberTypes = (union: t.Mixed): ReadonlyArray<string> =>
  (
    (union as unknown as { types: ReadonlyArray<{ required: { type: { value: string } } }> })
      .types ?? []
  ).map((member) => member.required.type.value);

describe('rule 12: codecs and versions', () => {
  it.each(aggregates)(
    '%s: every event type has a version and every versioned type a codec',
    (_name, union, versions) => {
      expect([...memberTypes(union)].sort()).toEqual(Object.keys(versions).sort());
      for (const version of Object.values(versions))
        expect(Number.isInteger(version) && version >= 1).toBe(true);
    },
  );

  it.each(aggregates)(
    '%s: every event round-trips through JSON text and its codec',
    (_name, union) => {
      fc.assert(
        fc.property(arbitraryOf(union, bodyArbitraryOverrides), (event) => {
          const stored = JSON.stringify(union.encode(event));
          const decoded = decodeWith(union, JSON.parse(stored));
          expect(decoded._tag).toBe('Right');
          expect(decoded._tag === 'Right' && deepEqual(decoded.right, event)).toBe(true);
        }),
        { numRuns: 150 },
      );
    },
  );

  it.each(commandCodecs)(
    '%s commands round-trip through JSON text and their codec',
    (_name, codec) => {
      fc.assert(
        fc.property(arbitraryOf(codec, bodyArbitraryOverrides), (command) => {
          const decoded = decodeWith(codec, JSON.parse(JSON.stringify(codec.encode(command))));
          expect(decoded._tag === 'Right' && deepEqual(decoded.right, command)).toBe(true);
        }),
        { numRuns: 100 },
      );
    },
  );

  const everyDecoder: ReadonlyArray<readonly [string, t.Mixed]> = [
    ...commandCodecs,
    ...aggregates.map(([name, union]) => [`${name} events`, union] as const),
  ];

  it.each(everyDecoder)(
    '%s: arbitrary input never throws and every failure names a path',
    (_name, codec) => {
      const hostile = fc.oneof(
        fc.anything(),
        fc.jsonValue(),
        fc.record({ type: fc.string(), data: fc.anything() }),
        fc.record({
          type: fc.constantFrom(...memberTypes(codec)),
          data: fc.dictionary(fc.string(), fc.jsonValue()),
        }),
      );
      fc.assert(
        fc.property(hostile, (input) => {
          const decoded = decodeWith(codec, input);
          if (decoded._tag === 'Left') {
            expect(decoded.left.issues.length).toBeGreaterThan(0);
            expect(decoded.left.message.length).toBeGreaterThan(0);
          } else expect(codec.is(decoded.right)).toBe(true);
        }),
        { numRuns: 300 },
      );
    },
  );

  it('names the path of a missing field deep inside a command', () => {
    const decoded = decodeWith(Body.Command, {
      type: 'AmendBody',
      data: { bodyId: 'b1', effectiveOn: '2019-01-01', basis: { type: 'decision' }, changes: [] },
    });
    expect(decoded._tag === 'Left' && decoded.left.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['data.basis.number', 'data.basis.issuer', 'data.changes']),
    );
  });
});
