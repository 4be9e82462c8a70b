import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { BilingualName, invisibleCharacterProblem, Name, nameKey, sameName, Text } from './text.js';

const decoded = (u: unknown) => {
  const result = Name.decode(u);
  if (isLeft(result)) throw new Error('expected a name');
  return result.right;
};

describe('names', () => {
  it('stores NFC: an NFD input equals its NFC twin', () => {
    const nfc = 'Nguyễn Văn Trăm';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(decoded(nfd)).toBe(nfc);
    expect(Name.is(nfd)).toBe(false);
    expect(Name.is(nfc)).toBe(true);
  });

  it.each([
    ['blank', '   '],
    ['empty', ''],
    ['a lone surrogate', 'Tr\uD800m'],
    ['a control character', 'Trăm\u0000'],
    ['a line break in a name', 'Trăm\nVăn'],
    ['not a string', 42],
    ['too long', 'a'.repeat(501)],
  ])('refuses %s', (_label, input) => {
    expect(isLeft(Name.decode(input))).toBe(true);
  });

  it.each([
    ['a number as a name', Name, 42, 'Name must be a string'],
    ['a lone surrogate', Name, 'Tr\uD800m', 'Name must be well-formed Unicode'],
    ['a NUL in a name', Name, 'Trăm\u0000', 'Name must not contain control characters'],
    ['a name of spaces', Name, ' \u00A0 ', 'Name must not be blank'],
    ['a name of 501', Name, 'a'.repeat(501), 'Name must be at most 500 characters'],
    ['a bell in a free text', Text, 'Dòng\u0007', 'Text must not contain control characters'],
    ['a free text of 8,001', Text, 'a'.repeat(8001), 'Text must be at most 8000 characters'],
  ])('refuses %s, saying why', (_label, codec, input, message) => {
    expect(codec.decode(input)).toMatchObject({ left: [{ message }] });
    expect(codec.is(input)).toBe(false);
  });

  it('accepts a name of 500 and a free text of 8,000 code units, counted in NFC', () => {
    const nfd = 'ă'.normalize('NFD');
    for (const [codec, max] of [
      [Name, 500],
      [Text, 8000],
    ] as const) {
      expect(codec.is('a'.repeat(max))).toBe(true);
      expect(isLeft(codec.decode(nfd.repeat(max)))).toBe(false);
    }
  });

  it('lets free text hold line breaks', () => {
    expect(isLeft(Text.decode('Dòng một\nDòng hai'))).toBe(false);
  });

  it('requires Vietnamese and keeps English optional', () => {
    expect(isLeft(BilingualName.decode({ en: 'Steering Committee' }))).toBe(true);
    expect(BilingualName.decode({ vi: 'Ban Chỉ đạo' })).toEqual({
      _tag: 'Right',
      right: { vi: 'Ban Chỉ đạo' },
    });
  });
});

describe('text hygiene', () => {
  it('finds no invisible character in a plain string', () => {
    expect(invisibleCharacterProblem('Actor', 'Nguyễn Văn A')).toBeUndefined();
    expect(invisibleCharacterProblem('Actor', 'A\u200Bb')).toBe(
      'Actor must not contain invisible or direction-changing characters (U+200B)',
    );
  });

  it('takes only a string for a name or a text, whatever has a length', () => {
    for (const u of [['Ban'], { length: 3 }, 42, null])
      for (const codec of [Name, Text]) expect(codec.is(u), JSON.stringify(u)).toBe(false);
  });

  it.each([
    ['a right-to-left override', 'Trăm\u202Emarf'],
    ['a left-to-right embedding', '\u202ATrăm'],
    ['a first-strong isolate', 'Trăm\u2068'],
    ['a pop directional isolate', 'Trăm\u2069'],
    ['a right-to-left mark', 'Tr\u200Făm'],
    ['an Arabic letter mark', 'Tr\u061Căm'],
    ['a zero-width space', 'Nguyễn\u200BVăn'],
    ['a zero-width joiner', 'Nguyễn\u200DVăn'],
    ['a word joiner', 'Nguyễn\u2060Văn'],
    ['an invisible plus', 'Nguyễn\u2064Văn'],
    ['a left-to-right isolate', '\u2066Trăm'],
    ['a byte-order mark', '\uFEFFNguyễn'],
    ['a line separator', 'Nguyễn\u2028Văn'],
    ['a paragraph separator', 'Nguyễn\u2029Văn'],
  ])('refuses %s in a name and in a free text, naming the character', (_label, input) => {
    for (const codec of [Name, Text]) {
      const result = codec.decode(input);
      if (!isLeft(result)) throw new Error(`${codec.name} accepted ${JSON.stringify(input)}`);
      expect(result.left[0]?.message).toMatch(/invisible or direction-changing characters \(U\+/);
      expect(codec.is(input)).toBe(false);
    }
  });

  it('names the code point it refuses, in four hexadecimal digits', () => {
    expect(Name.decode('Tr\u061Căm')).toMatchObject({
      left: [
        {
          message: 'Name must not contain invisible or direction-changing characters (U+061C)',
        },
      ],
    });
    expect(Text.decode('Trăm\u202E')).toMatchObject({
      left: [
        {
          message: 'Text must not contain invisible or direction-changing characters (U+202E)',
        },
      ],
    });
  });

  it('accepts the visible neighbours of the refused ranges', () => {
    for (const input of ['a\u200Ab', 'a\u202Fb', 'a\u2027b', 'a\u2070'])
      expect(isLeft(Name.decode(input))).toBe(false);
  });

  it('keeps spacing as written, and reads it away for identity', () => {
    const written = '  Nguyễn  Văn\u00A0Trăm ';
    expect(decoded(written)).toBe(written);
    expect(nameKey(written)).toBe('Nguyễn Văn Trăm');
    expect(nameKey('Nguyễn Văn Trăm'.normalize('NFD'))).toBe('Nguyễn Văn Trăm');
    expect(sameName({ vi: decoded(written) }, { vi: decoded('Nguyễn Văn Trăm') })).toBe(true);
    expect(sameName({ vi: decoded('Nguyễn Văn Trăm') }, { vi: decoded('Nguyễn Văn Tram') })).toBe(
      false,
    );
  });

  it('compares the English name too, absent only equal to absent', () => {
    const vi = decoded('Ban Chỉ đạo');
    const en = decoded('Steering  Committee');
    expect(sameName({ vi, en }, { vi, en: decoded('Steering Committee') })).toBe(true);
    expect(sameName({ vi, en }, { vi })).toBe(false);
    expect(sameName({ vi }, { vi, en })).toBe(false);
    expect(sameName({ vi }, { vi })).toBe(true);
    expect(sameName({ vi, en }, { vi, en: decoded('Steering Board') })).toBe(false);
  });
});
