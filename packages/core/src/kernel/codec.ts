/**
 * Codec building blocks shared by every command and event schema.
 *
 * `struct` is the one way to declare an object codec in the core: unknown keys are stripped by the
 * decoder and refused by the guard (so a value the guard accepts decodes to an equal value),
 * optional keys must be absent rather than `undefined` (io-ts `t.partial` would let an explicit
 * `undefined` through, which `exactOptionalPropertyTypes` forbids), and the prototype-polluting
 * keys `__proto__`, `constructor` and `prototype` are never copied.
 */
import * as t from 'io-ts';

/** The decoded type of an object codec with required props `R` and optional props `O`. */
export type StructOf<R extends t.Props, O extends t.Props> = t.TypeOf<t.TypeC<R>> & {
  readonly [K in keyof O]?: t.TypeOf<O[K]>;
};

/** The encoded type of an object codec with required props `R` and optional props `O`. */
export type StructOutputOf<R extends t.Props, O extends t.Props> = t.OutputOf<t.TypeC<R>> & {
  readonly [K in keyof O]?: t.OutputOf<O[K]>;
};

/** A codec for a plain object with required and optional properties and no others. */
export interface StructC<R extends t.Props, O extends t.Props> extends t.Type<
  StructOf<R, O>,
  StructOutputOf<R, O>,
  unknown
> {
  readonly required: R;
  readonly optional: O;
}

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** Declares an exact object codec: required props, optional props, unknown keys stripped. */
export function struct<R extends t.Props, O extends t.Props = Record<never, never>>(
  name: string,
  required: R,
  optional: O = {} as O,
): StructC<R, O> {
  const entries = (props: t.Props) => Object.entries(props) as ReadonlyArray<[string, t.Mixed]>;
  const requiredEntries = entries(required);
  const optionalEntries = entries(optional);
  const requiredKeys = requiredEntries.map(([key]) => key);
  const requiredCodecs = requiredEntries.map(([, codec]) => codec);
  const optionalKeys = optionalEntries.map(([key]) => key);
  const optionalCodecs = optionalEntries.map(([, codec]) => codec);
  const declared = new Set([...requiredKeys, ...optionalKeys]);
  // Exact, like the decoder: a value the guard accepts decodes to an equal value, so a reader
  // that checks with the guard may keep the value as it is instead of decoding a copy. Plain
  // loops: this guard runs for every object of every event read.
  const is = (u: unknown): u is StructOf<R, O> => {
    if (!isRecord(u)) return false;
    for (let i = 0; i < requiredKeys.length; i++) {
      if (!(requiredCodecs[i] as t.Mixed).is(u[requiredKeys[i] as string])) return false;
    }
    for (let i = 0; i < optionalKeys.length; i++) {
      const key = optionalKeys[i] as string;
      if (key in u && !(optionalCodecs[i] as t.Mixed).is(u[key])) return false;
    }
    for (const key in u) {
      if (Object.prototype.hasOwnProperty.call(u, key) && !declared.has(key)) return false;
    }
    return true;
  };
  const decodeKey = (
    input: Record<string, unknown>,
    context: t.Context,
    key: string,
    codec: t.Mixed,
    output: Record<string, unknown>,
    errors: t.Errors,
  ) => {
    const result = codec.validate(input[key], t.appendContext(context, key, codec, input[key]));
    if (result._tag === 'Left') errors.push(...result.left);
    else output[key] = result.right;
  };
  const codec = new t.Type<StructOf<R, O>, StructOutputOf<R, O>, unknown>(
    name,
    is,
    (input, context) => {
      if (!isRecord(input)) return t.failure(input, context, `${name} must be an object`);
      const output: Record<string, unknown> = {};
      const errors: t.Errors = [];
      for (const [key, codec] of requiredEntries) {
        decodeKey(input, context, key, codec, output, errors);
      }
      for (const [key, codec] of optionalEntries) {
        if (!Object.prototype.hasOwnProperty.call(input, key)) continue;
        if (input[key] === undefined) {
          errors.push({
            value: undefined,
            context: t.appendContext(context, key, codec, undefined),
            message: `${key} must be absent rather than undefined`,
          });
          continue;
        }
        decodeKey(input, context, key, codec, output, errors);
      }
      return errors.length > 0 ? t.failures(errors) : t.success(output as StructOf<R, O>);
    },
    (value) => {
      const output: Record<string, unknown> = {};
      for (const [key, codec] of requiredEntries) output[key] = codec.encode(value[key]);
      for (const [key, codec] of optionalEntries) {
        const field = (value as Record<string, unknown>)[key];
        if (field !== undefined) output[key] = codec.encode(field);
      }
      return output as StructOutputOf<R, O>;
    },
  );
  return Object.assign(codec, { required, optional });
}

