/**
 * Where an instrument's text can be read: an http(s) URL with no white space or control
 * character, of at most 2,000 characters after the scheme, or an archive's name.
 */
import { isLeft, isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { DocumentReference } from './reference.js';

const url = (address: string) => ({ kind: 'url', url: address });

describe('DocumentReference', () => {
  it('accepts http and https URLs, and an archive by name', () => {
    for (const reference of [
      url('https://example.invalid/vb/12-qd-ubnd.pdf'),
      url('http://example.invalid/a'),
      url(`https://${'a'.repeat(1992)}`),
      { kind: 'archive', archive: 'Lưu trữ tỉnh Bình Phước' },
    ]) {
      expect(isRight(DocumentReference.decode(reference))).toBe(true);
      expect(DocumentReference.is(reference)).toBe(true);
      expect(DocumentReference.encode(reference as DocumentReference)).toEqual(reference);
    }
  });

  it('refuses another scheme, white space, a control character, an empty or too long address', () => {
    for (const reference of [
      url('ftp://example.invalid/a'),
      url('https://'),
      url('https://example.invalid/a b'),
      url('https://example.invalid/a\u0007'),
      url('https://example.invalid/a\u007F'),
      url(` https://example.invalid/a`),
      url(`https://example.invalid/a `),
      url(`https://${'a'.repeat(2001)}`),
      { kind: 'url', url: 42 },
      // An array of one URL reads as that URL when made a string: only a string is one.
      { kind: 'url', url: ['https://example.invalid/a'] },
    ]) {
      const decoded = DocumentReference.decode(reference);
      expect(isLeft(decoded)).toBe(true);
      expect(DocumentReference.is(reference)).toBe(false);
    }
  });

  it('says why a URL is refused', () => {
    const decoded = DocumentReference.decode(url('ftp://example.invalid/a'));
    expect(isLeft(decoded) && decoded.left.map((error) => error.message)).toContain(
      'Url must be an http(s) URL without white space',
    );
  });
});
