/**
 * Decoding untrusted input into domain values. A failure is a typed value listing every problem
 * with the path where it was found (`data.basis.signer.name: Name must not be blank`), never a
 * thrown exception.
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import type * as t from 'io-ts';

/** One problem found while decoding: where, and what. */
export interface DecodeIssue {
  /** Dotted path from the root, e.g. `data.changes.0.holder.office`; empty for the root itself. */
  readonly path: string;
  readonly message: string;
}

/** Input that did not decode: every problem found, each with its path. */
export interface DecodeFailure {
  readonly _tag: 'DecodeFailure';
  /** The name of the codec that refused the input. */
  readonly expected: string;
  readonly issues: ReadonlyArray<DecodeIssue>;
  readonly message: string;
}

const UNION_MEMBER = /^\d+$/;

function issueOf(error: t.ValidationError): DecodeIssue {
  const keys: string[] = [];
  error.context.forEach((entry, index) => {
    if (entry.key === '') return;
    // io-ts numbers union members by their index; those are not part of the input's path.
    const parent = error.context[index - 1];
    const isUnionMember =
      (parent?.type as { _tag?: string } | undefined)?._tag === 'UnionType' &&
      UNION_MEMBER.test(entry.key);
    if (!isUnionMember) keys.push(entry.key);
  });
  const leaf = error.context[error.context.length - 1];
  const message =
    error.message ??
    `expected ${leaf?.type.name ?? 'a value'}, got ${JSON.stringify(error.value) ?? 'undefined'}`;
  return { path: keys.join('.'), message };
}

/** Turns io-ts validation errors into a {@link DecodeFailure}, without duplicate issues. */
export function decodeFailure(expected: string, errors: t.Errors): DecodeFailure {
  const seen = new Set<string>();
  const issues: DecodeIssue[] = [];
  for (const error of errors) {
    const issue = issueOf(error);
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  const summary = issues
    .slice(0, 5)
    .map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`))
    .join('; ');
  return { _tag: 'DecodeFailure', expected, issues, message: `Invalid ${expected}: ${summary}` };
}

/** Decodes untrusted input with a codec, returning the value or a {@link DecodeFailure}. */
export function decodeWith<A, O>(
  codec: t.Type<A, O, unknown>,
  input: unknown,
): Either<DecodeFailure, A> {
  const result = codec.decode(input);
  return isLeft(result) ? left(decodeFailure(codec.name, result.left)) : right(result.right);
}
