/**
 * The command envelope: what a caller submits — the command, the id that makes it idempotent
 * (docs/reference/domain.md rule 10), who submits it, and optional tracing ids — decoded from untrusted input.
 * Decoding never throws: it returns the envelope or a `DecodeFailure` listing every problem with
 * its path. An input too large or too deeply nested is refused before any decoding.
 *
 * @see docs/reference/domain.md rule 10
 */
import { left, type Either } from 'fp-ts/Either';
import * as t from 'io-ts';
import {
  CommandId,
  decodeWith,
  invisibleCharacterProblem,
  struct,
  type DecodeFailure,
} from '@mandate/core';
import { MAX_TRACE_LENGTH } from '@mandate/eventstore';
import { AnyCommand } from './command.js';
import { measureInput, type InputLimits } from './input-size.js';

/** The longest actor name, in UTF-16 code units once in NFC. */
export const MAX_ACTOR_LENGTH = 200;

/** The default limits of an envelope: 256 Ki characters of JSON, 32 levels of nesting. */
export const ENVELOPE_LIMITS: InputLimits = { maxLength: 256 * 1024, maxDepth: 32 };

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be an actor, or `undefined` when it can. */
function actorProblem(u: unknown): string | undefined {
  if (typeof u !== 'string') return 'Actor must be a string';
  if (LONE_SURROGATE.test(u)) return 'Actor must be well-formed Unicode';
  if (CONTROL.test(u)) return 'Actor must not contain control characters';
  const invisible = invisibleCharacterProblem('Actor', u);
  if (invisible !== undefined) return invisible;
  const normalised = u.normalize('NFC');
  if (normalised.trim().length === 0) return 'Actor must not be blank';
  if (normalised.length > MAX_ACTOR_LENGTH)
    return `Actor must be at most ${MAX_ACTOR_LENGTH} characters`;
  return undefined;
}

/**
 * Who submits a command (a user or a system): 1–200 characters, single line, kept in NFC, with no
 * invisible or direction-changing character (the core's text hygiene).
 */
export const Actor = new t.Type<string, string, unknown>(
  'Actor',
  (u): u is string => actorProblem(u) === undefined && (u as string).normalize('NFC') === u,
  (u, c) => {
    const problem = actorProblem(u);
    return problem === undefined
      ? t.success((u as string).normalize('NFC'))
      : t.failure(u, c, problem);
  },
  (a) => a,
);

const isTraceId = (u: unknown): u is string =>
  typeof u === 'string' &&
  u.length > 0 &&
  u.length <= MAX_TRACE_LENGTH &&
  !CONTROL.test(u) &&
  !LONE_SURROGATE.test(u);

/** A correlation or causation id: 1–256 characters without control characters, as the store keeps. */
export const TraceId = new t.Type<string, string, unknown>(
  'TraceId',
  isTraceId,
  (u, c) =>
    isTraceId(u)
      ? t.success(u)
      : t.failure(
          u,
          c,
          `TraceId must be 1-${MAX_TRACE_LENGTH} characters without control characters`,
        ),
  (a) => a,
);

/** A submitted command with its id, its actor and optional tracing ids. */
export const CommandEnvelope = struct(
  'CommandEnvelope',
  { commandId: CommandId, actor: Actor, command: AnyCommand },
  { correlationId: TraceId, causationId: TraceId },
);
/** A submitted command with its id, its actor and optional tracing ids. */
export type CommandEnvelope = t.TypeOf<typeof CommandEnvelope>;

/** A failure of the whole envelope, before any decoding (too large, too deep). */
const envelopeFailure = (message: string): DecodeFailure => ({
  _tag: 'DecodeFailure',
  expected: CommandEnvelope.name,
  issues: [{ path: '', message }],
  message: `Invalid ${CommandEnvelope.name}: ${message}`,
});

/**
 * Decodes an untrusted envelope, refusing it first when it passes the `limits` or is not plain
 * data; a hostile object (a Proxy whose traps throw, a throwing getter) is refused, never thrown.
 */
export function decodeEnvelope(
  input: unknown,
  limits: InputLimits = ENVELOPE_LIMITS,
): Either<DecodeFailure, CommandEnvelope> {
  try {
    return decodeMeasured(input, limits);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return left(envelopeFailure(`the envelope could not be read (${reason})`));
  }
}

function decodeMeasured(
  input: unknown,
  limits: InputLimits,
): Either<DecodeFailure, CommandEnvelope> {
  const size = measureInput(input, limits);
  switch (size) {
    case 'too-long':
      return left(envelopeFailure(`the envelope is longer than ${limits.maxLength} characters`));
    case 'too-deep':
      return left(envelopeFailure(`the envelope nests deeper than ${limits.maxDepth} levels`));
    case 'not-plain':
      return left(envelopeFailure('the envelope holds an object that is not plain data'));
    case 'within-limits':
      return decodeWith(CommandEnvelope, input);
    default: {
      const _exhaustive: never = size;
      return _exhaustive;
    }
  }
}
