/**
 * Plain-text tables for a person to read: columns padded to the widest cell as a terminal shows
 * it, measured with `string-width` — Vietnamese combining marks take no column, East Asian wide
 * characters take two — so that `Nguyễn Văn Trăm` and a decomposed spelling of it line up alike.
 */
import stringWidth from 'string-width';

/** One table: its column headings and its rows, each a cell per heading. */
export interface Table {
  readonly headings: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<ReadonlyArray<string>>;
}

const GAP = '  ';

/** Pads `text` with spaces to `width` terminal columns. */
export const padToWidth = (text: string, width: number): string =>
  text + ' '.repeat(Math.max(0, width - stringWidth(text)));

/** Renders a table: headings, a rule, then one line per row; trailing spaces trimmed. */
export function renderTable({ headings, rows }: Table): string {
  const widths = headings.map((heading, column) =>
    Math.max(stringWidth(heading), ...rows.map((row) => stringWidth(row[column] ?? ''))),
  );
  const line = (cells: ReadonlyArray<string>): string =>
    widths
      .map((width, column) => padToWidth(cells[column] ?? '', width))
      .join(GAP)
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join(GAP);
  return [line(headings), rule, ...rows.map(line)].join('\n');
}
