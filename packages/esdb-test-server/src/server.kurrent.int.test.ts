/**
 * The test server's multi-stream append (KurrentDB 25.1's `AppendSession`), driven by the real
 * `@kurrent/kurrentdb-client` 1.3: all streams or none, and refused by the client as unsupported
 * when the server does not advertise it.
 */
import { KurrentDBClient, jsonEvent, type EventData } from '@kurrent/kurrentdb-client';
import { v4 as uuid } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SERVER_MODES, startTestServer, type TestServer } from './index.js';

const event = (): EventData =>
  jsonEvent({ type: 'Happened', data: { n: 1 }, metadata: { m: 'x' } });

const errorType = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'resolved',
    (error: { type?: unknown }) => error.type,
  );

for (const mode of TEST_SERVER_MODES.filter((m) => m.client === 'kurrent')) {
  describe(`the test server, ${mode.name}`, () => {
    let server: TestServer;
    let client: KurrentDBClient;
    const count = async (stream: string) => {
      let n = 0;
      try {
        for await (const _ of client.readStream(stream)) n += 1;
      } catch {
        return 0;
      }
      return n;
    };
    beforeAll(async () => {
      server = await startTestServer(mode);
      client = KurrentDBClient.connectionString(server.connectionString);
    });
    afterAll(async () => {
      await client.dispose();
      await server.stop();
    });

    if (mode.multiStreamAppend) {
      it('appends to several streams atomically, or to none', async () => {
        const [a, b] = [`a-${uuid()}`, `b-${uuid()}`];
        const result = await client.multiStreamAppend([
          { streamName: a, expectedState: 'no_stream', events: [event(), event()] },
          { streamName: b, expectedState: 'any', events: [event()] },
        ]);
        expect(result.responses.map((r) => [r.streamName, r.revision])).toEqual([
          [a, 1n],
          [b, 0n],
        ]);
        const refused = client.multiStreamAppend([
          { streamName: b, expectedState: 'any', events: [event()] },
          { streamName: a, expectedState: 0n, events: [event()] },
        ]);
        expect(await errorType(refused)).toBe('wrong-expected-version');
        expect([await count(a), await count(b)]).toEqual([2, 1]);
        expect((await server.calls())['AppendSession']).toBe(2);
      });
    } else {
      it('does not offer the multi-stream append, so the client refuses it', async () => {
        const refused = client.multiStreamAppend([
          { streamName: `a-${uuid()}`, expectedState: 'any', events: [event()] },
        ]);
        expect(await errorType(refused)).toBe('unsupported');
        expect((await server.calls())['AppendSession']).toBeUndefined();
      });
    }
  });
}