/** A codec for a string that is one of the given literals. */
export function oneOf<const L extends readonly [string, string, ...string[]]>(
  name: string,
  literals: L,
): OneOfC<L> {
  const allowed = new Set<string>(literals);
  const is = (u: unknown): u is L[number] => {
    // Stryker disable next-line ConditionalExpression: equivalent, a set of strings holds nothing else; the test narrows the type
    if (typeof u !== 'string') return false;
    return allowed.has(u);
  };
  const codec = new t.Type<L[number], L[number], unknown>(
    name,
    is,
    (u, c) =>
      is(u) ? t.success(u) : t.failure(u, c, `${name} must be one of ${literals.join(', ')}`),
    (a) => a,
  );
  return Object.assign(codec, { literals });
}

/** A codec for one of a fixed list of strings; `literals` lists them. */
export interface OneOfC<L extends readonly string[]> extends t.Type<L[number], L[number], unknown> {
  readonly literals: L;
}

/** A codec for a non-empty array, decoded as a readonly array with at least one element. */
export function nonEmptyArray<C extends t.Mixed>(
  item: C,
  name = `NonEmptyArray<${item.name}>`,
): NonEmptyArrayC<C> {
  const array = t.readonlyArray(item);
  const codec = new t.Type<
    readonly [t.TypeOf<C>, ...t.TypeOf<C>[]],
    ReadonlyArray<t.OutputOf<C>>,
    unknown
  >(
    name,
    (u): u is readonly [t.TypeOf<C>, ...t.TypeOf<C>[]] => array.is(u) && u.length > 0,
    (u, c) => {
      const result = array.validate(u, c);
      if (result._tag === 'Left') return result;
      return result.right.length > 0
        ? t.success(result.right as readonly [t.TypeOf<C>, ...t.TypeOf<C>[]])
        : t.failure(u, c, `${name} must have at least one element`);
    },
    (a) => array.encode(a),
  );
  return Object.assign(codec, { item });
}

/** A codec for a non-empty readonly array; `item` is the element codec. */
export interface NonEmptyArrayC<C extends t.Mixed> extends t.Type<
  readonly [t.TypeOf<C>, ...t.TypeOf<C>[]],
  ReadonlyArray<t.OutputOf<C>>,
  unknown
> {
  readonly item: C;
}

/** A codec for a whole number within [min, max]. */
export function intBetween(name: string, min: number, max: number): IntBetweenC {
  const is = (u: unknown): u is number => {
    // Stryker disable next-line ConditionalExpression: equivalent, Number.isInteger is false for anything else; the test narrows the type
    if (typeof u !== 'number') return false;
    return Number.isInteger(u) && u >= min && u <= max;
  };
  const codec = new t.Type<number, number, unknown>(
    name,
    is,
    (u, c) =>
      is(u)
        ? t.success(u)
        : t.failure(u, c, `${name} must be a whole number from ${min} to ${max}`),
    (a) => a,
  );
  return Object.assign(codec, { min, max });
}

/** A codec for a whole number within [min, max]; `min` and `max` are its bounds. */
export interface IntBetweenC extends t.Type<number, number, unknown> {
  readonly min: number;
  readonly max: number;
}
