/**
 * The rows of one fact table, written when the commit ends: a fact opened gets its row id at once
 * (the next after the table's last) and is kept in memory until the commit writes the rows
 * queued by multi-row `INSERT`s; a fact closed before then is written closed, never updated. An
 * event that replaces a seat's facts and a later event of the same page that replaces them again
 * so write each row once — the common case of a rebuild, whose commits are pages of the log.
 * The owner flushes before reading the table and before its transaction commits, and forgets
 * the queue (and the row ids it handed out) when the transaction is rolled back.
 */
import type { Database } from 'better-sqlite3';
import type { Instant } from '@mandate/core';
import { createRowBuffer } from './row-buffer.js';

/** The rows of one fact table. */
export interface FactRows {
  /** Queues a fact opened now, its values for the table's columns; returns its row id. */
  readonly open: (values: ReadonlyArray<unknown>) => number;
  /** Closes the row `rowId` at `at`: in the queue when it is there, in the table otherwise. */
  readonly close: (rowId: number, at: Instant) => void;
  /** Writes the rows queued, in row id order, and empties the queue. */
  readonly flush: () => void;
  /** Forgets the rows queued and the row ids handed out (after a rollback or an emptying). */
  readonly forget: () => void;
}

/** The rows of the fact table `table`, whose facts are opened with values for `columns`. */
export function createFactRows(
  db: Database,
  table: string,
  columns: ReadonlyArray<string>,
): FactRows {
  const rows = createRowBuffer(db, table, ['row_id', ...columns, 'recorded_to']);
  const last = db.prepare<[], { last: number }>(
    `SELECT coalesce(max(row_id), 0) AS last FROM ${table}`,
  );
  const closeWritten = db.prepare<[Instant, number]>(
    `UPDATE ${table} SET recorded_to = ? WHERE row_id = ?`,
  );
  /** Each queued row's values (its row id first, its recorded end last), by row id. */
  const queued = new Map<number, unknown[]>();
  /** The row id handed out last; `undefined`: to be read from the table again. */
  let lastRowId: number | undefined;
  return {
    open: (values) => {
      const rowId = (lastRowId ?? last.get()?.last ?? 0) + 1;
      lastRowId = rowId;
      queued.set(rowId, [rowId, ...values, null]);
      return rowId;
    },
    close: (rowId, at) => {
      const row = queued.get(rowId);
      if (row === undefined) closeWritten.run(at, rowId);
      else row[row.length - 1] = at;
    },
    flush: () => {
      for (const row of queued.values()) rows.add(row);
      rows.flush();
      queued.clear();
    },
    forget: () => {
      queued.clear();
      rows.clear();
      lastRowId = undefined;
    },
  };
}
