/**
 * B2 — the event store workloads, run the same way on every store under test:
 *
 * - W1 append: every stream's events in batches (10 per append by default), each append with the
 *   stream's expected revision, streams taking turns (batch 1 of every stream, then batch 2, …);
 * - W2 read and fold: read each stream whole, decode every event, fold it (`summarise`);
 * - W3 replay: read the whole log in order, page by page, into a projection (`countsBuilder`);
 * - and, where the store offers it, verify the hash chain over the whole log.
 *
 * For Mandate's stores (in-memory and SQLite) the hash chain is computed on every append and
 * every event read is decoded through the body's event codecs (`decodeStored` with
 * `eventSchemaFromUnion(Body.EventVersions, Body.Event)`). Each repeat starts from an empty store
 * on a fresh temporary file, and the subjects take turns within each repeat.
 */
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as E from 'fp-ts/Either';
import { Body } from '@mandate/core';
import {
  NO_UPCASTERS,
  createInMemoryEventStore,
  decodeStored,
  eventSchemaFromUnion,
  type EventStore,
} from '@mandate/eventstore';
import { createSqliteEventStore } from '@mandate/adapter-sqlite';
import { streamFixtures, typeCounts, type WorkloadShape } from './fixtures.js';
import { timeOnce, type Timing } from './measure.js';
import { countsBuilder, emptySummary, summarise, type Counts } from './projection.js';
import {
  appendTurns,
  temporaryDirectory,
  type SubjectFactory,
  type WorkloadSubject,
} from './subject.js';

/** Sizes and repeats of B2. */
export interface WorkloadOptions {
  readonly shape: WorkloadShape;
  readonly repeats: number;
  /** No further round starts once the rounds have taken this many seconds in all. */
  readonly budgetSeconds: number;
}

/** The full run: 1,000 streams × 100 events, appended 10 at a time. */
export const WORKLOADS_FULL: WorkloadOptions = {
  shape: { streams: 1_000, eventsPerStream: 100, batchSize: 10 },
  repeats: 3,
  budgetSeconds: 150,
};

/** The quick run. */
export const WORKLOADS_QUICK: WorkloadOptions = {
  shape: { streams: 20, eventsPerStream: 30, batchSize: 10 },
  repeats: 1,
  budgetSeconds: 60,
};

/** What one subject measured, per workload. */
export interface SubjectResult {
  readonly key: string;
  readonly name: string;
  readonly append: Timing;
  readonly readAndFold: Timing;
  readonly replay: Timing;
  readonly verify?: Timing;
  /** Appends retried in each repeat, for stores that fail some spuriously. */
  readonly retries?: ReadonlyArray<number>;
}

/** What B2 measured. */
export interface WorkloadsResult {
  readonly options: WorkloadOptions;
  readonly events: number;
  readonly subjects: ReadonlyArray<SubjectResult>;
}

// -------------------------------------------------------------------------------------------------
// Mandate's stores
// -------------------------------------------------------------------------------------------------

const bodySchema = eventSchemaFromUnion(Body.EventVersions, Body.Event);

const orThrow = <A>(what: string, result: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(result)) throw new Error(`${what}: ${result.left.message}`);
  return result.right;
};

/** Runs the workloads against any implementation of Mandate's event store port. */
export function portSubject(store: EventStore, cleanup: () => void): WorkloadSubject {
  return {
    appendAll: async (streams) => {
      for (const { stream, revisionBefore, events } of appendTurns(streams)) {
        const expectedRevision = revisionBefore === 0 ? 'no-stream' : BigInt(revisionBefore - 1);
        orThrow('append', await store.append({ appends: [{ stream, expectedRevision, events }] }));
      }
    },
    readAndFold: async (streams) => {
      let folded = 0;
      for (const stream of streams) {
        const events = orThrow('readStream', await store.readStream(stream));
        let summary = emptySummary;
        for (const stored of events) {
          summary = summarise(
            summary,
            orThrow('decode', decodeStored(bodySchema, NO_UPCASTERS, stored)),
          );
        }
        folded += summary.events;
      }
      return folded;
    },
    replay: async () => {
      const projection = countsBuilder();
      for (let after = 0n; ;) {
        const page = orThrow('readAll', await store.readAll({ after }));
        const last = page.at(-1);
        if (last === undefined) return projection.counts();
        for (const stored of page) {
          const event = orThrow('decode', decodeStored(bodySchema, NO_UPCASTERS, stored));
          projection.add(stored.stream, event.type);
        }
        after = last.position;
      }
    },
    verify: async () => {
      const report = orThrow('verify', await store.verify());
      if (!report.ok) throw new Error(`verify: ${report.problem.message}`);
      return Number(report.events);
    },
    close: async () => {
      await store.close();
      cleanup();
    },
  };
}

