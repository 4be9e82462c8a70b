/**
 * Assertions of the conformance suite: plain functions that throw a plain `Error` describing what
 * was expected and what came, so the suite runs under any test runner.
 */
import * as E from 'fp-ts/Either';

/** Prints a value for a failure message: JSON with bigints as `123n`. */
export const show = (value: unknown): string => {
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ??
      String(value)
    );
  } catch {
    return String(value);
  }
};

/** True when two JSON-like values (with bigints) are equal: same own keys, same values. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysA.every(
    (key) => Object.prototype.hasOwnProperty.call(b, key) && sameData(recordA[key], recordB[key]),
  );
}

/** Fails with `message` unless `condition` holds. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Fails unless `actual` equals `expected` (structurally). */
export function checkEqual<T>(actual: unknown, expected: T, what: string): asserts actual is T {
  if (!sameData(actual, expected)) {
    throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** The right value of an Either, or a failure naming the left one. */
export function expectRight<L, R>(either: E.Either<L, R>, what: string): R {
  if (E.isLeft(either)) throw new Error(`${what}: expected success, got ${show(either.left)}`);
  return either.right;
}

/** The left value of an Either with tag `tag`, or a failure naming what came instead. */
export function expectLeft<L extends { readonly _tag: string }, T extends L['_tag']>(
  either: E.Either<L, unknown>,
  tag: T,
  what: string,
): Extract<L, { readonly _tag: T }> {
  if (E.isRight(either)) {
    throw new Error(`${what}: expected ${tag}, got success ${show(either.right)}`);
  }
  if (either.left._tag !== tag) {
    throw new Error(`${what}: expected ${tag}, got ${show(either.left)}`);
  }
  return either.left as Extract<L, { readonly _tag: T }>;
}

/** Resolves after `ms` milliseconds (0: on the next turn of the event loop). */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
