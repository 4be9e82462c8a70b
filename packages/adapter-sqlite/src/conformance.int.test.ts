/**
 * The shared conformance suite of `@mandate/eventstore` on real temporary SQLite files: every case
 * (durable ones included, reopening the file), the model-based test with the in-memory store
 * as the model, and the generated property of read expectations (rule 17). `rewriteLog` edits the file the way a tamperer with the sqlite3 shell would: it
 * drops the append-only triggers, ignores CHECK constraints and rewrites the `events` table.
 */
import Database from 'better-sqlite3';
import { describe, it } from 'vitest';
import type { EventStore, RawStoredEvent } from '@mandate/eventstore';
import {
  checkAgainstModel,
  checkReadExpectations,
  createTestClock,
  runConformance,
  type StoreUnderTest,
} from '@mandate/eventstore/conformance';
import { MIGRATIONS } from './migrations.js';
import { EVENT_COLUMNS, eventRowValues, rawEventOf, type EventRow } from './rows.js';
import { openStore, scratchDirectory } from './store.fixture.js';

const APPEND_ONLY_TRIGGERS = (MIGRATIONS[0]?.steps ?? []).filter((step) =>
  step.startsWith('CREATE TRIGGER'),
);

/** Replaces the `events` rows of `file` by `transform(rows)`, bypassing every check. */
function rewriteEvents(
  file: string,
  transform: (rows: ReadonlyArray<RawStoredEvent>) => ReadonlyArray<RawStoredEvent>,
): void {
  const raw = new Database(file);
  try {
    raw.pragma('ignore_check_constraints = ON');
    raw.exec('BEGIN IMMEDIATE');
    const rows = raw
      .prepare<[], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY position`)
      .safeIntegers(true)
      .raw(true)
      .all();
    const rewritten = transform(rows.map(rawEventOf));
    raw.exec('DROP TRIGGER events_are_not_updated; DROP TRIGGER events_are_not_deleted');
    raw.exec('DELETE FROM events');
    const insert = raw.prepare(
      `INSERT INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const row of rewritten) insert.run(...eventRowValues(row));
    for (const trigger of APPEND_ONLY_TRIGGERS) raw.exec(trigger);
    raw.exec('COMMIT');
  } finally {
    raw.close();
  }
}

const factory = async (): Promise<StoreUnderTest> => {
  const scratch = await scratchDirectory();
  const clock = createTestClock();
  const open = () => openStore({ path: scratch.file(), clock: clock.now, pollIntervalMs: 20 });
  let store: EventStore = await open();
  return {
    store,
    clock,
    rewriteLog: async (transform) => rewriteEvents(scratch.file(), transform),
    reopen: async () => {
      await store.close();
      store = await open();
      return store;
    },
    cleanup: async () => {
      await store.close();
      await scratch.remove();
    },
  };
};

describe('SQLite event store conformance', () => {
  runConformance(it, factory, { durable: true });
});

describe('SQLite event store, model-based against the in-memory store', () => {
  it('answers random command sequences like the reference store', async () => {
    await checkAgainstModel(factory, { numRuns: 40, maxCommands: 25 });
  });
});

describe('SQLite event store, read expectations against the oracle (rule 17)', () => {
  it('commits exactly the appends whose written and relied-on streams are where they say', async () => {
    await checkReadExpectations(factory, { numRuns: 25, maxSteps: 10 });
  });
});
