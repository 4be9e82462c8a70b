/**
 * The adapter under the shared conformance suite: a store factory over a running server (the
 * test server in a child process, or a real one at `MANDATE_ESDB_URL`), each store in a fresh
 * namespace so that runs never see each other's streams and need no clean-up on the server.
 *
 * `rewriteLog` tampers the way an operator with write access to the server would: it writes the
 * transformed rows, byte for byte, into a fresh namespace (log and stream copies, nothing
 * recomputed) and points the store under test at it, since a server never edits a stored event.
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import type { EventStore } from '@mandate/eventstore';
import { createTestClock, type StoreFactory } from '@mandate/eventstore/conformance';
import type { EsdbDriver } from './driver.js';
import { copyEventId, fromServerEvent, layoutOf, logEventId, toServerEvent } from './layout.js';
import { createEsdbEventStore } from './store.js';

/** A fresh namespace for one store. */
export const freshNamespace = (): string => `t-${randomUUID().slice(0, 12)}`;

/** Opens a store that must open. */
export async function openStore(
  driver: EsdbDriver,
  namespace: string,
  clock: () => ReturnType<ReturnType<typeof createTestClock>['now']>,
): Promise<EventStore> {
  const opened = await createEsdbEventStore({ driver, namespace, clock, pollIntervalMs: 50 });
  if (E.isLeft(opened)) throw new Error(`The store did not open: ${opened.left.message}`);
  return opened.right;
}

/** Reads every server event of the log of `namespace`, in order. */
async function logEvents(driver: EsdbDriver, namespace: string) {
  try {
    return await driver.readStream(layoutOf(namespace).log, {
      direction: 'forwards',
      fromRevision: 'start',
      maxCount: 100_000,
    });
  } catch {
    return [];
  }
}

/** The conformance suite's store factory over `driver`. */
export const storeFactory =
  (driver: EsdbDriver): StoreFactory =>
  async () => {
    const clock = createTestClock();
    let namespace = freshNamespace();
    let current = await openStore(driver, namespace, clock.now);
    const store: EventStore = {
      append: (request) => current.append(request),
      findCommand: (commandId) => current.findCommand(commandId),
      readStream: (stream, options) => current.readStream(stream, options),
      readAll: (options) => current.readAll(options),
      subscribe: (options) => current.subscribe(options),
      verify: (options) => current.verify(options),
      close: () => current.close(),
    };
    return {
      store,
      clock,
      rewriteLog: async (transform) => {
        const rows = (await logEvents(driver, namespace)).map((event) => {
          const logged = fromServerEvent(event);
          if (E.isLeft(logged)) throw new Error(logged.left.message);
          return logged.right.row;
        });
        const rewritten = transform(rows);
        const target = freshNamespace();
        const layout = layoutOf(target);
        const entries = rewritten.map((row, i) => ({
          row,
          appendStart: row.position,
          serverId: logEventId(layout, undefined, row.position, i),
        }));
        for (const entry of entries) {
          await driver.appendToStream(
            layout.stream(entry.row.stream),
            [toServerEvent(copyEventId(entry.serverId), entry)],
            'any',
          );
        }
        if (entries.length > 0) {
          await driver.appendToStream(
            layout.log,
            entries.map((entry) => toServerEvent(entry.serverId, entry)),
            'no_stream',
          );
        }
        await current.close();
        namespace = target;
        current = await openStore(driver, namespace, clock.now);
      },
      cleanup: () => current.close(),
    };
  };
