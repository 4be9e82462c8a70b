/**
 * The shared conformance suite through `@kurrent/kurrentdb-client` 1.3: against the test server with
 * and without `BatchAppend` advertised (the client picks its append RPC by what the server
 * advertises), and against a real server when `MANDATE_ESDB_URL` is set.
 */
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendTo,
  checkAgainstModel,
  eventFactory,
  runConformance,
} from '@mandate/eventstore/conformance';
import { TEST_SERVER_MODES, startTestServer, type TestServer } from '@mandate/esdb-test-server';
import { kurrentDbDriver, type EsdbDriver } from './driver.js';
import { storeFactory } from './store-under-test.fixture.js';

/** Registers the suite against the server at the connection string `connect()` resolves to. */
function suite(
  name: string,
  connect: () => Promise<string>,
  stop: () => Promise<void>,
  server?: () => { readonly atomic: boolean; readonly calls: TestServer['calls'] },
) {
  describe(name, () => {
    let client: KurrentDBClient | undefined;
    let driver: EsdbDriver | undefined;
    beforeAll(async () => {
      client = KurrentDBClient.connectionString(await connect());
      driver = kurrentDbDriver(client);
    });
    afterAll(async () => {
      await client?.dispose();
      await stop();
    });
    const factory = () => {
      if (driver === undefined) throw new Error('The client is not connected');
      return storeFactory(driver)();
    };
    runConformance(it, factory);
    it('answers random command sequences like the in-memory store', async () => {
      await checkAgainstModel(factory, { numRuns: 8, maxCommands: 12 });
    });
    if (server !== undefined) {
      it('appends through the atomic multi-stream append exactly when the server offers it', async () => {
        const { atomic, calls } = server();
        const sut = await factory();
        const { events } = eventFactory();
        // The first append asks the server once whether it offers the method; count after it.
        expect((await sut.store.append(appendTo('warm-up', 'any', events(1))))._tag).toBe('Right');
        const before = (await calls())['AppendSession'] ?? 0;
        const result = await sut.store.append({
          appends: [
            appendTo('a', 'no-stream', events(1)).appends[0]!,
            appendTo('b', 'no-stream', events(2)).appends[0]!,
          ],
        });
        await sut.cleanup();
        expect(result._tag).toBe('Right');
        const after = (await calls())['AppendSession'] ?? 0;
        expect(after - before).toBe(atomic ? 1 : 0);
      });
    }
  });
}

for (const mode of TEST_SERVER_MODES.filter((m) => m.client === 'kurrent')) {
  let server: TestServer | undefined;
  suite(
    `ESDB adapter on the test server, Kurrent client, ${mode.name}`,
    async () => {
      server = await startTestServer(mode);
      return server.connectionString;
    },
    async () => server?.stop(),
    () => {
      if (server === undefined) throw new Error('The test server is not running');
      return { atomic: mode.multiStreamAppend, calls: server.calls };
    },
  );
}

const url = process.env['MANDATE_ESDB_URL'];
if (url !== undefined) {
  suite(
    'ESDB adapter on the server at MANDATE_ESDB_URL, @kurrent/kurrentdb-client',
    async () => url,
    async () => undefined,
  );
}
