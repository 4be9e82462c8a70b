/**
 * Durability and the shared connection: the durability option sets `synchronous` (NORMAL or
 * FULL) on a WAL connection; stores of one process on one file share one reference-counted
 * connection, whose durability only ever strengthens; and every append a killed process saw
 * committed is in the file when it is opened again.
 */
import * as E from 'fp-ts/Either';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChild } from './child-process.fixture.js';
import { acquireConnection, openLeases, releaseConnection, type Durability } from './connection.js';
import {
  openStore,
  sampleEvent,
  scratchDirectory,
  successOf,
  type ScratchDirectory,
} from './store.fixture.js';

/** The `synchronous` setting (1 NORMAL, 2 FULL) of the process's connection to `file`. */
function synchronousOf(file: string): unknown {
  const lease = acquireConnection(file, {
    durability: 'process-safe',
    busyTimeoutMs: 0,
    now: '2019-07-01T03:00:00.000Z',
  });
  if (E.isLeft(lease)) throw new Error(lease.left.message);
  try {
    return lease.right.db.pragma('synchronous', { simple: true });
  } finally {
    releaseConnection(lease.right);
  }
}

describe('durability and the shared connection', () => {
  let scratch: ScratchDirectory;
  beforeEach(async () => {
    scratch = await scratchDirectory();
  });
  afterEach(async () => {
    await scratch.remove();
  });

  it.each([
    ['process-safe', 1],
    ['power-safe', 2],
  ] as const)('%s durability sets synchronous = %i', async (durability, expected) => {
    const store = await openStore({ path: scratch.file(), durability });
    expect(synchronousOf(store.file)).toBe(expected);
    await store.close();
  });

  it('shares one connection per file, strengthens it on demand and closes it with the last store', async () => {
    const relaxed = await openStore({ path: scratch.file() });
    const strict = await openStore({
      path: `${scratch.path}/./events.db`,
      durability: 'power-safe',
    });
    expect(strict.file).toBe(relaxed.file);
    expect(openLeases(relaxed.file)).toBe(2);
    expect(synchronousOf(relaxed.file)).toBe(2);
    await strict.close();
    await strict.close();
    expect(openLeases(relaxed.file)).toBe(1);
    successOf(
      await relaxed.append({
        appends: [{ stream: 's', expectedRevision: 'no-stream', events: [sampleEvent('a')] }],
      }),
    );
    expect(await strict.readAll()).toEqual(
      E.left(expect.objectContaining({ _tag: 'StoreUnavailable', retryable: false })),
    );
    await relaxed.close();
    expect(openLeases(relaxed.file)).toBe(0);
  });

  it.each(['process-safe', 'power-safe'] satisfies ReadonlyArray<Durability>)(
    'with %s durability, every append a killed process saw committed survives',
    async (durability) => {
      const file = scratch.file();
      const writer = startChild('kill-worker.fixture.ts', [file, durability]);
      await writer.line((line) => line === 'committed 150');
      writer.process.kill('SIGKILL');
      await expect(writer.exited).rejects.toThrow(/SIGKILL/);
      const committed = writer
        .printed()
        .filter((line) => line.startsWith('committed '))
        .map((line) => Number(line.slice('committed '.length)));
      const lastCommitted = Math.max(...committed);
      expect(lastCommitted).toBeGreaterThanOrEqual(150);
      const store = await openStore({ path: file });
      const events = successOf(await store.readStream('kill'));
      expect(events.length).toBeGreaterThanOrEqual(lastCommitted + 1);
      expect(events.map((event) => event.revision)).toEqual(events.map((_, i) => BigInt(i)));
      expect(successOf(await store.verify())).toMatchObject({ ok: true });
      successOf(
        await store.append({
          appends: [
            {
              stream: 'kill',
              expectedRevision: BigInt(events.length - 1),
              events: [sampleEvent('after-the-kill')],
            },
          ],
        }),
      );
      await store.close();
    },
  );
});
