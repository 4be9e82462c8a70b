/**
 * Text value objects: every human-readable string in Mandate is well-formed Unicode, stored in
 * NFC, so that a name typed with combining marks (NFD) equals its precomposed twin. Vietnamese
 * is required on every name; English is optional.
 *
 * Text hygiene: names, free texts (and the application's actors) refuse the characters that make
 * what is shown differ from what is stored — bidirectional embeddings, overrides, isolates and
 * marks (the "Trojan Source" characters), zero-width spaces and joiners, the byte-order mark, and
 * the Unicode line and paragraph separators. Spacing is kept as written, so that display shows
 * exactly what the instrument printed; identity ({@link nameKey}, {@link sameName}) compares
 * the NFC form with leading and trailing white space removed and every inner run of white space
 * (a no-break space included) read as one space.
 */
import * as t from 'io-ts';
import { struct } from './codec.js';

/** The longest name, in UTF-16 code units, that the core accepts. */
export const MAX_NAME_LENGTH = 500;
/** The longest free text (a duty, a purpose), in UTF-16 code units, that the core accepts. */
export const MAX_TEXT_LENGTH = 8000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL_IN_NAME = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Characters that make displayed text differ from stored text: bidirectional marks, embeddings,
 * overrides and isolates (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069), zero-width
 * spaces, joiners and invisible operators (U+200B–U+200D, U+2060–U+2064), the byte-order mark
 * (U+FEFF) and the line and paragraph separators (U+2028, U+2029).
 */
export const INVISIBLE_CHARACTER =
  /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u2028\u2029]/;

/**
 * Why `u`, named `name` in messages, holds an invisible or direction-changing character, or
 * `undefined` when it holds none.
 */
export function invisibleCharacterProblem(name: string, u: string): string | undefined {
  const found = INVISIBLE_CHARACTER.exec(u)?.[0];
  return found === undefined
    ? undefined
    : `${name} must not contain invisible or direction-changing characters (U+${found
        .charCodeAt(0)
        .toString(16)
        .toUpperCase()
        .padStart(4, '0')})`;
}

/** True for the code units {@link INVISIBLE_CHARACTER} matches (none of them is a surrogate). */
const isInvisible = (c: number): boolean =>
  c === 0x061c ||
  (c >= 0x200b && c <= 0x200f) ||
  (c >= 0x202a && c <= 0x202e) ||
  (c >= 0x2060 && c <= 0x2064) ||
  (c >= 0x2066 && c <= 0x2069) ||
  c === 0xfeff ||
  c === 0x2028 ||
  c === 0x2029;

/**
 * True when `u` holds no lone surrogate, no control character (tab, line feed and carriage return
 * allowed when `lineBreaks` is) and no invisible character: what `LONE_SURROGATE`, the control
 * pattern and {@link INVISIBLE_CHARACTER} refuse, found in one pass over the code units instead of
 * three regular expression searches — the guard runs for every name and text of every event read.
 * The patterns still name what a refused string holds.
 */
function isClean(u: string, lineBreaks: boolean): boolean {
  // Stryker disable next-line EqualityOperator: equivalent, the code unit past the end is NaN, which no test below matches
  for (let i = 0; i < u.length; i++) {
    const c = u.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      if (!lineBreaks || (c !== 0x09 && c !== 0x0a && c !== 0x0d)) return false;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A high surrogate takes the low one after it; any other surrogate is alone.
      const next = u.charCodeAt(i + 1);
      if (c >= 0xdc00 || !(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else {
      // Stryker disable next-line ConditionalExpression: equivalent, a fast path: no invisible character is below U+061C
      if (c >= 0x061c && isInvisible(c)) return false;
    }
  }
  return true;
}

function nfcString<B>(name: string, maxLength: number, control: RegExp, lineBreaks: boolean) {
  // `normalised` is `u` in NFC, computed once by the caller for both the checks and the result.
  const problem = (u: string, normalised: string): string | undefined => {
    // Stryker disable next-line ConditionalExpression: equivalent, a fast path: a clean string passes the three patterns too
    if (!isClean(u, lineBreaks)) {
      if (LONE_SURROGATE.test(u)) return `${name} must be well-formed Unicode`;
      if (control.test(u)) return `${name} must not contain control characters`;
      const invisible = invisibleCharacterProblem(name, u);
      // Stryker disable next-line ConditionalExpression: equivalent, a string `isClean` refuses holds a lone surrogate, a control or an invisible character, so one of the three returns
      if (invisible !== undefined) return invisible;
    }
    if (normalised.trim().length === 0) return `${name} must not be blank`;
    if (normalised.length > maxLength) return `${name} must be at most ${maxLength} characters`;
    return undefined;
  };
  return new t.Type<string & B, string, unknown>(
    name,
    (u): u is string & B =>
      typeof u === 'string' &&
      u.length <= maxLength &&
      isClean(u, lineBreaks) &&
      u.normalize('NFC') === u &&
      u.trim().length > 0,
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c, `${name} must be a string`);
      const normalised = u.normalize('NFC');
      const reason = problem(u, normalised);
      return reason === undefined ? t.success(normalised as string & B) : t.failure(u, c, reason);
    },
    (a) => a,
  );
}

/** The brand of a {@link Name}. */
export interface NameBrand {
  readonly Name: unique symbol;
}
/** A non-blank, single-line name in Unicode NFC. */
export type Name = string & NameBrand;
/** Decodes any well-formed, non-blank, single-line string into a {@link Name}, normalising to NFC. */
export const Name = nfcString<NameBrand>('Name', MAX_NAME_LENGTH, CONTROL_IN_NAME, false);

/** The brand of a {@link Text}. */
export interface TextBrand {
  readonly Text: unique symbol;
}
/** A non-blank free text in Unicode NFC; tabs and line breaks allowed. */
export type Text = string & TextBrand;
/** Decodes any well-formed, non-blank string into a {@link Text}, normalising to NFC. */
export const Text = nfcString<TextBrand>('Text', MAX_TEXT_LENGTH, CONTROL_IN_TEXT, true);

/** A name in Vietnamese (required) and English (optional). */
export const BilingualName = struct('BilingualName', { vi: Name }, { en: Name });
/** A name in Vietnamese (required) and English (optional). */
export type BilingualName = t.TypeOf<typeof BilingualName>;

/** A free text in Vietnamese (required) and English (optional). */
export const BilingualText = struct('BilingualText', { vi: Text }, { en: Text });
/** A free text in Vietnamese (required) and English (optional). */
export type BilingualText = t.TypeOf<typeof BilingualText>;

/**
 * The identity of a name or text: NFC, trimmed, each inner run of white space read as one space.
 * Two strings with the same key name the same thing, however they were spaced.
 */
export const nameKey = (text: string): string => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

const sameKey = (a: string | undefined, b: string | undefined): boolean =>
  a === undefined || b === undefined ? a === b : nameKey(a) === nameKey(b);

/** True when two bilingual names are the same by {@link nameKey}, in both languages. */
export const sameName = (a: BilingualName, b: BilingualName): boolean =>
  sameKey(a.vi, b.vi) && sameKey(a.en, b.en);
