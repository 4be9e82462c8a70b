/**
 * Wrong invocations and refusals of the built binary: a bad date or instant, an unknown command,
 * body or store address, a store that is absent or not a store. Each gives exit 2 (usage) or 1
 * (refused) with one plain line on stderr and no stack trace, and leaves the store's file
 * byte-for-byte as it was.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Seed } from '@mandate/core/testing';
import { mandate, type MandateRun } from './binary.fixture.js';
import {
  POSTGRES_URL,
  bySql,
  sqliteStoreWith,
  type SqliteStoreForTests,
} from './stores.fixture.js';

let store: SqliteStoreForTests;
let before: Buffer;
let scratch: string;

beforeAll(async () => {
  store = await sqliteStoreWith();
  before = store.bytes();
  scratch = mkdtempSync(join(tmpdir(), 'mandate-cli-errors-'));
});

afterAll(() => {
  store.remove();
  rmSync(scratch, { recursive: true, force: true });
});

/** One plain line on stderr, nothing on stdout, no stack trace. */
const expectPlainFailure = (run: MandateRun, code: number, message: RegExp): void => {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
};

describe('a wrong invocation exits 2 and changes nothing', () => {
  it.each([
    [
      'a date that is not a day',
      ['roster', Seed.SeedIds.successor, '--on', '2019-02-29'],
      /--on <date>.*'2019-02-29' is invalid.*CalendarDate must be a real date/,
    ],
    [
      'an instant that is not one',
      ['bodies', '--known-at', 'yesterday'],
      /--known-at <instant>.*'yesterday' is invalid.*ISO-8601 UTC instant/,
    ],
    [
      'a body id with a space',
      ['duties', 'no such body'],
      /value 'no such body' is invalid for argument 'body'.*BodyId must be/,
    ],
    ['an unknown command', ['rosters'], /unknown command 'rosters'/],
    ['a missing argument', ['lineage'], /missing required argument 'body'/],
    ['an unknown option', ['bodies', '--when', '2019-01-01'], /unknown option '--when'/],
    [
      'a store address of no kind',
      ['--store', 'mysql://localhost/x', 'bodies'],
      /--store "mysql:\/\/localhost\/x" is not valid: it is not a store address/,
    ],
    [
      'a citation without issuer and year',
      ['instrument', '1072/QĐ-TTg'],
      /give the issuer and the signing year/,
    ],
    [
      'a citation with a bad year',
      ['instrument', '1072/QĐ-TTg', '--issuer', 'chinh-phu', '--year', '18'],
      /--year "18" is not valid/,
    ],
    [
      'an audit of both an instrument and dates',
      ['audit', '--instrument', 'a|b|2018', '--from', '2018-01-01', '--to', '2019-01-01'],
      /audit takes either --instrument/,
    ],
    [
      'a checkpoint without its key',
      ['verify', '--checkpoint', 'x.note'],
      /--checkpoint and --public-key go together/,
    ],
  ])('%s', async (_, args, message) => {
    expectPlainFailure(await mandate(['--store', store.address, ...args]), 2, message);
    expect(store.bytes().equals(before)).toBe(true);
  });
});

describe('a refusal exits 1 and changes nothing', () => {
  it('an unknown body', async () => {
    const run = await mandate(['--store', store.address, 'roster', 'bcd-khong-co']);
    expectPlainFailure(run, 1, /^mandate: no body bcd-khong-co is known\n$/);
    expect(store.bytes().equals(before)).toBe(true);
  });

  it('an unknown person or body in history', async () => {
    const run = await mandate(['--store', store.address, 'history', 'nguoi-khong-co']);
    expectPlainFailure(run, 1, /^mandate: no body or person nguoi-khong-co is known\n$/);
  });

  it('a SQLite file that is absent, without creating it', async () => {
    const absent = join(scratch, 'absent.sqlite');
    const run = await mandate(['bodies'], { env: { MANDATE_STORE: `sqlite:${absent}` } });
    expectPlainFailure(run, 1, /cannot use the store sqlite:.*absent\.sqlite: there is no file/);
    expect(existsSync(absent)).toBe(false);
  });

  it('the default store when the folder has none', async () => {
    const run = await mandate(['bodies'], { cwd: scratch });
    expectPlainFailure(run, 1, /cannot use the store sqlite:\.\/mandate\.sqlite: there is no file/);
    expect(existsSync(join(scratch, 'mandate.sqlite'))).toBe(false);
  });

  it('a file that is not a store, left as it was', async () => {
    const garbage = join(scratch, 'notes.sqlite');
    writeFileSync(garbage, 'these are not the droids you are looking for\n'.repeat(100));
    const bytes = readFileSync(garbage);
    const run = await mandate(['--store', `sqlite:${garbage}`, 'verify']);
    expectPlainFailure(run, 1, /cannot use the store sqlite:.*notes\.sqlite: .*not a database/);
    expect(readFileSync(garbage).equals(bytes)).toBe(true);
  });

  it('a PostgreSQL schema that holds no store, without creating it', async () => {
    const url = new URL(POSTGRES_URL);
    url.searchParams.set('schema', 'mandate_cli_absent');
    const run = await mandate(['--store', url.toString(), 'bodies']);
    expectPlainFailure(run, 1, /the database has no schema mandate_cli_absent/);
    const schemas = await bySql("SELECT 1 FROM pg_namespace WHERE nspname = 'mandate_cli_absent'");
    expect(schemas).toEqual([]);
  });

  it('a PostgreSQL server that does not answer', async () => {
    const run = await mandate(['--store', 'postgres://nobody@127.0.0.1:1/none', 'bodies']);
    expectPlainFailure(run, 1, /cannot use the store postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
  });
});

describe('help', () => {
  it.each([
    'bodies',
    'roster',
    'history',
    'lineage',
    'duties',
    'compliance',
    'instrument',
    'audit',
    'verify',
    'replay',
  ])('mandate %s --help exits 0 with its usage', async (command) => {
    const run = await mandate([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: mandate ${command}`));
  });
});
