import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { DocumentNumber } from './legal-basis.js';

const WHAT_A_NUMBER_IS = 'DocumentNumber must be 1-100 letters, digits or . / - _ … and spaces';

describe('document numbers', () => {
  it.each([
    ['a number', 1234],
    ['an empty string', ''],
    ['a slash first', '/QĐ-UBND'],
    ['a sign first', '#12/QĐ-UBND'],
    ['a sign after the first character', '12/QĐ#UBND'],
    ['101 characters', '1'.repeat(101)],
  ])('refuse %s, saying what a number must be', (_label, input) => {
    expect(DocumentNumber.is(input)).toBe(false);
    expect(DocumentNumber.decode(input)).toMatchObject({ left: [{ message: WHAT_A_NUMBER_IS }] });
  });

  it.each([
    ['one starting with a digit', '1234/QĐ-UBND'],
    ['one starting with a letter', 'QĐ-12'],
    ['one starting with an ellipsis', '…/QĐ-UBND'],
    ['one of 100 characters', '1'.repeat(100)],
  ])('accept %s', (_label, input) => {
    expect(DocumentNumber.is(input)).toBe(true);
    expect(DocumentNumber.decode(input)).toEqual({ _tag: 'Right', right: input });
  });

  it('decode to NFC, and their guard refuses a number not in NFC', () => {
    const nfc = '05/KH-BCĐ Tiếng Việt';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(DocumentNumber.decode(nfd)).toEqual({ _tag: 'Right', right: nfc });
    expect(DocumentNumber.is(nfd)).toBe(false);
    expect(isLeft(DocumentNumber.decode(nfc))).toBe(false);
  });

  it('refuse, in their guard, a number of letters only that NFC still changes (the Kelvin sign)', () => {
    const kelvin = '12/\u212A';
    expect(kelvin.normalize('NFC')).toBe('12/K');
    expect(DocumentNumber.is(kelvin)).toBe(false);
    expect(DocumentNumber.decode(kelvin)).toEqual({ _tag: 'Right', right: '12/K' });
  });
});
