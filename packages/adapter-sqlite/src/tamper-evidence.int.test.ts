/**
 * The SQLite store's tamper evidence on real files: 1,000 generated tamperings of one generated
 * log, each written into a copy of the file the way a tamperer with the sqlite3 shell would (no
 * trigger, no CHECK constraint), and each reported by `verify` against a signed checkpoint.
 */
import { copyFile, rm } from 'node:fs/promises';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/Either';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTamperEvidence, type StoreRows } from '@mandate/eventstore/conformance';
import {
  EVENT_COLUMNS,
  decodeAppendResult,
  encodeAppendResult,
  eventRowValues,
  rawEventOf,
  type EventRow,
} from './rows.js';
import { openStore, scratchDirectory, type ScratchDirectory } from './store.fixture.js';

let scratch: ScratchDirectory;
let template: string;
let copies = 0;

beforeAll(async () => {
  scratch = await scratchDirectory();
  template = scratch.file('template.db');
  await (await openStore({ path: template })).close();
});

afterAll(async () => {
  await scratch.remove();
});

function readRows(file: string): StoreRows {
  const db = new Database(file, { readonly: true });
  try {
    const events = db
      .prepare<[], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY position`)
      .safeIntegers(true)
      .raw(true)
      .all()
      .map(rawEventOf);
    const heads = db
      .prepare<[], { stream: string; last_revision: bigint; last_hash: string }>(
        'SELECT stream, last_revision, last_hash FROM streams',
      )
      .safeIntegers(true)
      .all()
      .map((row) => ({ stream: row.stream, revision: row.last_revision, hash: row.last_hash }));
    const commands = db
      .prepare<[], { command_id: string; result: string }>(
        'SELECT command_id, result FROM commands',
      )
      .all()
      .map((row) => {
        const result = decodeAppendResult(row.result);
        return { commandId: row.command_id, result: E.isRight(result) ? result.right : undefined };
      });
    return { events, heads, commands };
  } finally {
    db.close();
  }
}

function writeRows(file: string, rows: StoreRows): void {
  const db = new Database(file);
  try {
    db.pragma('ignore_check_constraints = ON');
    db.transaction(() => {
      const event = db.prepare(
        `INSERT INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const row of rows.events) event.run(...eventRowValues(row));
      const head = db.prepare(
        'INSERT INTO streams (stream, last_revision, last_hash) VALUES (?, ?, ?)',
      );
      for (const row of rows.heads) head.run(row.stream, row.revision, row.hash);
      const command = db.prepare(
        'INSERT INTO commands (command_id, result, recorded_at) VALUES (?, ?, ?)',
      );
      for (const row of rows.commands) {
        const result = row.result === undefined ? '{}' : encodeAppendResult(row.result);
        command.run(row.commandId, result, '2019-07-01T03:00:00.000Z');
      }
    })();
  } finally {
    db.close();
  }
}

describe('the SQLite store against a signed checkpoint', () => {
  it('detects every generated tampering of events, stream heads and command rows', async () => {
    const copy = async () => {
      copies += 1;
      const file = scratch.file(`copy-${copies}.db`);
      await copyFile(template, file);
      return file;
    };
    const summary = await checkTamperEvidence({
      create: async () => {
        const file = await copy();
        const store = await openStore({ path: file });
        return { store, rows: async () => readRows(file), cleanup: () => store.close() };
      },
      load: async (rows) => {
        const file = await copy();
        writeRows(file, rows);
        const store = await openStore({ path: file });
        return {
          store,
          cleanup: async () => {
            await store.close();
            await rm(file, { force: true });
          },
        };
      },
    });
    expect(Object.values(summary).reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(Object.keys(summary).length).toBeGreaterThanOrEqual(18);
  }, 180_000);
});
