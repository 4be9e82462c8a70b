/**
 * Canonical JSON, the encoding the hash chain hashes and the stores keep: object keys sorted by
 * UTF-16 code units, no whitespace, numbers as JavaScript prints them (`-0` as `0`), strings as
 * given (never re-normalised: NFC is the writer's duty). Only JSON values are encodable:
 * `undefined`, functions, symbols, bigints, non-finite numbers, non-plain objects, lone surrogates
 * and nesting deeper than {@link MAX_JSON_DEPTH} are refused.
 *
 * @see docs/reference/domain.md rule 13
 */
import * as E from 'fp-ts/Either';

/** The deepest nesting of arrays and objects canonical JSON accepts. */
export const MAX_JSON_DEPTH = 64;

/** Thrown (and caught by {@link tryCanonicalJson}) when a value is not JSON. */
class NotJson extends Error {}

const NEEDS_ESCAPE = /["\\\u0000-\u001F\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The JSON string literal of `s`; throws (a defect caught by {@link tryCanonicalJson}) on a lone surrogate. */
export function quote(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  if (LONE_SURROGATE.test(s)) throw new NotJson('a string is not well-formed Unicode');
  return JSON.stringify(s);
}

function encode(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      if (!Number.isFinite(value)) throw new NotJson(`${value} is not a JSON number`);
      return `${value}`;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (depth >= MAX_JSON_DEPTH) throw new NotJson(`nesting deeper than ${MAX_JSON_DEPTH}`);
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          out += encode(value[i], depth + 1);
        }
        return `${out}]`;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) {
        throw new NotJson('only plain objects and arrays are JSON');
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length > 1) keys.sort();
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        if (i > 0) out += ',';
        out += `${quote(key)}:${encode(record[key], depth + 1)}`;
      }
      return `${out}}`;
    }
    default:
      throw new NotJson(`a ${typeof value} is not JSON`);
  }
}

/** The canonical JSON text of a JSON value; throws (a defect) when `value` is not JSON. */
export const canonicalJson = (value: unknown): string => encode(value, 0);

/** The canonical JSON text of `value`, or why it is not JSON. */
export function tryCanonicalJson(value: unknown): E.Either<string, string> {
  try {
    return E.right(encode(value, 0));
  } catch (error) {
    if (error instanceof NotJson) return E.left(error.message);
    if (error instanceof RangeError) return E.left('too deeply nested or too large');
    throw error;
  }
}
