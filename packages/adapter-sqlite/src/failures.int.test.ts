/**
 * Real failures, mapped to the port's errors and never a crash: files that are not databases,
 * paths that cannot be opened, a read-only file, a file whose pages are damaged, a row edited by
 * hand into invalid JSON, a tampered event, and a write lock held by another connection.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, open, writeFile } from 'node:fs/promises';
import * as E from 'fp-ts/Either';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewEvent } from '@mandate/eventstore';
import { createSqliteEventStore } from './store.js';
import {
  openStore,
  sampleEvent,
  scratchDirectory,
  successOf,
  type ScratchDirectory,
} from './store.fixture.js';

const unavailable = (retryable: boolean, code?: string) =>
  E.left(
    expect.objectContaining({
      _tag: 'StoreUnavailable',
      retryable,
      ...(code === undefined ? {} : { message: expect.stringContaining(code) }),
    }),
  );

const appendTo = (stream: string, ...events: NewEvent[]) => ({
  appends: [{ stream, expectedRevision: 'any' as const, events }],
});

/** Runs SQL on the file through a connection of its own, as a person with the sqlite3 shell. */
function editByHand(file: string, sql: string): void {
  const raw = new Database(file);
  try {
    raw.exec(sql);
  } finally {
    raw.close();
  }
}

describe('opening what is not a usable store', () => {
  let scratch: ScratchDirectory;
  beforeEach(async () => {
    scratch = await scratchDirectory();
  });
  afterEach(async () => {
    await scratch.remove();
  });

  it('refuses a file that is not a database, without retrying', async () => {
    await writeFile(scratch.file(), 'Mandate minutes, not a database. '.repeat(200));
    expect(await createSqliteEventStore({ path: scratch.file() })).toEqual(
      unavailable(false, 'SQLITE_NOTADB'),
    );
  });

  it('refuses a directory, a missing directory and an in-memory name', async () => {
    await mkdir(scratch.file('a-directory'));
    expect(await createSqliteEventStore({ path: scratch.file('a-directory') })).toEqual(
      unavailable(false, 'SQLITE_CANTOPEN'),
    );
    expect(await createSqliteEventStore({ path: scratch.file('missing/events.db') })).toEqual(
      unavailable(false),
    );
    expect(await createSqliteEventStore({ path: ':memory:' })).toEqual(unavailable(false));
  });

  it('throws RangeError for options out of range, a defect of the caller', async () => {
    for (const options of [
      { busyTimeoutMs: -1 },
      { retryBudgetMs: 1.5 },
      { pollIntervalMs: 0 },
      { durability: 'eventually' as never },
    ]) {
      await expect(createSqliteEventStore({ path: scratch.file(), ...options })).rejects.toThrow(
        RangeError,
      );
    }
  });

  it('reads a read-only file but refuses to append to it, without retrying', async (context) => {
    const file = scratch.file();
    const store = await openStore({ path: file });
    successOf(await store.append(appendTo('s', sampleEvent('a'))));
    await store.close();
    // Root ignores permission bits, so the file is also made immutable where that is possible.
    await chmod(file, 0o444);
    const root = process.getuid?.() === 0;
    if (root) {
      try {
        execFileSync('chattr', ['+i', file], { stdio: 'ignore' });
      } catch {
        context.skip('running as root where chattr +i is not available');
      }
    }
    try {
      const readOnly = await openStore({ path: file });
      expect(successOf(await readOnly.readStream('s'))).toHaveLength(1);
      expect(await readOnly.append(appendTo('s', sampleEvent('b')))).toEqual(
        unavailable(false, 'SQLITE_READONLY'),
      );
      await readOnly.close();
    } finally {
      if (root) execFileSync('chattr', ['-i', file], { stdio: 'ignore' });
    }
  });

  it('reports damaged pages as unavailable, not retryable, and never crashes', async () => {
    const file = scratch.file();
    const store = await openStore({ path: file });
    for (let i = 0; i < 200; i++) {
      successOf(
        await store.append(
          appendTo(`s${i % 5}`, sampleEvent(`e${i}`, { i, pad: 'x'.repeat(400) })),
        ),
      );
    }
    await store.close();
    const handle = await open(file, 'r+');
    await handle.write(Buffer.alloc(5 * 4096, 0x5a), 0, 5 * 4096, 3 * 4096);
    await handle.close();
    const damaged = await openStore({ path: file });
    expect(await damaged.readAll()).toEqual(unavailable(false, 'SQLITE_CORRUPT'));
    expect(await damaged.verify()).toEqual(unavailable(false, 'SQLITE_CORRUPT'));
    await damaged.close();
  });
});

