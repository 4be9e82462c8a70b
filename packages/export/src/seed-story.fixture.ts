/**
 * The 2018 seed story (and, on request, its illustrative sequel: a handover recorded from a
 * misprinted date, then corrected) recorded through the application's command handler on the
 * in-memory event store, then projected into the in-memory read model — the queries the export
 * tests ask, built as the example's tests build them.
 */
import * as E from 'fp-ts/Either';
import { createCommandHandler, type CommandHandler } from '@mandate/application';
import { epochMillisecondsOf, instantOf, type Instant, type PersonId } from '@mandate/core';
import { IllustrativeSequel, Seed } from '@mandate/core/testing';
import { createInMemoryEventStore, type EventStore, type StoredEvent } from '@mandate/eventstore';
import {
  bitemporalProjection,
  createInMemoryReadModel,
  startProjection,
  type ReadModelQueries,
} from '@mandate/projections';
import type { PersonNames } from './gather.js';

const RECORDING_START = '2019-01-10T00:00:00.000Z' as Instant;

/** The seed story's read-model queries, persons' names, and two instants worth asking at. */
export interface SeedHistory {
  readonly queries: ReadModelQueries;
  readonly personNames: PersonNames;
  /** 1 ms before the merger decision was recorded. */
  readonly beforeMerger: Instant;
  /** 1 ms before the erratum was recorded (the sequel only). */
  readonly beforeErratum?: Instant;
}

const orThrow = <A>(result: E.Either<{ readonly message: string }, A>, what: string): A => {
  if (E.isLeft(result)) throw new Error(`${what}: ${result.left.message}`);
  return result.right;
};

async function wholeLog(store: EventStore): Promise<ReadonlyArray<StoredEvent>> {
  const events: StoredEvent[] = [];
  for (;;) {
    const page = orThrow(await store.readAll({ after: events.at(-1)?.position ?? 0n }), 'log');
    if (page.length === 0) return events;
    events.push(...page);
  }
}

/** 1 ms before the first event of the command `commandId` was recorded. */
async function justBefore(store: EventStore, commandId: string): Promise<Instant> {
  const event = (await wholeLog(store)).find((e) => e.metadata.commandId === commandId);
  if (event === undefined) throw new Error(`${commandId} is not in the log`);
  return instantOf(epochMillisecondsOf(event.recordedAt) - 1);
}

/** Looks a person's registered name up in their stream. */
const namesFrom =
  (handler: CommandHandler): PersonNames =>
  async (person: PersonId) => {
    const { state } = orThrow(await handler.loadPerson(person), person);
    return state.status === 'registered' ? state.name : undefined;
  };

/** Records the sequel and its erratum; answers 1 ms before the erratum was recorded. */
async function recordSequel(store: EventStore, handler: CommandHandler): Promise<Instant> {
  for (const { title, envelope } of IllustrativeSequel.sequelSteps)
    orThrow(await handler.handle(envelope), title);
  const misprintCommand = IllustrativeSequel.sequelSteps.at(-1)?.envelope.commandId;
  const misprint = (await wholeLog(store)).find(
    (e) => e.type === 'OfficeHolderAppointed' && e.metadata.commandId === misprintCommand,
  );
  if (misprint === undefined) throw new Error('the misprinted appointment is not in the log');
  const erratumSteps = IllustrativeSequel.correctionSteps(misprint.eventId);
  for (const { title, envelope } of erratumSteps) orThrow(await handler.handle(envelope), title);
  const correction = erratumSteps.at(-1);
  if (correction === undefined) throw new Error('the erratum has no steps');
  return justBefore(store, correction.envelope.commandId);
}

/** Records the seed story (and the sequel when asked) and projects it into memory. */
export async function seedHistory(
  options: { readonly sequel?: boolean } = {},
): Promise<SeedHistory> {
  // A clock a minute further on at every reading, so that no two commands share an instant.
  let minutes = 0;
  const clock = () => instantOf(epochMillisecondsOf(RECORDING_START) + ++minutes * 60_000);
  const store = createInMemoryEventStore({ clock });
  const handler = createCommandHandler({ store });
  for (const { title, envelope } of Seed.seedSteps) orThrow(await handler.handle(envelope), title);
  const merger = Seed.seedSteps.find((step) => step.envelope.command.type === 'MergeBodies');
  const beforeMerger = await justBefore(store, merger?.envelope.commandId ?? '');
  const beforeErratum = options.sequel === true ? await recordSequel(store, handler) : undefined;
  const model = createInMemoryReadModel();
  const runner = startProjection({ store, projection: bitemporalProjection, target: model.target });
  try {
    await runner.waitUntilCaughtUp();
  } finally {
    await runner.stop();
  }
  return {
    queries: model.queries,
    personNames: namesFrom(handler),
    beforeMerger,
    ...(beforeErratum === undefined ? {} : { beforeErratum }),
  };
}
