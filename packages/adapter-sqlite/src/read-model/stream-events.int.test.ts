/**
 * The stream events of the SQLite read model on a real file: whatever changes follow the events
 * (holding the same source object, an equal copy, another one, or none), every stream reads back
 * exactly the events saved, in order; an event is stored without its source exactly when the
 * change queued right after it holds that very source; and a table written before the source
 * column existed gains it, its rows read back whole.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCE_CHANGE_COLUMN } from './schema.js';
import { createStreamEvents } from './stream-events.js';

const directory = mkdtempSync(join(tmpdir(), 'mandate-stream-events-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
let files = 0;
const newDatabase = (): Database.Database => new Database(join(directory, `${++files}.sqlite`));

const EVENTS = 'm_v1_stream_event';
const CHANGES = 'm_v1_change';

/** The tables as the read model creates them, the stream events without the source column when `old`. */
function createTables(db: Database.Database, old: boolean): void {
  db.exec(`CREATE TABLE ${CHANGES} (row_id INTEGER PRIMARY KEY, payload TEXT NOT NULL) STRICT`);
  db.exec(
    `CREATE TABLE ${EVENTS} (seq INTEGER PRIMARY KEY, aggregate TEXT NOT NULL,
       subject TEXT NOT NULL, event TEXT NOT NULL${old ? '' : `, ${SOURCE_CHANGE_COLUMN} INTEGER`}) STRICT`,
  );
}

/** What follows an event: a change holding its source, an equal copy, another source, or nothing. */
type Follower = 'same' | 'copy' | 'other' | 'none';

const step = fc.record({
  subject: fc.constantFrom('a', 'b'),
  source: fc.option(fc.record({ kind: fc.constant('instrument'), number: fc.string() }), {
    nil: undefined,
  }),
  follower: fc.constantFrom<Follower>('same', 'copy', 'other', 'none'),
});

describe('The stream events of the SQLite read model', () => {
  it('read back as saved, stored without the source exactly when the next change holds it', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), fc.nat({ max: 12 }), (steps, cut) => {
        const db = newDatabase();
        try {
          createTables(db, false);
          const events = createStreamEvents(db, EVENTS, CHANGES);
          const insertChange = db.prepare(`INSERT INTO ${CHANGES} (row_id, payload) VALUES (?, ?)`);
          const saved = new Map<string, unknown[]>();
          let rowId = 0;
          let stripped = 0;
          for (const [i, { subject, source, follower }] of steps.entries()) {
            const event = { type: 'Happened', data: { at: i, ...(source ? { source } : {}) } };
            events.save('body', subject, event);
            saved.set(subject, [...(saved.get(subject) ?? []), event]);
            if (follower === 'none') continue;
            const held =
              follower === 'same' ? source : follower === 'copy' ? { ...source } : { other: i };
            rowId += 1;
            insertChange.run(rowId, JSON.stringify({ source: held }));
            events.changeQueued(rowId, held);
            if (follower === 'same' && source !== undefined) stripped += 1;
            if (i === cut) events.flush();
          }
          for (const subject of ['a', 'b'])
            expect(events.read('body', subject)).toEqual(saved.get(subject) ?? []);
          const linked = db
            .prepare<[], { n: number }>(
              `SELECT count(*) AS n FROM ${EVENTS} WHERE ${SOURCE_CHANGE_COLUMN} IS NOT NULL`,
            )
            .get();
          expect(linked?.n).toBe(stripped);
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('adds the source column to a table written before it, whose rows read back whole', () => {
    const db = newDatabase();
    try {
      createTables(db, true);
      const event = { type: 'Happened', data: { source: { kind: 'report' } } };
      db.prepare(`INSERT INTO ${EVENTS} (aggregate, subject, event) VALUES (?, ?, ?)`).run(
        'body',
        'a',
        JSON.stringify(event),
      );
      const events = createStreamEvents(db, EVENTS, CHANGES);
      expect(events.read('body', 'a')).toEqual([event]);
      const columns = db.pragma(`table_info(${EVENTS})`) as ReadonlyArray<{ name: string }>;
      expect(columns.map(({ name }) => name)).toContain(SOURCE_CHANGE_COLUMN);
    } finally {
      db.close();
    }
  });
});
