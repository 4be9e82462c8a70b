/**
 * Reads and subscriptions from a replica: with `readConnectionString`, reads, `lastPosition` and
 * subscriptions go to the read pool and appends to the primary. Tested with a second pool to the
 * same server whose sessions are read-only (`default_transaction_read_only`) and named, as a
 * streaming replica's would be: reads succeed there, and the server shows them coming from it.
 */
import type { StoredEvent } from '@mandate/eventstore';
import { afterAll, describe, expect, it } from 'vitest';
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
afterAll(() => dropSchema(schema));

describe('a read connection string', () => {
  it('serves reads and subscriptions while appends go to the primary', async () => {
    const reader = `reader_${schema}`;
    const store = await openStore({
      schema,
      readConnectionString: `${SERVER_URL}?application_name=${reader}&options=-c%20default_transaction_read_only%3Don`,
    });
    const seen: StoredEvent[] = [];
    const subscription = store.subscribe({ onEvent: (event) => void seen.push(event) });
    for (let i = 0; i < 3; i++) {
      successOf(
        await store.append({
          appends: [{ stream: 'r', expectedRevision: 'any', events: [sampleEvent(`r-${i}`)] }],
        }),
      );
    }
    await subscription.waitUntilCaughtUp();
    expect(seen.map((e) => e.eventId)).toEqual(['r-0', 'r-1', 'r-2']);
    expect(successOf(await store.readStream('r'))).toHaveLength(3);
    expect(successOf(await store.readAll())).toHaveLength(3);
    const sessions = await bySql<{ read_only: string }>(
      `SELECT count(*)::text AS read_only FROM pg_stat_activity WHERE application_name = $1`,
      [reader],
    );
    expect(Number(sessions[0]?.read_only)).toBeGreaterThan(0);
    await subscription.stop();
    await store.close();
  });
});
