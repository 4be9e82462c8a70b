/**
 * Schema migrations on real files: a new file gets the whole schema, reopening changes nothing, a
 * failing migration leaves no trace, an older file is upgraded with its events kept, and a file
 * from a newer adapter is refused with a typed error and left untouched.
 */
import Database from 'better-sqlite3';
import * as E from 'fp-ts/Either';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion, type Migration } from './migrations.js';
import { createSqliteEventStore } from './store.js';
import {
  openStore,
  sampleEvent,
  scratchDirectory,
  successOf,
  type ScratchDirectory,
} from './store.fixture.js';

const APPLIED_AT = '2019-07-01T03:00:00.000Z';
const latest = MIGRATIONS.length;

function withRaw<A>(file: string, use: (db: Database.Database) => A): A {
  const db = new Database(file);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

const tables = (db: Database.Database) =>
  db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type IN ('table', 'trigger') ORDER BY name",
    )
    .all()
    .map((row) => row.name);

describe('schema migrations', () => {
  let scratch: ScratchDirectory;
  beforeEach(async () => {
    scratch = await scratchDirectory();
  });
  afterEach(async () => {
    await scratch.remove();
  });

  it('numbers the known migrations 1, 2, 3, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('gives a new file the whole schema, and reopening applies nothing', async () => {
    const store = await openStore({ path: scratch.file() });
    await store.close();
    withRaw(scratch.file(), (db) => {
      expect(tables(db)).toEqual([
        'commands',
        'events',
        'events_are_not_deleted',
        'events_are_not_updated',
        'mandate_schema_migrations',
        'streams',
      ]);
      expect(schemaVersion(db)).toBe(latest);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(migrate(db, APPLIED_AT)).toEqual(E.right({ from: latest, to: latest }));
    });
  });

  it('applies all pending migrations in one transaction: a failing step leaves nothing', () => {
    const broken: Migration = {
      version: latest + 1,
      name: 'broken',
      steps: ['CREATE TABLE oops ('],
    };
    withRaw(scratch.file(), (db) => {
      expect(() => migrate(db, APPLIED_AT, [...MIGRATIONS, broken])).toThrow();
      expect(schemaVersion(db)).toBe(0);
      expect(tables(db)).toEqual([]);
    });
  });

  it('upgrades an older file and keeps its events', async () => {
    const store = await openStore({ path: scratch.file() });
    successOf(
      await store.append({
        appends: [{ stream: 's', expectedRevision: 'no-stream', events: [sampleEvent('a')] }],
      }),
    );
    await store.close();
    const next: Migration = {
      version: latest + 1,
      name: 'events by type',
      steps: ['CREATE INDEX events_by_type ON events (type)'],
    };
    withRaw(scratch.file(), (db) => {
      expect(migrate(db, APPLIED_AT, [...MIGRATIONS, next])).toEqual(
        E.right({ from: latest, to: latest + 1 }),
      );
      expect(
        db.prepare('SELECT version, name, applied_at FROM mandate_schema_migrations').all(),
      ).toContainEqual({ version: latest + 1, name: 'events by type', applied_at: APPLIED_AT });
      expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 1 });
    });
  });

  it('refuses a file written by a newer adapter, with a typed error, and leaves it untouched', async () => {
    const store = await openStore({ path: scratch.file() });
    await store.close();
    withRaw(scratch.file(), (db) =>
      db
        .prepare('INSERT INTO mandate_schema_migrations VALUES (?, ?, ?)')
        .run(latest + 41, 'from the future', APPLIED_AT),
    );
    expect(await createSqliteEventStore({ path: scratch.file() })).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'SchemaTooNew',
          fileVersion: latest + 41,
          knownVersion: latest,
        }),
      ),
    );
    withRaw(scratch.file(), (db) => expect(schemaVersion(db)).toBe(latest + 41));
  });
});
