/**
 * Rule 8: every event carries its source document — the legal instrument behind it, or for a
 * filed report the report itself — and an effective date; a command without them is refused.
 * The codecs guarantee the second half: strip the instrument or the date from a command (or the
 * source or date from an event) and it no longer decodes, with an error naming the missing key.
 * For the first half, every event decide returns carries the command's own source and date.
 */
import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import * as Body from '../../src/body/index.js';
import {
  anyBodyEvent,
  bodyCommand,
  bodyCommands,
  establishBody,
  replayBodyCommands,
} from '../../src/testing/body-arbitraries.js';

const pathOf = (error: t.ValidationError) =>
  error.context
    .map((entry) => entry.key)
    .filter((key) => key !== '')
    .join('.');

/** The JSON of a value without the key at `path`. */
function without(json: unknown, path: ReadonlyArray<string>): unknown {
  const [key, ...rest] = path as [string, ...string[]];
  const copy = { ...(json as Record<string, unknown>) };
  if (rest.length === 0) delete copy[key];
  else copy[key] = without(copy[key], rest);
  return copy;
}

/** What a command must carry: an instrument and a date, or the report document and its date. */
const requiredSourceAndDate = (command: Body.Command): ReadonlyArray<ReadonlyArray<string>> =>
  command.type === 'FileReport' || command.type === 'CorrectReport'
    ? [
        ['data', 'document'],
        ['data', 'document', 'submittedOn'],
      ]
    : [
        ['data', 'basis'],
        ['data', 'effectiveOn'],
      ];

describe('rule 8: every event has a source and an effective date', () => {
  it('a command without its source or date does not decode, and the error names the key', () => {
    fc.assert(
      fc.property(fc.oneof(bodyCommand, establishBody), fc.nat(), (command, pick) => {
        const json: unknown = JSON.parse(JSON.stringify(Body.Command.encode(command)));
        expect(isRight(Body.Command.decode(json))).toBe(true);
        const paths = requiredSourceAndDate(command);
        const path = paths[pick % paths.length] as ReadonlyArray<string>;
        const decoded = Body.Command.decode(without(json, path));
        expect(isLeft(decoded)).toBe(true);
        if (isLeft(decoded)) expect(decoded.left.map(pathOf)).toContain(path.join('.'));
      }),
      { numRuns: 300 },
    );
  });

  it('an event without its source or date does not decode, and the error names the key', () => {
    fc.assert(
      fc.property(anyBodyEvent, fc.constantFrom('source', 'effectiveOn'), (event, key) => {
        const json: unknown = JSON.parse(JSON.stringify(Body.Event.encode(event)));
        const decoded = Body.Event.decode(without(json, ['data', key]));
        expect(isLeft(decoded)).toBe(true);
        // The kernel's Source is an io-ts union: its errors name the key, then each member tried.
        if (isLeft(decoded))
          expect(decoded.left.some((error) => pathOf(error).startsWith(`data.${key}`))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('every event decide returns carries the command’s source document and effective date', () => {
    fc.assert(
      fc.property(bodyCommands(), (commands) => {
        for (const { command, decision } of replayBodyCommands(commands)) {
          if (decision._tag === 'Left') continue;
          for (const event of decision.right) {
            expect(isRight(Body.Event.decode(Body.Event.encode(event)))).toBe(true);
            if (command.type === 'FileReport' || command.type === 'CorrectReport') {
              const { document } = command.data;
              expect(event.data.source).toEqual({ kind: 'report', report: document });
              expect(event.data.effectiveOn).toBe(document.submittedOn);
            } else {
              expect(event.data.source).toEqual({
                kind: 'instrument',
                instrument: command.data.basis,
              });
              if (command.type !== 'CorrectBodyRecord')
                expect(event.data.effectiveOn).toBe(command.data.effectiveOn);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
