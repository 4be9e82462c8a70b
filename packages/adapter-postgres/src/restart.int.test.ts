/**
 * The server restarted under load: appends meet typed, retryable `StoreUnavailable` errors while
 * it is down, then recover; every command retried with its command id lands exactly once, and
 * `verify` passes. The restart happens on a private cluster created for this test
 * (`pg_createcluster` on a free port, dropped after), so the other test files running against
 * the shared server are not disturbed.
 *
 * @see docs/reference/domain.md rule 10
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import * as E from 'fp-ts/Either';
import type { CommandId } from '@mandate/core';
import type { StoreUnavailable } from '@mandate/eventstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostgresEventStore } from './store.js';
import { openStore, sampleEvent, successOf } from './server.fixture.js';

const run = promisify(execFile);
const VERSION = readdirSync('/etc/postgresql').sort().at(-1) ?? '15';
const CLUSTER = `mandate_restart_${process.pid}`;
const WRITERS = 4;
const COMMANDS = 150;

/** A TCP port nobody listens on now. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });

const ctl = (action: 'start' | 'restart') =>
  run('pg_ctlcluster', ['--skip-systemctl-redirect', VERSION, CLUSTER, action]);

let url: string;

beforeAll(async () => {
  const port = await freePort();
  await run('pg_createcluster', [VERSION, CLUSTER, '-p', String(port), '--', '--auth=trust']);
  await ctl('start');
  url = `postgres://postgres@127.0.0.1:${port}/postgres`;
}, 60_000);

afterAll(async () => {
  await run('pg_dropcluster', ['--stop', VERSION, CLUSTER]);
}, 60_000);

/** Appends command `id` until it lands, collecting the unavailable errors met on the way. */
async function appendUntilDone(
  store: PostgresEventStore,
  id: string,
  errors: StoreUnavailable[],
): Promise<void> {
  for (;;) {
    const outcome = await store.append({
      commandId: id as CommandId,
      appends: [
        {
          stream: `s-${id.length % 3}`,
          expectedRevision: 'any',
          events: [sampleEvent(id, {}, id)],
        },
      ],
    });
    if (E.isRight(outcome)) return;
    if (outcome.left._tag !== 'StoreUnavailable' || !outcome.left.retryable) {
      throw new Error(`${outcome.left._tag}: ${outcome.left.message}`);
    }
    errors.push(outcome.left);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the server restarted under load', () => {
  it('gives typed unavailable errors, then recovers with nothing lost', async () => {
    const store = await openStore({ schema: 'mandate', connectionString: url, maxConnections: 4 });
    const errors: StoreUnavailable[] = [];
    let done = 0;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < COMMANDS; i++) {
        await appendUntilDone(store, `w${w}-c${i}`, errors);
        done += 1;
      }
    });
    await expect.poll(() => done, { timeout: 30_000 }).toBeGreaterThan(WRITERS * 10);
    await ctl('restart');
    await Promise.all(writers);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => /unreachable|lost|shutting down|starting up/.test(e.message))).toBe(
      true,
    );
    const log = successOf(await store.readAll({ maxCount: 10_000 }));
    expect(log).toHaveLength(WRITERS * COMMANDS);
    expect(new Set(log.map((e) => e.eventId)).size).toBe(WRITERS * COMMANDS);
    expect(successOf(await store.verify())).toMatchObject({ ok: true });
    await store.close();
  }, 120_000);
});
