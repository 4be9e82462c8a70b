/**
 * The driver's failures mapped into the port's errors, with real errors from the real server:
 * a serialization failure and a deadlock are retryable; a lost or refused connection is
 * unavailable and retryable; a statement timeout is named; a unique violation is recognised by
 * its constraint; anything else is not retryable.
 */
import pg from 'pg';
import type { CommandId } from '@mandate/core';
import * as E from 'fp-ts/Either';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureKind, uniqueViolation, unavailable } from './errors.js';
import { createPostgresEventStore } from './store.js';
import {
  SERVER_URL,
  bySql,
  dropSchema,
  freshSchema,
  openStore,
  sampleEvent,
  successOf,
} from './server.fixture.js';

const schema = freshSchema();
beforeAll(() => bySql(`CREATE SCHEMA "${schema}"`));
afterAll(() => dropSchema(schema));

/** Two connections of their own, closed after `body`. */
async function withTwo<A>(body: (a: pg.Client, b: pg.Client) => Promise<A>): Promise<A> {
  const [a, b] = [new pg.Client(SERVER_URL), new pg.Client(SERVER_URL)];
  await Promise.all([a.connect(), b.connect()]);
  try {
    return await body(a, b);
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
}

/** What `promise` rejected with. */
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a failure');
}

describe('mapping real server failures', () => {
  it('a serialization failure is a retryable conflict', async () => {
    await bySql(`CREATE TABLE "${schema}".counter (n integer)`);
    await bySql(`INSERT INTO "${schema}".counter VALUES (0)`);
    const error = await withTwo(async (a, b) => {
      await a.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await b.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await a.query(`SELECT n FROM "${schema}".counter`);
      await b.query(`SELECT n FROM "${schema}".counter`);
      await a.query(`UPDATE "${schema}".counter SET n = n + 1`);
      const blocked = b.query(`UPDATE "${schema}".counter SET n = n + 1`);
      await a.query('COMMIT');
      const failure = await failureOf(blocked);
      await b.query('ROLLBACK');
      return failure;
    });
    expect(failureKind(error)).toBe('conflict');
    expect(unavailable('append', error)).toMatchObject({
      _tag: 'StoreUnavailable',
      retryable: true,
      message: expect.stringContaining('40001'),
    });
  });

  it('a deadlock is a retryable conflict', async () => {
    await bySql(`CREATE TABLE "${schema}".pair (id integer PRIMARY KEY)`);
    await bySql(`INSERT INTO "${schema}".pair VALUES (1), (2)`);
    const failures = await withTwo(async (a, b) => {
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query(`SELECT * FROM "${schema}".pair WHERE id = 1 FOR UPDATE`);
      await b.query(`SELECT * FROM "${schema}".pair WHERE id = 2 FOR UPDATE`);
      const outcomes = await Promise.allSettled([
        a.query(`SELECT * FROM "${schema}".pair WHERE id = 2 FOR UPDATE`),
        b.query(`SELECT * FROM "${schema}".pair WHERE id = 1 FOR UPDATE`),
      ]);
      await Promise.all([a.query('ROLLBACK'), b.query('ROLLBACK')]);
      return outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    });
    expect(failures).toHaveLength(1);
    expect(unavailable('append', failures[0])).toMatchObject({
      retryable: true,
      message: expect.stringContaining('40P01'),
    });
  });

  it('a statement timeout on an append is named, retryable, and appends nothing', async () => {
    const store = await openStore({ schema, statementTimeoutMs: 200 });
    successOf(
      await store.append({
        appends: [{ stream: 's', expectedRevision: 'any', events: [sampleEvent('t-0')] }],
      }),
    );
    const holder = new pg.Client(SERVER_URL);
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT * FROM "${schema}".log_head FOR UPDATE`);
    const outcome = await store.append({
      appends: [{ stream: 's', expectedRevision: 'any', events: [sampleEvent('t-1')] }],
    });
    await holder.query('ROLLBACK');
    await holder.end();
    expect(outcome).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'StoreUnavailable',
          retryable: true,
          message: expect.stringMatching(/statement timeout.*57014/),
        }),
      ),
    );
    expect(successOf(await store.readStream('s'))).toHaveLength(1);
    await store.close();
  });

  it('a connection lost in the middle of an append is unavailable and retryable; the next call recovers', async () => {
    const store = await openStore({
      schema,
      connectionString: `${SERVER_URL}?application_name=${schema}`,
    });
    const append = (eventId: string) =>
      store.append({
        appends: [{ stream: 'lost', expectedRevision: 'any', events: [sampleEvent(eventId)] }],
      });
    const holder = new pg.Client(SERVER_URL);
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT * FROM "${schema}".log_head FOR UPDATE`);
    const waiting = append('lost-0');
    await expect
      .poll(() =>
        bySql(
          "SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
          [schema],
        ),
      )
      .toHaveLength(1);
    await bySql(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [schema],
    );
    expect(await waiting).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'StoreUnavailable',
          retryable: true,
          message: expect.stringContaining('connection was lost'),
        }),
      ),
    );
    await holder.query('ROLLBACK');
    await holder.end();
    successOf(await append('lost-1'));
    expect(successOf(await store.readStream('lost')).map((e) => e.eventId)).toEqual(['lost-1']);
    await store.close();
  });

  it('a refused connection is unavailable and retryable', async () => {
    expect(
      await createPostgresEventStore({
        connectionString: 'postgres://postgres@127.0.0.1:1/test',
        schema,
      }),
    ).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'StoreUnavailable',
          retryable: true,
          message: expect.stringContaining('ECONNREFUSED'),
        }),
      ),
    );
  });

  it('a unique violation is recognised by its constraint; other failures are not retryable', async () => {
    const store = await openStore({ schema });
    successOf(
      await store.append({
        commandId: 'cmd-1' as CommandId,
        appends: [{ stream: 'u', expectedRevision: 'any', events: [sampleEvent('u-0')] }],
      }),
    );
    await store.close();
    const duplicate = await failureOf(
      bySql(
        `INSERT INTO "${schema}".events SELECT position + 1, stream, revision, event_id, type,
           schema_version, data, metadata, recorded_at, previous_hash, hash, command_id
         FROM "${schema}".events WHERE stream = 'u'`,
      ),
    );
    expect(uniqueViolation(duplicate)).toBe('stream-revision');
    const command = await failureOf(
      bySql(`INSERT INTO "${schema}".commands SELECT * FROM "${schema}".commands`),
    );
    expect(uniqueViolation(command)).toBe('command-id');
    const missing = await failureOf(bySql('SELECT * FROM no_such_table_anywhere'));
    expect(uniqueViolation(missing)).toBeUndefined();
    expect(unavailable('read the log', missing)).toMatchObject({
      retryable: false,
      message: expect.stringContaining('42P01'),
    });
  });
});
