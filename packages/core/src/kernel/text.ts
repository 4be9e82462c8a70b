/**
 * Text value objects: every human-readable string in Mandate is well-formed Unicode, stored in
 * NFC, so that a name typed with combining marks (NFD) equals its precomposed twin. Vietnamese
 * is required on every name; English is optional.
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

function nfcString<B>(name: string, maxLength: number, control: RegExp) {
  const problem = (u: unknown): string | undefined => {
    if (typeof u !== 'string') return `${name} must be a string`;
    if (LONE_SURROGATE.test(u)) return `${name} must be well-formed Unicode`;
    if (control.test(u)) return `${name} must not contain control characters`;
    const normalised = u.normalize('NFC');
    if (normalised.trim().length === 0) return `${name} must not be blank`;
    if (normalised.length > maxLength) return `${name} must be at most ${maxLength} characters`;
    return undefined;
  };
  return new t.Type<string & B, string, unknown>(
    name,
    (u): u is string & B => problem(u) === undefined && (u as string).normalize('NFC') === u,
    (u, c) => {
      const reason = problem(u);
      return reason === undefined
        ? t.success((u as string).normalize('NFC') as string & B)
        : t.failure(u, c, reason);
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
export const Name = nfcString<NameBrand>('Name', MAX_NAME_LENGTH, CONTROL_IN_NAME);

/** The brand of a {@link Text}. */
export interface TextBrand {
  readonly Text: unique symbol;
}
/** A non-blank free text in Unicode NFC; tabs and line breaks allowed. */
export type Text = string & TextBrand;
/** Decodes any well-formed, non-blank string into a {@link Text}, normalising to NFC. */
export const Text = nfcString<TextBrand>('Text', MAX_TEXT_LENGTH, CONTROL_IN_TEXT);

/** A name in Vietnamese (required) and English (optional). */
export const BilingualName = struct('BilingualName', { vi: Name }, { en: Name });
/** A name in Vietnamese (required) and English (optional). */
export type BilingualName = t.TypeOf<typeof BilingualName>;

/** A free text in Vietnamese (required) and English (optional). */
export const BilingualText = struct('BilingualText', { vi: Text }, { en: Text });
/** A free text in Vietnamese (required) and English (optional). */
export type BilingualText = t.TypeOf<typeof BilingualText>;

/** True when two names are the same once both are in NFC. */
export const sameName = (a: BilingualName, b: BilingualName): boolean =>
  a.vi === b.vi && a.en === b.en;
