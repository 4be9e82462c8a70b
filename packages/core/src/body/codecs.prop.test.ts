import fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { arbitraryOf } from '../testing/arbitrary.js';
import {
  bodyArbitraryOverrides,
  bodyCommand,
  bodyCommands,
  establishBody,
} from '../testing/body-arbitraries.js';
import { BodyChange, Command } from './commands.js';
import { DutyProvenance } from './duty.js';
import { Event, EventVersions } from './events.js';
import { BodyOrigin } from './lifecycle.js';
import { Recipient } from './obligation.js';
import { PeriodLabel } from './period.js';
import { RoleSet } from './roles.js';

const roundTrips = (codec: t.Mixed, value: unknown) => {
  expect(codec.is(value)).toBe(true);
  const encoded: unknown = JSON.parse(JSON.stringify(codec.encode(value)));
  const decoded = codec.decode(encoded);
  if (isLeft(decoded)) throw new Error(`did not decode: ${JSON.stringify(encoded)}`);
  expect(decoded.right).toEqual(value);
};

const pathOf = (error: t.ValidationError) =>
  error.context
    .map((entry) => entry.key)
    .filter((key) => key !== '')
    .join('.');

const unions = { Command, Event, BodyChange } as const;

describe('body codecs round-trip', () => {
  for (const [name, union] of Object.entries(unions))
    for (const member of union.types)
      it(`${name} ${member.name}: decode(encode(x)) equals x`, () => {
        fc.assert(
          fc.property(arbitraryOf(member, bodyArbitraryOverrides), (value) => {
            roundTrips(member, value);
            roundTrips(union, value);
          }),
          { numRuns: 60 },
        );
      });

  it('every event type has a schema version', () => {
    expect(Object.keys(EventVersions).sort()).toEqual(
      Event.types.map((member) => member.required.type.value).sort(),
    );
  });

  it('the valid-looking generators produce commands exactly as the codec decodes them', () => {
    fc.assert(
      fc.property(fc.oneof(bodyCommand, establishBody), (command) => roundTrips(Command, command)),
      { numRuns: 300 },
    );
  });
});

const decoders: ReadonlyArray<t.Mixed> = [
  Command,
  Event,
  BodyChange,
  RoleSet,
  PeriodLabel,
  DutyProvenance,
  BodyOrigin,
  Recipient,
];

describe('body decoders on untrusted input', () => {
  it('never throw on arbitrary values, and refuse them with located errors', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.json().map((s): unknown => JSON.parse(s)),
        ),
        (input) => {
          for (const decoder of decoders) {
            const decoded = decoder.decode(input);
            if (isLeft(decoded))
              for (const error of decoded.left) expect(error.context.length).toBeGreaterThan(0);
          }
          expect(isLeft(Command.decode(input))).toBe(true);
          expect(isLeft(Event.decode(input))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('locate the damage when one part of a valid command is replaced with garbage', () => {
    const leaves = (value: unknown, path: ReadonlyArray<string> = []): string[][] =>
      typeof value === 'object' && value !== null
        ? [
            [...path],
            ...Object.entries(value).flatMap(([key, inner]) => leaves(inner, [...path, key])),
          ]
        : [[...path]];
    const replaced = (value: unknown, path: ReadonlyArray<string>, garbage: unknown): unknown => {
      if (path.length === 0) return garbage;
      const [key, ...rest] = path as [string, ...string[]];
      const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
        string,
        unknown
      >;
      copy[key] = replaced(copy[key], rest, garbage);
      return copy;
    };
    fc.assert(
      fc.property(
        bodyCommands(4).chain((commands) => fc.constantFrom(...commands)),
        fc.nat(),
        fc.anything(),
        (command, pick, garbage) => {
          const json: unknown = JSON.parse(JSON.stringify(Command.encode(command)));
          const paths = leaves(json).filter((path) => path.length > 0);
          const path = paths[pick % paths.length] as string[];
          const decoded = Command.decode(replaced(json, path, garbage));
          if (isLeft(decoded)) {
            const parent = path.slice(0, -1).join('.');
            expect(decoded.left.some((error) => pathOf(error).startsWith(parent))).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
