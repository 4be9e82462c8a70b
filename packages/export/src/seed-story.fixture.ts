/**
 * The 2018 seed story (and, on request, its illustrative sequel with a correction) recorded
 * through the application's command handler on the in-memory event store, then projected into
 * the in-memory read model: the queries the export tests ask, as the example's tests build them.
 */
import * as E from 'fp-ts/lib/Either.js';
import { createCommandHandler, type CommandHandler } from '@mandate/application';
import type { PersonId } from '@mandate/core';
import { IllustrativeSequel, Seed } from '@mandate/core/testing';
import { createInMemoryEventStore, type EventStore } from '@mandate/eventstore';
import {
  bitemporalProjection,
  createInMemoryReadModel,
  startProjection,
  type ReadModelQueries,
} from '@mandate/projections';
import type { PersonNames } from './gather.js';

/** The seed story's store, its read model's queries, and the registered names of its persons. */
export interface SeedHistory {
  readonly store: EventStore;
  readonly queries: ReadModelQueries;
  readonly personNames: PersonNames;
}

const orThrow = <A>(result: E.Either<{ readonly message: string }, A>, what: string): A => {
  if (E.isLeft(result)) throw new Error(`${what}: ${result.left.message}`);
  return result.right;
};

/** Looks a person's registered name up in their stream. */
const namesFrom =
  (handler: CommandHandler): PersonNames =>
  async (person: PersonId) => {
    const { state } = orThrow(await handler.loadPerson(person), person);
    return state.status === 'registered' ? state.name : undefined;
  };

/** Records the seed story (and the sequel when asked) and projects it into memory. */
export async function seedHistory(
  options: { readonly sequel?: boolean } = {},
): Promise<SeedHistory> {
  const store = createInMemoryEventStore();
  const handler = createCommandHandler({ store });
  for (const { title, envelope } of Seed.seedSteps) orThrow(await handler.handle(envelope), title);
  if (options.sequel === true)
    for (const { title, envelope } of IllustrativeSequel.sequelSteps)
      orThrow(await handler.handle(envelope), title);
  const model = createInMemoryReadModel();
  const runner = startProjection({ store, projection: bitemporalProjection, target: model.target });
  try {
    await runner.waitUntilCaughtUp();
  } finally {
    await runner.stop();
  }
  return { store, queries: model.queries, personNames: namesFrom(handler) };
}
