/**
 * The tables line up as a terminal shows them: for any rows of Vietnamese (precomposed or with
 * combining marks), ASCII and East Asian wide text, the table is the one an oracle pads by hand,
 * counting combining marks as zero columns and wide ideographs and syllables as two, without
 * `string-width`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTable } from './table.js';

/** Terminal columns of text, by an independent rule: marks 0, wide ideographs/kana/hangul 2, else 1. */
const oracleWidth = (text: string): number =>
  [...text].reduce((width, char) => {
    if (/\p{M}/u.test(char)) return width;
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0x3040 && code <= 0x30ff) ||
      (code >= 0xac00 && code <= 0xd7a3);
    return width + (wide ? 2 : 1);
  }, 0);

const pieces = [
  'Nguyễn',
  'Văn',
  'Trăm',
  'Ban Chỉ đạo',
  'Bình Phước',
  'Sở Thông tin và Truyền thông',
  'Nguyễn'.normalize('NFD'),
  'Bình Phước'.normalize('NFD'),
  'a',
  'seat-1',
  '中文',
  'ひらがな',
  '한국',
  '',
];
const cell = fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((words) => words.join(' '));

/** The table an independent padder makes: each cell padded to its column's oracle width. */
function oracleTable(headings: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>) {
  const table = [headings, ...rows];
  const widths = headings.map((_, column) =>
    Math.max(...table.map((row) => oracleWidth(row[column] ?? ''))),
  );
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((text, column) => text + ' '.repeat((widths[column] ?? 0) - oracleWidth(text)))
      .join('  ')
      .trimEnd();
  return [line(headings), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)];
}

describe('renderTable', () => {
  it('pads every cell to its column as wide as a terminal shows it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((columns) =>
          fc.tuple(
            fc.array(
              cell.filter((text) => text !== ''),
              { minLength: columns, maxLength: columns },
            ),
            fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 6 }),
          ),
        ),
        ([headings, rows]) => {
          expect(renderTable({ headings, rows }).split('\n')).toEqual(oracleTable(headings, rows));
        },
      ),
    );
  });

  it('lines up a decomposed spelling with the precomposed one', () => {
    const rows = [
      ['Nguyễn Văn Trăm', 'x'],
      ['Nguyễn Văn Trăm'.normalize('NFD'), 'y'],
    ];
    const [, , first, second] = renderTable({ headings: ['name', 'v'], rows }).split('\n');
    expect(first?.endsWith('  x')).toBe(true);
    expect(second?.endsWith('  y')).toBe(true);
    expect(oracleWidth(first ?? '')).toBe(oracleWidth(second ?? ''));
  });
});
