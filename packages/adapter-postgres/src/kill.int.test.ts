/**
 * A writer killed with SIGKILL in the middle of a multi-stream append leaves no partial batch:
 * 50 real child processes, 10 at a time, append batches of 5 streams × 8 events to one schema
 * and are each killed at a random moment once appending; afterwards every batch is either wholly
 * in the log or not at all, the log has no gaps, and `verify` passes.
 *
 * @see docs/reference/domain.md rule 10
 */
import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '@mandate/eventstore';
import { bundleFixture, type BundledFixture } from './child-process.fixture.js';
import { dropSchema, freshSchema, openStore, successOf } from './server.fixture.js';

const TRIALS = 50;
const AT_ONCE = 10;
const EVENTS_PER_BATCH = 5 * 8;

const schema = freshSchema();
afterAll(() => dropSchema(schema));

async function trial(fixture: BundledFixture, worker: number): Promise<void> {
  const child = fixture.start([schema, `w${worker}`]);
  await child.line((line) => line.startsWith('committed'));
  await sleep(randomInt(0, 60));
  child.process.kill('SIGKILL');
  expect(await child.exited).toBe('SIGKILL');
}

describe('a writer killed mid-append', () => {
  it(`leaves no partial batch, over ${TRIALS} trials`, async () => {
    const store = await openStore({ schema });
    const fixture = await bundleFixture('kill-worker.fixture.ts');
    for (let round = 0; round < TRIALS / AT_ONCE; round++) {
      await Promise.all(
        Array.from({ length: AT_ONCE }, (_, k) => trial(fixture, round * AT_ONCE + k)),
      );
    }
    await fixture.remove();
    const log: StoredEvent[] = [];
    for (let after = 0n; ;) {
      const page = successOf(await store.readAll({ after, maxCount: 10_000 }));
      if (page.length === 0) break;
      log.push(...page);
      after = page.at(-1)?.position ?? after;
    }
    const batches = new Map<string, number>();
    for (const event of log) {
      const { worker, batch } = event.data as { worker: string; batch: number };
      const key = `${worker}/${batch}`;
      batches.set(key, (batches.get(key) ?? 0) + 1);
    }
    expect(new Set(log.map((e) => (e.data as { worker: string }).worker)).size).toBe(TRIALS);
    expect([...batches.values()].filter((n) => n !== EVENTS_PER_BATCH)).toEqual([]);
    expect(successOf(await store.verify())).toEqual({
      ok: true,
      streams: 5,
      events: BigInt(log.length),
    });
    await store.close();
  }, 120_000);
});
