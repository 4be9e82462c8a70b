/**
 * Crash recovery without a multi-stream transaction (the 6.x client): for every crash point
 * between the writes an append makes, a store opened afterwards on the same server — recovery
 * runs on opening — answers exactly as an atomic store (the in-memory one) given the appends that
 * committed, and goes on answering like it. A crash is a process that stops writing: from the
 * chosen write on, every call of the crashed store fails and it is abandoned.
 *
 * @see docs/reference/domain.md rule 10
 */
import fc from 'fast-check';
import { EventStoreDBClient } from '@eventstore/db-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandId } from '@mandate/core';
import { createInMemoryEventStore, type AppendRequest, type EventStore } from '@mandate/eventstore';
import { createTestClock, eventFactory } from '@mandate/eventstore/conformance';
import { TEST_SERVER_MODES, startTestServer, type TestServer } from '@mandate/esdb-test-server';
import { eventStoreDbDriver, type EsdbDriver } from './driver.js';
import { layoutOf } from './layout.js';
import { freshNamespace, openStore } from './store-under-test.fixture.js';

const STREAMS = ['a', 'b', 'c'] as const;

/** One generated append: its streams (each once), event counts, expectations, command id. */
const appendSpec = fc.record({
  parts: fc.uniqueArray(
    fc.record({
      stream: fc.constantFrom(...STREAMS),
      count: fc.integer({ min: 1, max: 2 }),
      expected: fc.constantFrom('any' as const, 'no-stream' as const),
    }),
    { minLength: 1, maxLength: 3, selector: (part) => part.stream },
  ),
  commandId: fc.option(fc.constantFrom('cmd-1', 'cmd-2', 'cmd-3'), { nil: undefined }),
});
type AppendSpec = typeof appendSpec extends fc.Arbitrary<infer T> ? T : never;

/** A driver whose writes fail from the `crashAt`-th on, as if its process had died. */
function crashingDriver(driver: EsdbDriver, crashAt: number, onLogWrite: () => void) {
  let writes = 0;
  const crashed = () => writes > crashAt;
  const dead = () => Promise.reject(Object.assign(new Error(''), { type: 'unavailable' }));
  const wrapped: EsdbDriver = {
    ...driver,
    appendToStream: async (stream, events, expected) => {
      writes += 1;
      if (crashed()) return dead();
      await driver.appendToStream(stream, events, expected);
      if (stream.endsWith('@log')) onLogWrite();
    },
    readStream: (stream, options) => (crashed() ? dead() : driver.readStream(stream, options)),
  };
  return { driver: wrapped, crashed };
}

describe('an append interrupted by a crash, recovered on opening', () => {
  let server: TestServer;
  let client: EventStoreDBClient;
  beforeAll(async () => {
    const mode = TEST_SERVER_MODES.find((m) => m.client === 'esdb' && !m.batchAppend);
    if (mode === undefined) throw new Error('No esdb Append mode');
    server = await startTestServer(mode);
    client = EventStoreDBClient.connectionString(server.connectionString);
  });
  afterAll(async () => {
    await client.dispose();
    await server.stop();
  });

  it('leaves, at every crash point, the state an atomic store reaches with the appends that committed', async () => {
    const driver = eventStoreDbDriver(client);
    const property = fc.asyncProperty(
      fc.array(appendSpec, { minLength: 1, maxLength: 5 }),
      fc.nat({ max: 24 }),
      async (specs, crashAt) => {
        const namespace = freshNamespace();
        const clock = createTestClock();
        const model = createInMemoryEventStore({ clock: clock.now });
        const { events } = eventFactory();
        const requests: AppendRequest[] = specs.map((spec: AppendSpec) => ({
          ...(spec.commandId === undefined ? {} : { commandId: spec.commandId as CommandId }),
          appends: spec.parts.map((part) => ({
            stream: part.stream,
            expectedRevision: part.expected,
            // As the application writes them: a command's events carry its id.
            events: events(part.count).map((event) =>
              spec.commandId === undefined
                ? event
                : {
                    ...event,
                    metadata: { ...event.metadata, commandId: spec.commandId as CommandId },
                  },
            ),
          })),
        }));
        let current = -1;
        let crashedCommitted = false;
        const crashing = crashingDriver(driver, crashAt, () => {
          crashedCommitted = true;
        });
        const doomed = await openStore(crashing.driver, namespace, clock.now);
        let next = 0;
        for (; next < requests.length; next++) {
          current = next;
          crashedCommitted = false;
          await doomed.append(requests[next] as AppendRequest);
          if (crashing.crashed()) break;
        }
        await doomed.close();
        // The atomic store: every append before the crash, the interrupted one if it committed.
        for (let i = 0; i < Math.min(current + 1, requests.length); i++) {
          if (i === current && crashing.crashed() && !crashedCommitted) break;
          await model.append(requests[i] as AppendRequest);
        }
        const recovered = await openStore(driver, namespace, clock.now);
        for (let i = crashing.crashed() ? current + 1 : requests.length; i < requests.length; i++) {
          const request = requests[i] as AppendRequest;
          expect(await recovered.append(request)).toEqual(await model.append(request));
        }
        await expectSameState(recovered, model);
        await recovered.close();
        await expectNothingLeftToComplete(driver, namespace);
      },
    );
    await fc.assert(property, { numRuns: 40 });
  });
});

/** Both stores answer the same log, the same streams and the same recorded commands. */
async function expectSameState(store: EventStore, model: EventStore): Promise<void> {
  expect(await store.readAll()).toEqual(await model.readAll());
  for (const stream of STREAMS) {
    expect(await store.readStream(stream)).toEqual(await model.readStream(stream));
  }
  for (const commandId of ['cmd-1', 'cmd-2', 'cmd-3'] as CommandId[]) {
    expect(await store.findCommand(commandId)).toEqual(await model.findCommand(commandId));
  }
  expect(await store.verify()).toEqual(await model.verify());
}

/** Every stream copy holds as many events as the log has for it: recovery finished its work. */
async function expectNothingLeftToComplete(driver: EsdbDriver, namespace: string): Promise<void> {
  const layout = layoutOf(namespace);
  const read = async (stream: string) =>
    driver
      .readStream(stream, { direction: 'forwards', fromRevision: 'start', maxCount: 1_000 })
      .catch(() => []);
  const log = await read(layout.log);
  for (const stream of STREAMS) {
    const inLog = log.filter((event) => {
      const envelope = (event.metadata as { mandate?: string }).mandate ?? '{}';
      return (JSON.parse(envelope) as { stream?: string }).stream === stream;
    }).length;
    expect((await read(layout.stream(stream))).length).toBe(inLog);
  }
}
