/**
 * Folding text for search by name: the form in which a name and a search text are compared, so
 * that a name is found with or without its Vietnamese diacritics. Folding decomposes the text
 * (NFD) after lowering the case, drops every combining mark (tones and vowel marks: `Bình Phước` → `Binh Phuoc`, and
 * `Hòa` and `Hoà` alike), reads `đ`/`Đ` and the look-alike `ð`/`Ð` (eth) as `d`, and collapses every run of white space into one space, trimmed. A name matches a search
 * text when its folded form contains the search text's folded form.
 *
 * @see docs/reference/domain.md "Questions the read models answer"
 */

const COMBINING_MARK = /\p{M}/gu;
const D_WITH_STROKE = /[\u0110\u0111\u00D0\u00F0]/gu;
const WHITE_SPACE = /\s+/gu;

/** The folded form of `text`: no diacritics, `đ` as `d`, lower case, white space collapsed. */
export const foldForSearch = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARK, '')
    .replace(D_WITH_STROKE, 'd')
    .replace(WHITE_SPACE, ' ')
    .trim();

/** True when `name` contains `search`, both folded. */
export const matchesSearch = (name: string, search: string): boolean =>
  foldForSearch(name).includes(foldForSearch(search));
