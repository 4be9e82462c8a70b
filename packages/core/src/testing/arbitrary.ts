/**
 * fast-check arbitraries derived from io-ts codecs. `arbitraryOf(codec)` walks a codec's
 * structure — the kernel's `struct`, `oneOf`, `nonEmptyArray`, `intBetween`, io-ts unions,
 * literals and arrays — and generates values from it; leaf types (ids, dates, names, numbers) get
 * realistic generators by codec name, which callers may override to draw from small pools so that
 * generated commands collide. Every value is passed through the codec's own decoder, so what comes
 * out is exactly what a decoder accepts, in canonical form.
 */
import fc from 'fast-check';
import { isRight } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { MAX_ID_LENGTH } from '../kernel/ids.js';

/** Generators to use instead of the derived ones, keyed by codec name (e.g. `BodyId`). */
export type ArbitraryOverrides = Readonly<Record<string, fc.Arbitrary<unknown>>>;

const VIETNAMESE_LETTERS = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY'];
const TONE_MARKS = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const vietnameseChar = fc
  .tuple(fc.constantFrom(...VIETNAMESE_LETTERS), fc.constantFrom(...TONE_MARKS))
  .map(([letter, tone]) => letter + tone);
/** A Vietnamese-looking word, possibly written with combining marks (NFD-ish) to exercise NFC. */
const word = fc
  .array(vietnameseChar, { minLength: 1, maxLength: 8 })
  .map((chars) => chars.join(''));
const words = (max: number) =>
  fc.array(word, { minLength: 1, maxLength: max }).map((parts) => parts.join(' '));

const DAY_MS = 86_400_000;
/** A real calendar date between 1975 and 2035, written `YYYY-MM-DD`. */
export const calendarDateArbitrary = (from = '1975-01-01', to = '2035-12-31') =>
  fc
    .integer({ min: Date.parse(from) / DAY_MS, max: Date.parse(to) / DAY_MS })
    .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));

const idArbitrary = fc.stringMatching(
  new RegExp(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,${Math.min(24, MAX_ID_LENGTH - 1)}}$`),
);

const leaves: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  CalendarDate: calendarDateArbitrary(),
  Instant: fc
    .integer({ min: Date.parse('1975-01-01'), max: Date.parse('2035-12-31') })
    .map((ms) => new Date(ms).toISOString()),
  Name: words(6),
  Text: fc.array(words(12), { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
  DocumentNumber: fc
    .tuple(
      fc.integer({ min: 1, max: 9999 }),
      fc.constantFrom('QĐ-UBND', 'KH-UBND', 'CT-TTg', 'BC-BCĐ'),
    )
    .map(([n, suffix]) => `${n}/${suffix}`),
  Url: fc.webUrl({ validSchemes: ['https'] }).filter((url) => !/\s/u.test(url)),
  string: fc.string(),
  number: fc.double({ noNaN: true }),
  boolean: fc.boolean(),
  null: fc.constant(null),
  undefined: fc.constant(undefined),
};

type Walkable = t.Mixed & {
  readonly _tag?: string;
  readonly required?: t.Props;
  readonly optional?: t.Props;
  readonly literals?: ReadonlyArray<string>;
  readonly item?: t.Mixed;
  readonly min?: number;
  readonly max?: number;
  readonly types?: ReadonlyArray<t.Mixed>;
  readonly type?: t.Mixed;
  readonly value?: unknown;
  readonly props?: t.Props;
};

function derive(codec: Walkable, overrides: ArbitraryOverrides): fc.Arbitrary<unknown> {
  const own = overrides[codec.name];
  if (own !== undefined) return own;
  const recurse = (inner: t.Mixed) => derive(inner as Walkable, overrides);
  if (codec.required !== undefined && codec.optional !== undefined) {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, inner] of Object.entries(codec.required)) model[key] = recurse(inner);
    for (const [key, inner] of Object.entries(codec.optional)) model[key] = recurse(inner);
    return fc.record(model, { requiredKeys: Object.keys(codec.required) });
  }
  if (codec.literals !== undefined) return fc.constantFrom(...codec.literals);
  if (codec.item !== undefined)
    return fc.array(recurse(codec.item), { minLength: 1, maxLength: 4 });
  if (codec.min !== undefined && codec.max !== undefined)
    return fc.integer({ min: codec.min, max: codec.max });
  switch (codec._tag) {
    case 'UnionType':
      return fc.oneof(...(codec.types ?? []).map(recurse));
    case 'LiteralType':
      return fc.constant(codec.value);
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return fc.array(recurse(codec.type as t.Mixed), { maxLength: 4 });
    case 'InterfaceType':
    case 'ExactType':
    case 'ReadonlyType':
      if (codec.props !== undefined) {
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, inner] of Object.entries(codec.props)) model[key] = recurse(inner);
        return fc.record(model);
      }
      return recurse(codec.type as t.Mixed);
    case 'StringType':
      return leaves['string'] as fc.Arbitrary<unknown>;
    case 'NumberType':
      return leaves['number'] as fc.Arbitrary<unknown>;
    case 'BooleanType':
      return leaves['boolean'] as fc.Arbitrary<unknown>;
    case 'NullType':
      return leaves['null'] as fc.Arbitrary<unknown>;
    default:
      break;
  }
  if (codec.name.endsWith('Id')) return idArbitrary;
  const leaf = leaves[codec.name];
  if (leaf !== undefined) return leaf;
  throw new Error(
    `arbitraryOf: no generator for codec "${codec.name}"; pass one in overrides under that name`,
  );
}

/**
 * Derives a fast-check arbitrary from a codec. Values are decoded through the codec, so only
 * values it accepts (in canonical form, e.g. NFC) come out.
 */
export function arbitraryOf<C extends t.Mixed>(
  codec: C,
  overrides: ArbitraryOverrides = {},
): fc.Arbitrary<t.TypeOf<C>> {
  return derive(codec as Walkable, overrides)
    .map((candidate) => codec.decode(candidate))
    .filter(isRight)
    .map((decoded) => decoded.right as t.TypeOf<C>);
}
