/**
 * Properties of envelope decoding: every command any aggregate's codec accepts decodes inside an
 * envelope to itself; one corrupted leaf is refused with that leaf's path; and no input at all
 * makes the decoder throw.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { BodyArbitraries, OfficeArbitraries } from '@mandate/core/testing';
import { AnyCommand } from './command.js';
import { decodeEnvelope } from './envelope.js';

const { bodyCommands } = BodyArbitraries;
const {
  authorityCommandArbitrary,
  corruptedLeafArbitrary,
  officeCommandArbitrary,
  personCommandArbitrary,
} = OfficeArbitraries;

const anyCommand: fc.Arbitrary<AnyCommand> = fc.oneof(
  authorityCommandArbitrary,
  officeCommandArbitrary,
  personCommandArbitrary,
  bodyCommands(3).map((commands) => commands[0] as AnyCommand),
);

const wrap = (command: unknown) => ({ commandId: 'cmd-1', actor: 'tester', command });

describe('decoding envelopes', () => {
  it('decodes every command an aggregate accepts to itself', () => {
    fc.assert(
      fc.property(anyCommand, (command) => {
        const encoded: unknown = JSON.parse(JSON.stringify(AnyCommand.encode(command)));
        expect(decodeEnvelope(wrap(encoded))).toEqual(E.right(wrap(command)));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a command with one corrupted leaf, naming its path', () => {
    fc.assert(
      fc.property(
        corruptedLeafArbitrary(anyCommand, (command) => AnyCommand.encode(command)),
        ({ json, path }) => {
          const decoded = decodeEnvelope(wrap(json));
          expect(E.isLeft(decoded)).toBe(true);
          if (E.isLeft(decoded)) {
            expect(decoded.left.issues.map((issue) => issue.path)).toContain(`command.${path}`);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws, and refuses whatever is not an envelope', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withMap: true, withNullPrototype: true }),
        (u) => {
          expect(E.isLeft(decodeEnvelope(u))).toBe(true);
        },
      ),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(E.isLeft(decodeEnvelope(wrap(json)))).toBe(true);
      }),
    );
  });
});
