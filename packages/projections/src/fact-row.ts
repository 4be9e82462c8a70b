/**
 * A fact as a database row: the columns every storage's fact tables share (the row id, the
 * fact's fields, its valid interval as text and its payload as JSON text), and the fact read
 * back from one.
 *
 * @see docs/reference/domain.md "Time"
 */
import { unsafeCalendarDate } from '@mandate/core';
import type { OpenFact } from './fact-store.js';
import type { FactKind } from './facts.js';

/** A fact row as a driver returns it (a 64-bit row id may come back as text). */
export interface FactRow {
  readonly row_id: number | string;
  readonly subject: string;
  readonly key: string;
  readonly ordinal: number;
  readonly ref: string | null;
  readonly valid_from: string;
  readonly valid_to: string | null;
  readonly payload: string;
}

/** The fact a row holds, with its row id. */
export const factOfRow = (kind: FactKind, row: FactRow): OpenFact => ({
  rowId: Number(row.row_id),
  kind,
  subject: row.subject,
  key: row.key,
  ordinal: row.ordinal,
  ...(row.ref === null ? {} : { ref: row.ref }),
  valid:
    row.valid_to === null
      ? { from: unsafeCalendarDate(row.valid_from) }
      : { from: unsafeCalendarDate(row.valid_from), to: unsafeCalendarDate(row.valid_to) },
  payload: JSON.parse(row.payload) as unknown,
});