describe('rows changed behind the store', () => {
  let scratch: ScratchDirectory;
  beforeEach(async () => {
    scratch = await scratchDirectory();
  });
  afterEach(async () => {
    await scratch.remove();
  });

  async function threeEvents() {
    const store = await openStore({ path: scratch.file() });
    successOf(await store.append(appendTo('body-1', sampleEvent('a'), sampleEvent('b'))));
    successOf(await store.append(appendTo('body-2', sampleEvent('c'))));
    return store;
  }

  it('refuses to update or delete stored events', async () => {
    const store = await threeEvents();
    expect(() => editByHand(scratch.file(), "UPDATE events SET data = '{}'")).toThrow(
      /append-only/,
    );
    expect(() => editByHand(scratch.file(), 'DELETE FROM events')).toThrow(/append-only/);
    expect(successOf(await store.verify())).toEqual({ ok: true, streams: 2, events: 3n });
    await store.close();
  });

  it('reads a row edited into invalid JSON as CorruptEvent naming its stream and revision', async () => {
    const store = await threeEvents();
    editByHand(
      scratch.file(),
      `DROP TRIGGER events_are_not_updated;
       PRAGMA ignore_check_constraints = ON;
       UPDATE events SET data = '{"broken": ' WHERE stream = 'body-1' AND revision = 1;`,
    );
    const corrupt = E.left(
      expect.objectContaining({ _tag: 'CorruptEvent', stream: 'body-1', revision: 1n }),
    );
    expect(await store.readStream('body-1')).toEqual(corrupt);
    expect(await store.readAll()).toEqual(corrupt);
    expect(successOf(await store.verify())).toEqual({
      ok: false,
      problem: expect.objectContaining({ _tag: 'CorruptEvent', stream: 'body-1', revision: 1n }),
    });
    expect(successOf(await store.readStream('body-2'))).toHaveLength(1);
    expect(successOf(await store.readStream('body-1', { maxCount: 1 }))).toHaveLength(1);

    const errors: unknown[] = [];
    const subscription = store.subscribe({
      onEvent: () => undefined,
      onError: (e) => errors.push(e),
    });
    await expect(subscription.waitUntilCaughtUp()).rejects.toMatchObject({ _tag: 'CorruptEvent' });
    await subscription.stop();
    expect(errors).toEqual([expect.objectContaining({ _tag: 'CorruptEvent', revision: 1n })]);
    await store.close();
  });

  it('detects an event edited into other valid JSON as tampering', async () => {
    const store = await threeEvents();
    editByHand(
      scratch.file(),
      `DROP TRIGGER events_are_not_updated;
       UPDATE events SET data = '{"forged":true}' WHERE stream = 'body-1' AND revision = 0;`,
    );
    expect(successOf(await store.verify())).toEqual({
      ok: false,
      problem: expect.objectContaining({ _tag: 'TamperDetected', stream: 'body-1', revision: 0n }),
    });
    await store.close();
  });
});

describe('a write lock held by another connection', () => {
  let scratch: ScratchDirectory;
  beforeEach(async () => {
    scratch = await scratchDirectory();
  });
  afterEach(async () => {
    await scratch.remove();
  });

  it('waits, then reports a retryable StoreUnavailable; reads and opening go on meanwhile', async () => {
    const file = scratch.file();
    const store = await openStore({ path: file });
    successOf(await store.append(appendTo('s', sampleEvent('a'))));
    await store.close();
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const patient = await openStore({ path: file, busyTimeoutMs: 20, retryBudgetMs: 150 });
      const started = performance.now();
      const outcome = await patient.append(appendTo('s', sampleEvent('b')));
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      expect(outcome).toEqual(unavailable(true, 'SQLITE_BUSY'));
      expect(successOf(await patient.readStream('s'))).toHaveLength(1);
      await patient.close();
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    const after = await openStore({ path: file });
    successOf(await after.append(appendTo('s', sampleEvent('b'))));
    expect(successOf(await after.readStream('s'))).toHaveLength(2);
    await after.close();
  });
});
