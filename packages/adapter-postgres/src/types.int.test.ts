/**
 * The store reads rows with type parsers of its own (`types.ts`): another library changing
 * `pg`'s process-wide parsers, as Emmett's `dumbo` does (`int8` as `BigInt`, `json`/`jsonb` through
 * its own parser), changes nothing the store reads, appends, finds or verifies.
 */
import pg from 'pg';
import type { CommandId } from '@mandate/core';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, freshSchema, openStore, sampleEvent, successOf } from './server.fixture.js';

const schema = freshSchema();
const INT8 = 20;
const JSONB = 3802;
const original = { int8: pg.types.getTypeParser(INT8), jsonb: pg.types.getTypeParser(JSONB) };
afterAll(async () => {
  pg.types.setTypeParser(INT8, original.int8);
  pg.types.setTypeParser(JSONB, original.jsonb);
  await dropSchema(schema);
});

describe("pg's global type parsers", () => {
  it('do not change what the store reads', async () => {
    pg.types.setTypeParser(INT8, (text: string) => BigInt(text) * 1000n);
    pg.types.setTypeParser(JSONB, () => ({ changed: true }));
    const store = await openStore({ schema });
    const request = {
      commandId: 'cmd-types' as CommandId,
      appends: [
        {
          stream: 'typed',
          expectedRevision: 'no-stream' as const,
          events: [
            sampleEvent('t-1', { n: 1 }, 'cmd-types'),
            sampleEvent('t-2', { n: 2 }, 'cmd-types'),
          ],
        },
      ],
    };
    const appended = successOf(await store.append(request));
    expect(appended.lastPosition).toBe(2n);
    const events = successOf(await store.readAll());
    expect(events.map((e) => [e.position, e.revision, e.data])).toEqual([
      [1n, 0n, { n: 1 }],
      [2n, 1n, { n: 2 }],
    ]);
    expect(successOf(await store.findCommand('cmd-types' as CommandId))).toEqual({
      ...appended,
      duplicate: true,
    });
    expect(successOf(await store.append(request))).toEqual({ ...appended, duplicate: true });
    expect(successOf(await store.verify()).ok).toBe(true);
    await store.close();
  });
});
