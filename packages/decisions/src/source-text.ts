/**
 * Reading a decision file's text: YAML 1.2 (of which JSON is a subset, so one parser reads both),
 * keeping each node's position so a problem found later, at a path inside the file, can be told
 * with its line and column. A syntax error, a duplicate key or an alias bomb is a typed failure
 * with its line, never a throw.
 */
import { left, right, type Either } from 'fp-ts/Either';
import { LineCounter, parseDocument, type Document } from 'yaml';

/** Where something is in a file: line and column, from 1. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A file's text, parsed: its plain value, and where each path inside it is written. */
export interface SourceText {
  /** The file's name, as the caller gave it (used in messages). */
  readonly file: string;
  /** The parsed value (plain JSON data). */
  readonly value: unknown;
  /**
   * Where the value at `path` (dotted keys, `changes.3.data.bodyId`) is written; for a path the
   * file does not hold (a missing key), where its nearest written ancestor is.
   */
  readonly locate: (path: string) => Position | undefined;
}

/** The file's text is not well-formed YAML or JSON. */
export interface MalformedFile {
  readonly _tag: 'MalformedFile';
  readonly file: string;
  readonly position?: Position;
  readonly message: string;
}

/** Builds a {@link MalformedFile}. */
export const malformedFile = (
  file: string,
  reason: string,
  position?: Position,
): MalformedFile => ({
  _tag: 'MalformedFile',
  file,
  ...(position === undefined ? {} : { position }),
  message: `${file}${position === undefined ? '' : `:${position.line}:${position.column}`}: ${reason}`,
});

/** The keys of a dotted path, sequence indexes as numbers. */
const keysOf = (path: string): ReadonlyArray<string | number> =>
  path === '' ? [] : path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key));

/** The range start of the node at `keys`, or of its nearest ancestor the document holds. */
function offsetOf(document: Document, keys: ReadonlyArray<string | number>): number | undefined {
  for (let length = keys.length; length >= 0; length--) {
    const node: unknown =
      length === 0 ? document.contents : document.getIn(keys.slice(0, length), true);
    const range = (node as { range?: readonly [number, number, number] } | null | undefined)?.range;
    if (range !== undefined) return range[0];
  }
  return undefined;
}

/** Parses a decision file's text (YAML or JSON), or says where it is malformed. */
export function parseSourceText(file: string, text: string): Either<MalformedFile, SourceText> {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const [error] = document.errors;
  if (error !== undefined) {
    const start = lines.linePos(error.pos[0]);
    return left(
      malformedFile(file, error.message.split('\n')[0] ?? error.code, {
        line: start.line,
        column: start.col,
      }),
    );
  }
  let value: unknown;
  try {
    value = document.toJS();
  } catch (thrown) {
    // The yaml library throws when aliases expand past its limit (an alias bomb).
    return left(malformedFile(file, thrown instanceof Error ? thrown.message : String(thrown)));
  }
  return right({
    file,
    value,
    locate: (path) => {
      const offset = offsetOf(document, keysOf(path));
      if (offset === undefined) return undefined;
      const { line, col } = lines.linePos(offset);
      return { line, column: col };
    },
  });
}
