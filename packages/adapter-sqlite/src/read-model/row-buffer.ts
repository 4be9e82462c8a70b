/**
 * Rows appended to a table in batches: kept in memory as they come and written, in the order
 * they came, by a multi-row `INSERT` once {@link ROWS_PER_INSERT} are queued or when flushed —
 * one statement per batch instead of one per row. For rows nobody reads back before the flush (a
 * read model's fact rows and stream events): the owner flushes before reading the table and
 * before its transaction commits, and clears the buffer when the transaction is rolled back.
 */
import type { Database, Statement } from 'better-sqlite3';

/** Rows per multi-row `INSERT` (well under SQLite's limit of 32,766 parameters). */
const ROWS_PER_INSERT = 64;

/** A buffer of rows for one table. */
export interface RowBuffer {
  /** Queues a row: one value per column, in the columns' order. */
  readonly add: (row: ReadonlyArray<unknown>) => void;
  /** Writes the rows still queued, in order, and empties the buffer. */
  readonly flush: () => void;
  /** Forgets the queued rows (after a rollback). */
  readonly clear: () => void;
}

/** A buffer of rows for `table`'s `columns`. */
export function createRowBuffer(
  db: Database,
  table: string,
  columns: ReadonlyArray<string>,
): RowBuffer {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  /** The `INSERT` of `count` rows, prepared when first needed. */
  const inserts = new Map<number, Statement<unknown[]>>();
  const insertOf = (count: number): Statement<unknown[]> => {
    const found = inserts.get(count);
    if (found !== undefined) return found;
    const statement = db.prepare<unknown[]>(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(count).fill(tuple).join(', ')}`,
    );
    inserts.set(count, statement);
    return statement;
  };
  let queued: unknown[] = [];
  let rows = 0;
  const flush = (): void => {
    if (rows > 0) insertOf(rows).run(queued);
    queued = [];
    rows = 0;
  };
  return {
    // A full batch is written at once: holding rows longer only carries them into the old
    // generation of the heap.
    add: (row) => {
      for (const value of row) queued.push(value);
      rows += 1;
      if (rows === ROWS_PER_INSERT) flush();
    },
    flush,
    clear: () => {
      queued = [];
      rows = 0;
    },
  };
}
