/**
 * Keys a codec does not know. The core's object codecs drop unknown keys silently, which in a file
 * written by hand hides a typo (`efectiveOn`) or a misplaced field; this walk finds every such
 * key, at its path, whether the rest decodes or not.
 */
import type * as t from 'io-ts';
import type { Walkable } from './command-codecs.js';
import type { DecisionProblem } from './problems.js';

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

const own = (props: t.Props | undefined, key: string): t.Mixed | undefined =>
  props !== undefined && Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;

/** The object member of a union that `input` claims by its literal fields, if exactly one does. */
function memberOf(union: Walkable, input: Record<string, unknown>): Walkable | undefined {
  const claimed = (union.types ?? []).filter((member) => {
    const { required } = member as Walkable;
    if (required === undefined) return false;
    return Object.entries(required).every(([key, codec]) => {
      const literal = (codec as Walkable)._tag === 'LiteralType';
      return !literal || (codec as Walkable).value === input[key];
    });
  });
  return claimed.length === 1 ? (claimed[0] as Walkable) : undefined;
}

/** Every key of `input` that `codec` does not declare, with its path under `path`. */
export function unknownKeys(codec: Walkable, input: unknown, path: string): DecisionProblem[] {
  const at = (key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
  const items = codec.item ?? (codec._tag === 'ReadonlyArrayType' ? codec.type : undefined);
  if (items !== undefined)
    return Array.isArray(input)
      ? input.flatMap((item, index) => unknownKeys(items as Walkable, item, at(index)))
      : [];
  if (!isRecord(input)) return [];
  if (codec._tag === 'UnionType') {
    const member = memberOf(codec, input);
    return member === undefined ? [] : unknownKeys(member, input, path);
  }
  if (codec.required === undefined) return [];
  return Object.keys(input).flatMap((key) => {
    const inner = own(codec.required, key) ?? own(codec.optional, key);
    return inner === undefined
      ? [{ path: at(key), message: `unknown key ${JSON.stringify(key)}` }]
      : unknownKeys(inner as Walkable, input[key], at(key));
  });
}
