/**
 * The test server's semantics, driven by the real `@eventstore/db-client` 6.2 over the wire:
 * expected revisions, idempotent retries by event id, deleted streams, `$all` order and filters,
 * catch-up subscriptions with checkpoints, and the append RPC the client picks from what the
 * server advertises.
 */
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  START,
  jsonEvent,
  streamNameFilter,
  type AppendExpectedRevision,
  type EventData,
} from '@eventstore/db-client';
import { v4 as uuid } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SERVER_MODES, startTestServer, type TestServer } from './index.js';

const event = (id = uuid()): EventData => jsonEvent({ id, type: 'Happened', data: { id } });

const typeOf = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'resolved',
    (error: { type?: unknown }) => error.type,
  );

for (const mode of TEST_SERVER_MODES.filter((m) => m.client === 'esdb')) {
  describe(`the test server, ${mode.name}`, () => {
    let server: TestServer;
    let client: EventStoreDBClient;
    const append = (
      stream: string,
      events: EventData[],
      expectedRevision: AppendExpectedRevision,
    ) => client.appendToStream(stream, events, { expectedRevision });
    const revisions = async (stream: string) => {
      const read: bigint[] = [];
      for await (const resolved of client.readStream(stream))
        read.push(resolved.event?.revision ?? -1n);
      return read;
    };

    beforeAll(async () => {
      server = await startTestServer(mode);
      client = EventStoreDBClient.connectionString(server.connectionString);
    });
    afterAll(async () => {
      await client.dispose();
      await server.stop();
    });

    it('checks expected revisions any, no-stream, stream-exists and exact', async () => {
      const s = `s-${uuid()}`;
      expect(await typeOf(append(s, [event()], 'stream_exists'))).toBe('wrong-expected-version');
      expect(await typeOf(append(s, [event()], 0n))).toBe('wrong-expected-version');
      expect((await append(s, [event(), event()], 'no_stream')).nextExpectedRevision).toBe(1n);
      expect(await typeOf(append(s, [event()], 'no_stream'))).toBe('wrong-expected-version');
      expect(await typeOf(append(s, [event()], 0n))).toBe('wrong-expected-version');
      expect((await append(s, [event()], 1n)).nextExpectedRevision).toBe(2n);
      expect((await append(s, [event()], 'stream_exists')).nextExpectedRevision).toBe(3n);
      expect((await append(s, [event()], 'any')).nextExpectedRevision).toBe(4n);
      expect(await revisions(s)).toEqual([0n, 1n, 2n, 3n, 4n]);
    });

    it('treats a retried append with the same event ids as a no-op', async () => {
      const s = `s-${uuid()}`;
      const ids = [uuid(), uuid()];
      await append(s, [event(), event()], 'no_stream');
      const first = await append(s, ids.map(event), 1n);
      const again = await append(s, ids.map(event), 1n);
      expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision);
      expect(await revisions(s)).toEqual([0n, 1n, 2n, 3n]);
      expect(await typeOf(append(s, [event()], 1n))).toBe('wrong-expected-version');
    });

    it('reports a missing stream, and a deleted one', async () => {
      const gone = `s-${uuid()}`;
      expect(await typeOf(revisions(gone))).toBe('stream-not-found');
      await append(gone, [event()], 'no_stream');
      await client.deleteStream(gone);
      expect(await typeOf(revisions(gone))).toBe('stream-not-found');
      const dead = `s-${uuid()}`;
      await append(dead, [event()], 'no_stream');
      await client.tombstoneStream(dead);
      expect(await typeOf(revisions(dead))).toBe('stream-deleted');
      expect(await typeOf(append(dead, [event()], 'any'))).toBe('stream-deleted');
    });

    it('reads $all in commit order, forwards and backwards, positions ordered but not from 1', async () => {
      const a = `all-${uuid()}`;
      const b = `all-${uuid()}`;
      await append(a, [event()], 'any');
      await append(b, [event(), event()], 'any');
      await append(a, [event()], 'any');
      const forwards: Array<[string, bigint]> = [];
      for await (const resolved of client.readAll({ fromPosition: START, maxCount: 10_000 })) {
        forwards.push([resolved.event?.streamId ?? '', resolved.event?.position?.commit ?? -1n]);
      }
      const mine = forwards.filter(([stream]) => stream === a || stream === b);
      expect(mine.map(([stream]) => stream)).toEqual([a, b, b, a]);
      const positions = forwards.map(([, position]) => position);
      expect(positions).toEqual([...positions].sort((x, y) => (x < y ? -1 : 1)));
      expect(positions[0]).not.toBe(1n);
      expect(forwards[0]?.[0]).toBe('$settings');
      const backwards: string[] = [];
      for await (const resolved of client.readAll({
        fromPosition: END,
        direction: BACKWARDS,
        maxCount: 4,
      })) {
        backwards.push(resolved.event?.streamId ?? '');
      }
      expect(backwards).toEqual([a, b, b, a]);
    });

    it('delivers filtered catch-up subscriptions without system events, with checkpoints', async () => {
      const prefix = `sub-${uuid()}`;
      await append(`${prefix}-1`, [event()], 'any');
      await append(`other-${uuid()}`, [event()], 'any');
      const seen: string[] = [];
      let checkpoints = 0;
      const subscription = client.subscribeToAll({
        fromPosition: START,
        filter: streamNameFilter({
          prefixes: [prefix, '$'],
          maxSearchWindow: 1,
          checkpointInterval: 1,
          checkpointReached: async () => void (checkpoints += 1),
        }),
      });
      subscription.on('data', (resolved) => void seen.push(resolved.event?.streamId ?? ''));
      await append(`${prefix}-2`, [event()], 'any');
      for (let i = 0; i < 200 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      await subscription.unsubscribe();
      expect(seen).toEqual([`${prefix}-1`, `${prefix}-2`]);
      expect(checkpoints).toBeGreaterThan(0);
    });

    it(`is appended to through ${mode.batchAppend ? 'BatchAppend' : 'Append'}, as it advertises`, async () => {
      const before = await server.calls();
      await append(`rpc-${uuid()}`, [event()], 'any');
      const after = await server.calls();
      const used = mode.batchAppend ? 'BatchAppend' : 'Append';
      const unused = mode.batchAppend ? 'Append' : 'BatchAppend';
      expect((after[used] ?? 0) - (before[used] ?? 0)).toBe(1);
      expect(after[unused] ?? 0).toBe(before[unused] ?? 0);
    });
  });
}
