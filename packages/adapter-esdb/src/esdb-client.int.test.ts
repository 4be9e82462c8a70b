/**
 * The shared conformance suite through `@eventstore/db-client` 6.2: against the test server with
 * and without `BatchAppend` advertised (the client picks its append RPC by what the server
 * advertises), and against a real server when `MANDATE_ESDB_URL` is set.
 */
import { EventStoreDBClient } from '@eventstore/db-client';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkAgainstModel, runConformance } from '@mandate/eventstore/conformance';
import { TEST_SERVER_MODES, startTestServer, type TestServer } from '@mandate/esdb-test-server';
import { eventStoreDbDriver, type EsdbDriver } from './driver.js';
import { storeFactory } from './store-under-test.fixture.js';

/** Registers the suite against the server at the connection string `connect()` resolves to. */
function suite(name: string, connect: () => Promise<string>, stop: () => Promise<void>) {
  describe(name, () => {
    let client: EventStoreDBClient | undefined;
    let driver: EsdbDriver | undefined;
    beforeAll(async () => {
      client = EventStoreDBClient.connectionString(await connect());
      driver = eventStoreDbDriver(client);
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
  });
}

for (const mode of TEST_SERVER_MODES.filter((m) => m.client === 'esdb')) {
  let server: TestServer | undefined;
  suite(
    `ESDB adapter on the test server, ${mode.name}`,
    async () => {
      server = await startTestServer(mode);
      return server.connectionString;
    },
    async () => server?.stop(),
  );
}

const url = process.env['MANDATE_ESDB_URL'];
if (url !== undefined) {
  suite(
    'ESDB adapter on the server at MANDATE_ESDB_URL, @eventstore/db-client',
    async () => url,
    async () => undefined,
  );
}
