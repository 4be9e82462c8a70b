/**
 * E1 — the EventStoreDB/KurrentDB adapter against the wire-compatible test server (through
 * `@eventstore/db-client` 6.2, `BatchAppend` advertised), for information only: the server is a
 * fake in the same machine, so its speed says nothing about KurrentDB's.
 *
 * - W1–W3 through the adapter, as B2 runs them on every store (`runWorkloads`);
 * - the adapter's overhead per event as a ratio to the client's raw calls on the same server and
 *   the same events: raw `appendToStream` (10 events per call, each with the stream's expected
 *   revision) against the adapter's `append`, and raw `readStream` (JSON parsed by the client)
 *   against the adapter's `readStream` (envelope decoded, JSON parsed). Target ≥ 70 %;
 * - the shared CPU work per event, without the server: validate, encode and hash
 *   (`validateAppend` + `planAppend`) on the append side, parse rows (`parseRawEvents`) on the
 *   read side.
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { createEsdbEventStore, eventStoreDbDriver } from '@mandate/adapter-esdb';
import { TEST_SERVER_MODES, startTestServer } from '@mandate/esdb-test-server';
import {
  parseRawEvents,
  planAppend,
  toRawEvent,
  validateAppend,
  type EventStore,
} from '@mandate/eventstore';
import { streamFixtures, type WorkloadShape } from './fixtures.js';
import { timeOnce, type Timing } from './measure.js';
import { appendTurns, type SubjectFactory } from './subject.js';
import {
  portSubject,
  runWorkloads,
  type WorkloadOptions,
  type WorkloadsResult,
} from './workloads.js';

/** Sizes of E1. */
export interface EsdbBenchOptions {
  readonly workloads: WorkloadOptions;
  /** The shape of the raw-versus-adapter comparison. */
  readonly overhead: WorkloadShape;
  readonly repeats: number;
}

/** The full run: 100 streams × 100 events for W1–W3 and the comparison. */
export const ESDB_FULL: EsdbBenchOptions = {
  workloads: {
    shape: { streams: 100, eventsPerStream: 100, batchSize: 10 },
    repeats: 3,
    budgetSeconds: 120,
  },
  overhead: { streams: 100, eventsPerStream: 100, batchSize: 10 },
  repeats: 3,
};

/** The quick run. */
export const ESDB_QUICK: EsdbBenchOptions = {
  workloads: {
    shape: { streams: 5, eventsPerStream: 20, batchSize: 10 },
    repeats: 1,
    budgetSeconds: 30,
  },
  overhead: { streams: 5, eventsPerStream: 20, batchSize: 10 },
  repeats: 1,
};

/** What E1 measured. */
export interface EsdbResult {
  readonly workloads: WorkloadsResult;
  readonly events: number;
  readonly raw: { readonly append: Timing; readonly read: Timing };
  readonly adapter: { readonly append: Timing; readonly read: Timing };
  /** The shared encode, hash and parse work alone, without the server. */
  readonly cpu: { readonly append: Timing; readonly read: Timing };
}

const orThrow = <A>(what: string, result: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(result)) throw new Error(`${what}: ${result.left.message}`);
  return result.right;
};

/** Runs E1 on a test server started for it. */
export async function runEsdbBench(options: EsdbBenchOptions): Promise<EsdbResult> {
  const mode = TEST_SERVER_MODES.find((m) => m.client === 'esdb' && m.batchAppend);
  if (mode === undefined) throw new Error('No esdb BatchAppend mode');
  const server = await startTestServer(mode);
  const client = EventStoreDBClient.connectionString(server.connectionString);
  const driver = eventStoreDbDriver(client);
  const open = async (): Promise<EventStore> =>
    orThrow('open', await createEsdbEventStore({ driver, namespace: `bench-${randomUUID()}` }));
  try {
    const subject: SubjectFactory = {
      key: 'esdb',
      name: 'Mandate ESDB adapter (test server)',
      open: async () => portSubject(await open(), () => undefined),
    };
    const workloads = await runWorkloads(options.workloads, [subject]);

    const fixtures = streamFixtures(options.overhead);
    const events = fixtures.reduce((n, f) => n + f.batches.flat().length, 0);
    const timings = {
      rawAppend: [] as number[],
      rawRead: [] as number[],
      append: [] as number[],
      read: [] as number[],
    };
    const cpu = { append: [] as number[], read: [] as number[] };
    for (let repeat = 0; repeat < options.repeats; repeat++) {
      const prefix = `raw-${randomUUID()}`;
      timings.rawAppend.push(
        await timeOnce(async () => {
          for (const { stream, revisionBefore, events: batch } of appendTurns(fixtures)) {
            await client.appendToStream(
              `${prefix}/${stream}`,
              batch.map((e) =>
                jsonEvent({ type: e.type, data: e.data as never, metadata: e.metadata as never }),
              ),
              { expectedRevision: revisionBefore === 0 ? 'no_stream' : BigInt(revisionBefore - 1) },
            );
          }
        }),
      );
      timings.rawRead.push(
        await timeOnce(async () => {
          for (const { stream } of fixtures) {
            for await (const resolved of client.readStream(`${prefix}/${stream}`)) void resolved;
          }
        }),
      );
      const store = await open();
      timings.append.push(
        await timeOnce(async () => {
          for (const { stream, revisionBefore, events: batch } of appendTurns(fixtures)) {
            const expectedRevision =
              revisionBefore === 0 ? 'no-stream' : BigInt(revisionBefore - 1);
            orThrow(
              'append',
              await store.append({ appends: [{ stream, expectedRevision, events: batch }] }),
            );
          }
        }),
      );
      const read: Array<ReturnType<typeof toRawEvent>> = [];
      timings.read.push(
        await timeOnce(async () => {
          for (const { stream } of fixtures) {
            read.push(...orThrow('readStream', await store.readStream(stream)).map(toRawEvent));
          }
        }),
      );
      await store.close();
      // The shared encode, hash and parse work, without the server.
      cpu.append.push(
        await timeOnce(() => {
          let position = 0n;
          for (const { events: batch, stream } of appendTurns(fixtures)) {
            const valid = orThrow(
              'validate',
              validateAppend({ appends: [{ stream, expectedRevision: 'any', events: batch }] }),
            );
            const plan = orThrow(
              'plan',
              planAppend(valid, {
                streamHead: () => undefined,
                lastPosition: position,
                lastRecordedAt: undefined,
                now: '2026-01-01T00:00:00.000Z' as never,
              }),
            );
            position = plan.result.lastPosition;
          }
        }),
      );
      cpu.read.push(await timeOnce(() => orThrow('parse', parseRawEvents(read))));
    }
    return {
      workloads,
      events,
      raw: { append: { seconds: timings.rawAppend }, read: { seconds: timings.rawRead } },
      adapter: { append: { seconds: timings.append }, read: { seconds: timings.read } },
      cpu: { append: { seconds: cpu.append }, read: { seconds: cpu.read } },
    };
  } finally {
    await client.dispose();
    await server.stop();
  }
}
