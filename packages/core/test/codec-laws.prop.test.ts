/**
 * Codec laws for the authority and instrument registries', offices' and persons' commands and events (the body's
 * live in src/body/codecs.prop.test.ts): every generated value round-trips
 * through JSON (docs/reference/domain.md rule 12); arbitrary input never makes a decoder throw; a corrupted leaf
 * is refused with its path; a command without its basis or effective date does not decode
 * (docs/reference/domain.md rule 8).
 */
import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { Authority, decodeWith, Instrument, Office, Person } from '../src/index.js';
import {
  authorityCommandArbitrary,
  authorityEventArbitrary,
  corruptedLeafArbitrary,
  instrumentCommandArbitrary,
  instrumentEventArbitrary,
  officeCommandArbitrary,
  officeEventArbitrary,
  personCommandArbitrary,
  personEventArbitrary,
} from '../src/testing/office-arbitraries.js';

interface Aggregate {
  readonly name: string;
  readonly Command: t.Mixed;
  readonly Event: t.Mixed;
  readonly EventVersions: Readonly<Record<string, number>>;
  readonly commands: fc.Arbitrary<{ readonly type: string; readonly data: object }>;
  readonly events: fc.Arbitrary<{ readonly type: string }>;
}

const aggregates: ReadonlyArray<Aggregate> = [
  {
    name: 'authority',
    ...Authority,
    commands: authorityCommandArbitrary,
    events: authorityEventArbitrary,
  },
  { name: 'office', ...Office, commands: officeCommandArbitrary, events: officeEventArbitrary },
  { name: 'person', ...Person, commands: personCommandArbitrary, events: personEventArbitrary },
  {
    name: 'instrument',
    ...Instrument,
    commands: instrumentCommandArbitrary,
    events: instrumentEventArbitrary,
  },
];

const codecs = aggregates
  .flatMap((aggregate) => [
    { codec: aggregate.Command, values: aggregate.commands as fc.Arbitrary<unknown> },
    { codec: aggregate.Event, values: aggregate.events as fc.Arbitrary<unknown> },
  ])
  .map((entry) => ({ ...entry, name: entry.codec.name }));

describe.each(codecs)('$name codec', ({ codec, values }) => {
  it('round-trips every generated value through JSON', () => {
    fc.assert(
      fc.property(values, (value) => {
        const json: unknown = JSON.parse(JSON.stringify(codec.encode(value)));
        const again = codec.decode(json);
        expect(isRight(again) && again.right).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary input, and refuses it with a message', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.json().map((s) => JSON.parse(s) as unknown),
        ),
        (input) => {
          const result = decodeWith(codec, input);
          expect(isLeft(result)).toBe(true);
          if (isLeft(result)) expect(result.left.issues.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a value with one corrupted leaf, naming its path', () => {
    fc.assert(
      fc.property(
        corruptedLeafArbitrary(values, (v) => codec.encode(v)),
        ({ json, path }) => {
          const result = decodeWith(codec, json);
          if (!isLeft(result)) throw new Error(`decoded despite null at ${path}`);
          expect(result.left.issues.map((issue) => issue.path)).toContain(path);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe.each(aggregates)(
  '$name commands and events (docs/reference/domain.md rule 8)',
  ({ Command, EventVersions, commands, events }) => {
    it('refuse a command without its basis or effective date, naming the missing key', () => {
      fc.assert(
        fc.property(commands, fc.constantFrom('basis', 'effectiveOn'), (command, key) => {
          const { [key]: _dropped, ...data } = Command.encode(command).data as Record<
            string,
            unknown
          >;
          const result = decodeWith(Command, { type: command.type, data });
          if (!isLeft(result)) throw new Error(`decoded without ${key}`);
          expect(result.left.issues.map((issue) => issue.path)).toContain(`data.${key}`);
        }),
      );
    });

    it('declare a schema version for every event type', () => {
      fc.assert(
        fc.property(events, (event) => {
          expect(EventVersions[event.type]).toBe(1);
        }),
      );
    });
  },
);