/** Mandate's in-memory store. */
export const inMemorySubject: SubjectFactory = {
  key: 'memory',
  name: 'Mandate in-memory',
  open: async () => portSubject(createInMemoryEventStore(), () => undefined),
};

/** Mandate's SQLite store, with its defaults (WAL, `synchronous=NORMAL`), on a temporary file. */
export const sqliteSubject: SubjectFactory = {
  key: 'sqlite',
  name: 'Mandate SQLite',
  open: async () => {
    const directory = temporaryDirectory('sqlite');
    const store = orThrow(
      'open',
      await createSqliteEventStore({ path: join(directory.path, 'events.db') }),
    );
    return portSubject(store, directory.remove);
  },
};

// -------------------------------------------------------------------------------------------------
// The run
// -------------------------------------------------------------------------------------------------

const sameCounts = (counts: Counts, expected: ReadonlyMap<string, number>, streams: number) =>
  counts.streams === streams &&
  isDeepStrictEqual(new Map([...counts.byType].sort()), new Map([...expected].sort()));

/**
 * Runs W1–W3 (and verification) on every subject, up to `repeats` rounds (no new round once the
 * budget is spent), subjects taking turns within a round; checks that every subject read back
 * exactly the events appended.
 */
export async function runWorkloads(
  options: WorkloadOptions,
  subjects: ReadonlyArray<SubjectFactory>,
): Promise<WorkloadsResult> {
  const fixtures = streamFixtures(options.shape);
  const names = fixtures.map((f) => f.stream);
  const expected = typeCounts(fixtures);
  const events = [...expected.values()].reduce((a, b) => a + b, 0);
  const runs = subjects.map(() => ({
    append: [] as number[],
    readAndFold: [] as number[],
    replay: [] as number[],
    verify: [] as number[],
    retries: [] as number[],
  }));
  const start = performance.now();
  const spent = () => (performance.now() - start) / 1000;
  for (
    let repeat = 0;
    repeat < options.repeats && (repeat === 0 || spent() < options.budgetSeconds);
    repeat++
  ) {
    for (const [i, factory] of subjects.entries()) {
      const run = runs[i];
      if (run === undefined) continue;
      const subject = await factory.open();
      try {
        run.append.push(await timeOnce(() => subject.appendAll(fixtures)));
        let folded = 0;
        run.readAndFold.push(
          await timeOnce(async () => (folded = await subject.readAndFold(names))),
        );
        if (folded !== events)
          throw new Error(`${factory.name} folded ${folded} of ${events} events`);
        let counts: Counts | undefined;
        run.replay.push(await timeOnce(async () => (counts = await subject.replay())));
        if (counts === undefined || !sameCounts(counts, expected, fixtures.length)) {
          throw new Error(`${factory.name} replayed other events than were appended`);
        }
        if (subject.retries !== undefined) run.retries.push(subject.retries());
        const { verify } = subject;
        if (verify !== undefined) {
          let verified = 0;
          run.verify.push(await timeOnce(async () => (verified = await verify())));
          if (verified !== events) throw new Error(`${factory.name} verified ${verified} events`);
        }
      } finally {
        await subject.close();
      }
    }
  }
  return {
    options,
    events,
    subjects: subjects.map((factory, i) => {
      const run = runs[i] ?? { append: [], readAndFold: [], replay: [], verify: [], retries: [] };
      return {
        key: factory.key,
        name: factory.name,
        append: { seconds: run.append },
        readAndFold: { seconds: run.readAndFold },
        replay: { seconds: run.replay },
        ...(run.verify.length === 0 ? {} : { verify: { seconds: run.verify } }),
        ...(run.retries.length === 0 ? {} : { retries: run.retries }),
      };
    }),
  };
}
