/**
 * The fact rows of the SQLite read model on a real file, against a model of what each committed
 * transaction leaves: over generated opens, closes, commits and rollbacks, the table holds every
 * fact opened in a committed transaction, with the row id it was given, closed exactly when and
 * as it was closed (in the queue or in the table); a rolled-back transaction leaves nothing, and
 * the row ids it handed out are handed out again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Instant } from '@mandate/core';
import { createFactRows } from './fact-rows.js';

const directory = mkdtempSync(join(tmpdir(), 'mandate-fact-rows-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
let files = 0;

const TABLE = 'm_v1_seat';

/** What a step does: open a fact, close the n-th fact still open, or end the transaction. */
type Step =
  | { readonly op: 'open'; readonly key: string }
  | { readonly op: 'close'; readonly nth: number }
  | { readonly op: 'commit' }
  | { readonly op: 'rollback' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('open' as const), key: fc.constantFrom('a', 'b') }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('close' as const), nth: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ op: 'commit' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'rollback' as const }) },
);

/** A row as the model expects it. */
interface Row {
  readonly row_id: number;
  readonly key: string;
  readonly recorded_to: string | null;
}

describe('The fact rows of the SQLite read model', () => {
  it('leave what the committed transactions opened and closed, with the row ids handed out', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const db = new Database(join(directory, `${++files}.sqlite`));
        try {
          db.exec(
            `CREATE TABLE ${TABLE} (row_id INTEGER PRIMARY KEY, key TEXT NOT NULL,
               recorded_to TEXT) STRICT`,
          );
          const rows = createFactRows(db, TABLE, ['key']);
          let committed = new Map<number, Row>();
          let working = new Map<number, Row>();
          db.exec('BEGIN');
          for (const [i, s] of [...steps, { op: 'commit' as const }].entries()) {
            const at = `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z` as Instant;
            switch (s.op) {
              case 'open': {
                const rowId = rows.open([s.key]);
                expect(rowId).toBe(Math.max(0, ...working.keys()) + 1);
                working.set(rowId, { row_id: rowId, key: s.key, recorded_to: null });
                break;
              }
              case 'close': {
                const open = [...working.values()].filter((row) => row.recorded_to === null);
                const row = open[s.nth % Math.max(1, open.length)];
                if (row === undefined) break;
                rows.close(row.row_id, at);
                working.set(row.row_id, { ...row, recorded_to: at });
                break;
              }
              case 'commit':
                rows.flush();
                db.exec('COMMIT');
                committed = new Map(working);
                db.exec('BEGIN');
                break;
              case 'rollback':
                db.exec('ROLLBACK');
                rows.forget();
                working = new Map(committed);
                db.exec('BEGIN');
                break;
            }
          }
          db.exec('COMMIT');
          const stored = db
            .prepare(`SELECT row_id, key, recorded_to FROM ${TABLE} ORDER BY row_id`)
            .all();
          expect(stored).toEqual([...committed.values()].sort((a, b) => a.row_id - b.row_id));
        } finally {
          db.close();
        }
      }),
      { numRuns: 200 },
    );
  });
});
