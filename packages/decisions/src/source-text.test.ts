/**
 * Reading a file's text: YAML and JSON alike, each path located at its line, and malformed text
 * refused with the line it breaks at.
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { parseSourceText, type SourceText } from './source-text.js';

const parsed = (file: string, text: string): SourceText => {
  const result = parseSourceText(file, text);
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const yaml = [
  'instrument:',
  '  number: 1/QĐ-UBND',
  'changes:',
  '  - type: X',
  '    data:',
  '      bodyId: b',
  '',
].join('\n');

describe('parseSourceText', () => {
  it('reads YAML as plain data, dates and quoted numbers as strings', () => {
    expect(parsed('a.yaml', 'on: 2018-12-04\nperiod: "2019"\n').value).toEqual({
      on: '2018-12-04',
      period: '2019',
    });
  });

  it('locates each path at its line and column', () => {
    const source = parsed('a.yaml', yaml);
    expect(source.locate('instrument.number')).toEqual({ line: 2, column: 11 });
    expect(source.locate('changes.0.data.bodyId')).toEqual({ line: 6, column: 15 });
  });

  it('locates a missing key at its nearest written ancestor', () => {
    expect(parsed('a.yaml', yaml).locate('changes.0.data.effectiveOn')).toEqual({
      line: 6,
      column: 7,
    });
  });

  it('reads JSON, with lines', () => {
    const source = parsed('a.json', '{\n  "changes": [\n    { "type": "X" }\n  ]\n}\n');
    expect(source.value).toEqual({ changes: [{ type: 'X' }] });
    expect(source.locate('changes.0.type')).toEqual({ line: 3, column: 15 });
  });

  it.each([
    ['a syntax error', 'changes:\n  - [1\n', 3],
    ['a duplicate key', 'changes: []\nchanges: []\n', 2],
    ['a tab for indentation', 'changes:\n\t- type: X\n', 2],
  ])('refuses %s with its line', (_, text, line) => {
    const result = parseSourceText('bad.yaml', text);
    expect(E.isLeft(result) && result.left).toMatchObject({
      _tag: 'MalformedFile',
      file: 'bad.yaml',
      position: { line },
    });
  });

  it('refuses aliases that expand past the limit, without throwing', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    const result = parseSourceText('bomb.yaml', bomb);
    expect(E.isLeft(result) && result.left._tag).toBe('MalformedFile');
  });
});
