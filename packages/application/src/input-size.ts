/**
 * A cheap guard run before any decoding: how large and how deeply nested an untrusted input is,
 * measured as the length of its JSON text, walking no further than the limits. The walk is
 * iterative and stops as soon as a limit is passed, so a huge, deeply nested or even cyclic input
 * costs little and never throws.
 */

/** The limits an input must keep to. */
export interface InputLimits {
  /** The longest JSON text, in UTF-16 code units. */
  readonly maxLength: number;
  /** The most levels of nested objects and arrays (an object holding only leaves is one level). */
  readonly maxDepth: number;
}

/** What the walk found: within the limits, or which one was passed. */
export type InputSize = 'within-limits' | 'too-long' | 'too-deep' | 'not-plain';

/** The length of one leaf as JSON text; values JSON cannot hold count as nothing here. */
function leafLength(value: unknown): number {
  const kind = typeof value;
  switch (kind) {
    case 'string':
      return (value as string).length + 2;
    case 'number':
      return String(value).length;
    case 'boolean':
      return value === true ? 4 : 5;
    case 'object':
      return 4; // null; objects and arrays are walked, not measured here
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      return 0;
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

/**
 * Measures `input` against `limits`, walking at most about `maxLength` values; an object or array
 * that is not plain (another prototype, so decoding would read properties this walk cannot see)
 * is `not-plain`. For JSON values
 * the length counted is exactly that of `JSON.stringify(input)`, except that escapes in strings
 * are not counted.
 */
export function measureInput(input: unknown, limits: InputLimits): InputSize {
  const pending: Array<readonly [unknown, number]> = [[input, 0]];
  let length = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [value, depth] = next;
    if (typeof value !== 'object' || value === null) {
      length += leafLength(value);
    } else if (depth >= limits.maxDepth) {
      return 'too-deep';
    } else if (
      Object.getPrototypeOf(value) !==
        (Array.isArray(value) ? Array.prototype : Object.prototype) &&
      Object.getPrototypeOf(value) !== null
    ) {
      // Decoding reads inherited properties, which this walk does not count: refuse them here.
      return 'not-plain';
    } else if (Array.isArray(value)) {
      const items = value as ReadonlyArray<unknown>;
      length += 2 + Math.max(items.length - 1, 0); // brackets and commas
      if (length > limits.maxLength) return 'too-long';
      for (const item of items) pending.push([item, depth + 1]);
    } else {
      length += 1; // the opening brace; each key then brings its quotes and a colon or comma
      let keys = 0;
      for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
        length += key.length + 4;
        keys += 1;
        if (length > limits.maxLength) return 'too-long';
        pending.push([(value as Record<string, unknown>)[key], depth + 1]);
      }
      if (keys === 0) length += 1; // `{}`: the closing brace no comma stood for
    }
    if (length > limits.maxLength) return 'too-long';
  }
  return 'within-limits';
}
