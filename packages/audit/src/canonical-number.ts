/**
 * An instrument number in the form every spelling of it shares, as Mandate's instrument keys and
 * the instrument tallies of a checkpoint use it: Unicode NFC, the look-alike `Ð`/`ð` (eth) read as
 * `Đ`/`đ`, white space trimmed and collapsed, none around `/`, `-` or `.`, letters in upper case.
 * Written here rather than imported so that the verifier depends on no Mandate package; a test
 * checks it against the core's `canonicalNumber`.
 */
export const canonicalNumber = (number: string): string =>
  number
    .normalize('NFC')
    .replace(/\u00D0/gu, '\u0110')
    .replace(/\u00F0/gu, '\u0111')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/ ?([/.-]) ?/gu, '$1')
    .toUpperCase();
