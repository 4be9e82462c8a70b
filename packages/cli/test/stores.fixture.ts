/**
 * Temporary stores for the CLI tests, filled through the application's command handler as any
 * writer would: a real SQLite file in a folder of its own, and a real PostgreSQL schema
 * (`MANDATE_PG_URL`, or the local server) dropped afterwards. Each holds the seed story of Bình
 * Phước 2018.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import { createPostgresEventStore } from '@mandate/adapter-postgres';
import { createSqliteEventStore } from '@mandate/adapter-sqlite';
import { createCommandHandler } from '@mandate/application';
import { Seed } from '@mandate/core/testing';
import type { EventStore } from '@mandate/eventstore';

/** The PostgreSQL server of the tests: `MANDATE_PG_URL`, or the local one with trust authentication. */
export const POSTGRES_URL =
  process.env['MANDATE_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Submits `steps` in order through the command handler; throws when one is not accepted. */
export async function submitSteps(
  store: EventStore,
  steps: ReadonlyArray<Seed.SeedStep>,
): Promise<void> {
  const handler = createCommandHandler({ store });
  for (const { title, envelope } of steps) {
    const result = await handler.handle(envelope);
    if (E.isLeft(result)) throw new Error(`${title}: ${result.left.message}`);
  }
}

/** A SQLite store file in a fresh folder, holding `steps`. */
export interface SqliteStoreForTests {
  readonly folder: string;
  readonly file: string;
  /** `--store` for it. */
  readonly address: string;
  /** The file's bytes now. */
  readonly bytes: () => Buffer;
  readonly remove: () => void;
}

/** Writes `steps` into a new SQLite file, closed before the CLI opens it. */
export async function sqliteStoreWith(
  steps: ReadonlyArray<Seed.SeedStep> = Seed.seedSteps,
): Promise<SqliteStoreForTests> {
  const folder = mkdtempSync(join(tmpdir(), 'mandate-cli-'));
  const file = join(folder, 'mandate.sqlite');
  const opened = await createSqliteEventStore({ path: file });
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  try {
    await submitSteps(opened.right, steps);
  } finally {
    await opened.right.close();
  }
  return {
    folder,
    file,
    address: `sqlite:${file}`,
    bytes: () => readFileSync(file),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** A PostgreSQL schema holding a store. */
export interface PostgresStoreForTests {
  readonly schema: string;
  /** `--store` for it. */
  readonly address: string;
  readonly drop: () => Promise<void>;
}

/** Runs one statement on the test server. */
export async function bySql(sql: string): Promise<ReadonlyArray<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows as ReadonlyArray<Record<string, unknown>>;
  } finally {
    await client.end();
  }
}

/** Writes `steps` into a store in a fresh schema of the test server. */
export async function postgresStoreWith(
  steps: ReadonlyArray<Seed.SeedStep> = Seed.seedSteps,
): Promise<PostgresStoreForTests> {
  const schema = `mandate_cli_${randomBytes(6).toString('hex')}`;
  const opened = await createPostgresEventStore({ connectionString: POSTGRES_URL, schema });
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  try {
    await submitSteps(opened.right, steps);
  } finally {
    await opened.right.close();
  }
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('schema', schema);
  return {
    schema,
    address: url.toString(),
    drop: async () => {
      await bySql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
  };
}

/** The seed story in a SQLite file and in a PostgreSQL schema, shared by one test file. */
export interface SeededStores {
  readonly sqlite: SqliteStoreForTests;
  readonly postgres: PostgresStoreForTests;
}

/**
 * Registers, in the calling test file, the filling of both stores with the seed story before its
 * tests and their removal after them; the stores are read from the answer once the tests run.
 */
export function seededStores(): SeededStores {
  let filled: SeededStores | undefined;
  beforeAll(async () => {
    const [sqlite, postgres] = await Promise.all([sqliteStoreWith(), postgresStoreWith()]);
    filled = { sqlite, postgres };
  });
  afterAll(async () => {
    filled?.sqlite.remove();
    await filled?.postgres.drop();
  });
  const stores = (): SeededStores => {
    if (filled === undefined) throw new Error('The stores are filled before the tests run');
    return filled;
  };
  return {
    get sqlite() {
      return stores().sqlite;
    },
    get postgres() {
      return stores().postgres;
    },
  };
}
