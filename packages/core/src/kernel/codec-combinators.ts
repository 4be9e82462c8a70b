/**
 * Two codec combinators beyond `struct` and friends. `discriminatedUnion` picks the
 * member named by a tag field before decoding, so an error names the one member the input claims
 * to be (a path such as `data.basis`), not every member of the union; it is an io-ts `UnionType`,
 * so schema walkers (arbitraries, catalogues) see its members. `withSomeOf` requires an object
 * codec's input to carry at least one of some optional keys.
 */
import * as t from 'io-ts';
import type { StructC } from './codec.js';

/** An object codec whose required property `K` is a string literal (the member's tag). */
export type TaggedCodec<K extends string> = t.Mixed & {
  readonly required: { readonly [P in K]: t.Mixed & { readonly value: string } };
};

/** A union of tagged object codecs, decoded by dispatching on the tag field `key`. */
export interface DiscriminatedUnionC<
  K extends string,
  CS extends [TaggedCodec<K>, ...TaggedCodec<K>[]],
> extends t.UnionType<CS, t.TypeOf<CS[number]>, t.OutputOf<CS[number]>, unknown> {
  readonly key: K;
}

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** Builds a union of object codecs told apart by the string literal in their field `key`. */
export function discriminatedUnion<
  K extends string,
  CS extends [TaggedCodec<K>, ...TaggedCodec<K>[]],
>(name: string, key: K, members: CS): DiscriminatedUnionC<K, CS> {
  type A = t.TypeOf<CS[number]>;
  type O = t.OutputOf<CS[number]>;
  const byTag = new Map<string, TaggedCodec<K>>(
    members.map((member) => [member.required[key].value, member]),
  );
  const tags = [...byTag.keys()].join(', ');
  /** The tag `u` carries as its own property, if any. */
  const tagOf = (u: Record<string, unknown>): unknown =>
    Object.prototype.hasOwnProperty.call(u, key) ? u[key] : undefined;
  /** The member named by a tag, if any. */
  const memberOf = (tag: unknown): TaggedCodec<K> | undefined => {
    // Stryker disable next-line ConditionalExpression: equivalent, no member is keyed by anything but a string; the test narrows the type
    if (typeof tag !== 'string') return undefined;
    return byTag.get(tag);
  };
  // Only the member named by the tag can accept `u` (each member requires its own tag).
  const is = (u: unknown): u is A => isRecord(u) && memberOf(tagOf(u))?.is(u) === true;
  const validate: t.Validate<unknown, A> = (u, c) => {
    if (!isRecord(u)) return t.failure(u, c, `${name} must be an object`);
    const tag = tagOf(u);
    const member = memberOf(tag);
    return member === undefined
      ? t.failure(tag, t.appendContext(c, key, t.string, tag), `${key} must be one of ${tags}`)
      : (member.validate(u, c) as t.Validation<A>);
  };
  const codec = new t.UnionType<CS, A, O, unknown>(
    name,
    is,
    validate,
    (a) => {
      const tag = (a as Record<K, string>)[key];
      const member = byTag.get(tag);
      if (member === undefined) throw new Error(`${name}: no member tagged ${tag}`);
      return member.encode(a) as O;
    },
    members,
  );
  return Object.assign(codec, { key });
}

/** Refines an object codec: its input must carry at least one of the optional `keys`. */
export function withSomeOf<R extends t.Props, O extends t.Props>(
  codec: StructC<R, O>,
  keys: readonly [keyof O & string, ...(keyof O & string)[]],
): StructC<R, O> {
  const hasSome = (u: object) =>
    keys.some((key) => (u as Record<string, unknown>)[key] !== undefined);
  const refined = new t.Type<t.TypeOf<typeof codec>, t.OutputOf<typeof codec>, unknown>(
    codec.name,
    (u): u is t.TypeOf<typeof codec> => codec.is(u) && hasSome(u),
    (u, c) => {
      const result = codec.validate(u, c);
      if (result._tag === 'Left' || hasSome(result.right)) return result;
      return t.failure(u, c, `${codec.name} must give at least one of ${keys.join(', ')}`);
    },
    (a) => codec.encode(a),
  );
  return Object.assign(refined, { required: codec.required, optional: codec.optional });
}
