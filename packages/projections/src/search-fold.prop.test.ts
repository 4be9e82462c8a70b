/**
 * Folding for search: idempotent, blind to Unicode normalisation, to case and to diacritics, and
 * never longer than it should be — the properties that let a search without diacritics find a
 * Vietnamese name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesSearch } from './search-fold.js';

/** Vietnamese letters with and without their marks, spaces, and a few other characters. */
const vietnamese = fc
  .array(
    fc.constantFrom(
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÐð  \t-/'.split(
        '',
      ),
    ),
    { maxLength: 30 },
  )
  .map((chars) => chars.join(''));
const text = fc.oneof(vietnamese, fc.string({ unit: 'grapheme', maxLength: 30 }));

describe('foldForSearch', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(foldForSearch(foldForSearch(t))).toBe(foldForSearch(t));
      }),
    );
  });

  it('gives NFC and NFD spellings, and any case, one folded form', () => {
    fc.assert(
      fc.property(text, (t) => {
        const folded = foldForSearch(t);
        expect(foldForSearch(t.normalize('NFC'))).toBe(folded);
        expect(foldForSearch(t.normalize('NFD'))).toBe(folded);
      }),
    );
    fc.assert(
      fc.property(vietnamese, (t) => {
        expect(foldForSearch(t.toUpperCase())).toBe(foldForSearch(t.toLowerCase()));
      }),
    );
  });

  it('leaves no combining mark, no đ, no upper-case Vietnamese letter and no run of spaces', () => {
    fc.assert(
      fc.property(vietnamese, (t) => {
        const folded = foldForSearch(t);
        expect(folded).not.toMatch(/\p{M}|[đĐðÐ]|\s\s|^\s|\s$|[A-Z]/u);
      }),
    );
  });

  it('finds every name by any part of it, written without diacritics', () => {
    fc.assert(
      fc.property(vietnamese, fc.nat(), fc.nat(), (name, a, b) => {
        const bare = foldForSearch(name);
        const [from, to] = [a % (bare.length + 1), b % (bare.length + 1)].sort((x, y) => x - y);
        expect(matchesSearch(name, bare.slice(from, to))).toBe(true);
      }),
    );
  });

  it('reads the Vietnamese examples alike', () => {
    expect(foldForSearch('Hòa')).toBe(foldForSearch('Hoà'));
    expect(foldForSearch('  Ủy ban nhân dân   tỉnh Bình Phước ')).toBe(
      'uy ban nhan dan tinh binh phuoc',
    );
    expect(foldForSearch('ĐINH Thị Đào')).toBe('dinh thi dao');
    expect(matchesSearch('Ban Chỉ đạo tỉnh Bình Phước', 'binh  PHUOC')).toBe(true);
    expect(matchesSearch('Bình Phước', 'Bình Dương')).toBe(false);
  });
});
