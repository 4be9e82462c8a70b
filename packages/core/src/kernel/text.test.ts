import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { BilingualName, Name, Text } from './text.js';

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
