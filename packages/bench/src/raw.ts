/**
 * The floor: raw better-sqlite3 doing the workloads' inserts and scans, with the pragmas Mandate's
 * SQLite adapter uses by default (WAL, `synchronous=NORMAL`, a busy timeout) and an `events`
 * table with the adapter's columns, but none of its work — no validation, no canonical JSON, no
 * hash chain (the hash columns hold a constant of the same length), no stream-heads table, no
 * triggers or JSON checks, integers read as numbers rather than bigints, rows parsed with
 * `JSON.parse` only and never decoded through a codec.
 *
 * W1 still checks each append's expected revision inside its `BEGIN IMMEDIATE` transaction, as any
 * optimistic append must.
 */
import Database from 'better-sqlite3';
import type { Database as Connection } from 'better-sqlite3';
import { join } from 'node:path';
import type { NewEvent } from '@mandate/eventstore';
import { countsBuilder, emptySummary, summarise, type Counts } from './projection.js';
import { appendTurns, temporaryDirectory, type SubjectFactory } from './subject.js';

const PLACEHOLDER_HASH = 'f'.repeat(64);

const SCHEMA = `CREATE TABLE events (
  position INTEGER PRIMARY KEY,
  stream TEXT NOT NULL,
  revision INTEGER NOT NULL,
  event_id TEXT NOT NULL,
  type TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  metadata TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (stream, revision)
)`;

const COLUMNS =
  'position, stream, revision, event_id, type, schema_version, data, metadata, recorded_at, previous_hash, hash';

interface Row {
  readonly position: number;
  readonly stream: string;
  readonly revision: number;
  readonly event_id: string;
  readonly type: string;
  readonly schema_version: number;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
  readonly previous_hash: string;
  readonly hash: string;
}

/** Opens a file with the adapter's default pragmas. */
export function openRaw(path: string): Connection {
  const db = new Database(path, { timeout: 5_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

/** Replays every row of an `events` table in position order into the projection (W3, W4). */
export function rawReplay(db: Connection): Counts {
  const projection = countsBuilder();
  const all = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM events ORDER BY position`);
  for (const row of all.iterate()) {
    const data: unknown = JSON.parse(row.data);
    const metadata: unknown = JSON.parse(row.metadata);
    if (data === null || metadata === null) throw new Error(`Row ${row.position} is empty`);
    projection.add(row.stream, row.type);
  }
  return projection.counts();
}

/** Raw better-sqlite3 on a temporary file. */
export const rawSubject: SubjectFactory = {
  key: 'raw',
  name: 'raw better-sqlite3 (floor)',
  open: async () => {
    const directory = temporaryDirectory('raw');
    const db = openRaw(join(directory.path, 'events.db'));
    db.exec(SCHEMA);
    const lastRevision = db.prepare<[string], { revision: number | null }>(
      'SELECT max(revision) AS revision FROM events WHERE stream = ?',
    );
    const insert = db.prepare(
      `INSERT INTO events (${COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const append = db.transaction(
      (stream: string, revisionBefore: number, events: ReadonlyArray<NewEvent>) => {
        const last = lastRevision.get(stream)?.revision ?? -1;
        if (last !== revisionBefore - 1) throw new Error(`${stream} is at revision ${last}`);
        const recordedAt = new Date().toISOString();
        for (const [i, event] of events.entries()) {
          insert.run(
            stream,
            revisionBefore + i,
            event.eventId,
            event.type,
            event.schemaVersion,
            JSON.stringify(event.data),
            JSON.stringify(event.metadata),
            recordedAt,
            PLACEHOLDER_HASH,
            PLACEHOLDER_HASH,
          );
        }
      },
    );
    const streamRows = db.prepare<[string], Row>(
      `SELECT ${COLUMNS} FROM events WHERE stream = ? ORDER BY revision`,
    );
    return {
      appendAll: async (streams) => {
        for (const { stream, revisionBefore, events } of appendTurns(streams)) {
          append.immediate(stream, revisionBefore, events);
        }
      },
      readAndFold: async (streams) => {
        let folded = 0;
        for (const stream of streams) {
          let summary = emptySummary;
          for (const row of streamRows.all(stream)) {
            JSON.parse(row.metadata);
            summary = summarise(summary, { type: row.type, data: JSON.parse(row.data) as unknown });
          }
          folded += summary.events;
        }
        return folded;
      },
      replay: async () => rawReplay(db),
      close: async () => {
        db.close();
        directory.remove();
      },
    };
  },
};
