/**
 * The canonical key of a legal instrument: its number, issuing authority and signing year, with
 * the number normalised so that one instrument written two ways is one key — Unicode NFC, the
 * look-alike `Ð`/`ð` (eth) read as `Đ`/`đ`, white space trimmed and collapsed (none around `/`,
 * `-` or `.`), letters in upper case. `1072/QĐ-TTg` and `1072/QÐ-TTg ` are one key; display keeps
 * what was written.
 *
 * @see docs/reference/domain.md rule 15
 */
import { dateParts } from './calendar-date.js';
import type { LegalBasis } from './legal-basis.js';

/** The brand of an {@link InstrumentKey}. */
export interface InstrumentKeyBrand {
  readonly InstrumentKey: unique symbol;
}
/** An instrument's canonical key: `number|issuer|year`, the number normalised. */
export type InstrumentKey = string & InstrumentKeyBrand;

/** A printed instrument number in the form two spellings of one number share. */
export const canonicalNumber = (number: string): string =>
  number
    .normalize('NFC')
    .replace(/\u00D0/gu, '\u0110')
    .replace(/\u00F0/gu, '\u0111')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/ ?([/.-]) ?/gu, '$1')
    .toUpperCase();

/** The canonical key of the instrument a citation names: normalised number + issuer + year. */
export const instrumentKey = (
  basis: Pick<LegalBasis, 'number' | 'issuer' | 'signedOn'>,
): InstrumentKey =>
  `${canonicalNumber(basis.number)}|${basis.issuer}|${dateParts(basis.signedOn).year}` as InstrumentKey;

/** True when two citations name the same instrument. */
export const sameInstrument = (
  a: Pick<LegalBasis, 'number' | 'issuer' | 'signedOn'>,
  b: Pick<LegalBasis, 'number' | 'issuer' | 'signedOn'>,
): boolean => instrumentKey(a) === instrumentKey(b);
