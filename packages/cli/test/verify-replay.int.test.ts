/**
 * `mandate verify` and `mandate replay` of the built binary on real stores holding the seed
 * story: a store that verifies, with and without a signed checkpoint; a copy with one event
 * altered, which fails naming that event; a checkpoint signed by another key, refused; and a
 * replay that folds every stream and counts what it read.
 */
import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { createSqliteEventStore } from '@mandate/adapter-sqlite';
import { merkleTree, signCheckpoint, verifierKey, type StoredEvent } from '@mandate/eventstore';
import { mandate, mandateJson } from './binary.fixture.js';
import { seededStores } from './stores.fixture.js';

const stores = seededStores();

/** Every event of the SQLite store, read through its adapter. */
async function eventsOf(file: string): Promise<ReadonlyArray<StoredEvent>> {
  const opened = await createSqliteEventStore({ path: file });
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  try {
    const page = await opened.right.readAll({ maxCount: 10_000 });
    if (E.isLeft(page)) throw new Error(page.left.message);
    return page.right;
  } finally {
    await opened.right.close();
  }
}

interface VerifyAnswer {
  readonly ok: boolean;
  readonly events?: string;
  readonly streams?: number;
  readonly problem?: { readonly _tag: string; readonly stream: string; readonly revision: string };
  readonly checkpoint: { readonly origin: string; readonly size: string } | null;
}

describe('mandate verify', () => {
  it('prints the report alone off a terminal: no progress bar', async () => {
    const run = await mandate(['--store', stores.sqlite.address, 'verify']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Verified: \d+ events in \d+ streams/);
    expect(run.stderr).toBe('');
  });

  it.each([
    ['SQLite', () => stores.sqlite.address],
    ['PostgreSQL', () => stores.postgres.address],
  ])('passes on an intact store (%s)', async (_, address) => {
    const answer = (await mandateJson(['--store', address(), 'verify'])) as VerifyAnswer;
    expect(answer).toMatchObject({ ok: true, checkpoint: null });
    expect(Number(answer.events)).toBeGreaterThan(50);
    const text = await mandate(['--store', address(), 'verify']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^Verified: \d+ events in \d+ streams, every hash chain intact\.\n$/,
    );
  });

  it('checks the log against a signed checkpoint, and refuses one signed by another key', async () => {
    const events = await eventsOf(stores.sqlite.file);
    const { privateKey } = generateKeyPairSync('ed25519');
    const signed = signCheckpoint(
      {
        origin: 'mandate.test/cli',
        size: BigInt(events.length),
        rootHash: merkleTree(events.map((event) => event.hash)).root(),
      },
      { name: 'cli-test', privateKey },
    );
    const note = join(stores.sqlite.folder, 'latest.checkpoint');
    writeFileSync(note, signed.note);
    const key = verifierKey('cli-test', privateKey);
    const answer = (await mandateJson([
      '--store',
      stores.sqlite.address,
      'verify',
      '--checkpoint',
      note,
      '--public-key',
      key,
    ])) as VerifyAnswer;
    expect(answer).toMatchObject({
      ok: true,
      checkpoint: { origin: 'mandate.test/cli', size: String(events.length) },
    });
    const other = verifierKey('cli-test', generateKeyPairSync('ed25519').privateKey);
    const refused = await mandate([
      '--store',
      stores.sqlite.address,
      'verify',
      '--checkpoint',
      note,
      '--public-key',
      other,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^mandate: The checkpoint does not open/);
  });

  it('fails on a copy with one event altered, naming the event', async () => {
    const copy = join(stores.sqlite.folder, 'altered.sqlite');
    copyFileSync(stores.sqlite.file, copy);
    const events = await eventsOf(copy);
    const target = events.find(
      (event) =>
        event.type === 'BodyEstablished' && JSON.stringify(event.data).includes('Bình Phước'),
    );
    if (target === undefined) throw new Error('the seed has no body named in Bình Phước');
    const db = new Database(copy);
    try {
      db.exec('DROP TRIGGER events_are_not_updated');
      db.prepare(
        "UPDATE events SET data = replace(data, 'Bình Phước', 'Bình Phuớc') WHERE position = ?",
      ).run(target.position);
    } finally {
      db.close();
    }
    const run = await mandate(['--store', `sqlite:${copy}`, 'verify']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^BROKEN: /);
    expect(run.stderr).toContain(`mandate: verify failed:`);
    expect(run.stderr).toContain(target.stream);
    const answer = JSON.parse(
      (await mandate(['--store', `sqlite:${copy}`, 'verify', '--json'])).stdout,
    ) as VerifyAnswer;
    expect(answer).toMatchObject({
      ok: false,
      problem: { _tag: 'TamperDetected', stream: target.stream, revision: String(target.revision) },
    });
  });
});

describe('mandate replay', () => {
  it.each([
    ['SQLite', () => stores.sqlite.address],
    ['PostgreSQL', () => stores.postgres.address],
  ])('folds every stream and counts every event (%s)', async (_, address) => {
    const events = await eventsOf(stores.sqlite.file);
    const report = (await mandateJson(['--store', address(), 'replay'])) as {
      readonly events: number;
      readonly streams: Readonly<Record<string, number>>;
      readonly byType: Readonly<Record<string, number>>;
      readonly unfolded: number;
      readonly lastPosition: string;
      readonly eventsPerSecond: number;
    };
    expect(report.events).toBe(events.length);
    expect(report.lastPosition).toBe(String(events.length));
    expect(report.unfolded).toBe(0);
    const streams = new Set(events.map((event) => event.stream));
    expect(Object.values(report.streams).reduce((sum, count) => sum + count, 0)).toBe(streams.size);
    expect(report.streams['body']).toBe(
      [...streams].filter((stream) => stream.startsWith('body-')).length,
    );
    const byType: Record<string, number> = {};
    for (const { type } of events) byType[type] = (byType[type] ?? 0) + 1;
    expect(report.byType).toEqual(byType);
    expect(report.eventsPerSecond).toBeGreaterThan(0);
  });

  it('prints the counts for a person, and nothing else off a terminal', async () => {
    const run = await mandate(['--store', stores.sqlite.address, 'replay']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Replayed \d+ events in [\d.]+ s \(\d+ events\/s\), up to position \d+\./,
    );
    expect(run.stderr).toBe('');
  });
});
