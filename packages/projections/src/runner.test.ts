/**
 * A stored event that does not decode — its data broken, or a type the read side does not know
 * on a body or office stream — stops catch-up and a running projection with the port's
 * `CorruptEvent`, naming its stream and revision, and applies nothing of its page.
 *
 * @see docs/reference/domain.md rule 12
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { Instant } from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import {
  createCatchUpSubscription,
  type CatchUpSource,
  type EventStore,
  type StoredEvent,
} from '@mandate/eventstore';
import { bitemporalProjection } from './bitemporal-projection.js';
import { memoryWorld, wholeLog } from './history.fixture.js';
import { createInMemoryReadModel } from './in-memory/read-model.js';
import { catchUp, startProjection } from './runner.js';

async function seedLog(): Promise<StoredEvent[]> {
  const { store, clock, handler } = memoryWorld('2018-12-05T02:00:00.000Z' as Instant);
  for (const step of Seed.seedSteps) {
    clock.advance(60_000);
    expect(E.isRight(await handler.handle(step.envelope))).toBe(true);
  }
  return wholeLog(store);
}

/** A store serving `log` as it is, read back without checks (as a store reads what it holds). */
function storeOf(log: ReadonlyArray<StoredEvent>): EventStore {
  const source: CatchUpSource = {
    readAll: ({ after = 0n, maxCount = 1_000 }) =>
      Promise.resolve(E.right(log.filter((event) => event.position > after).slice(0, maxCount))),
    lastPosition: () => Promise.resolve(E.right(log.at(-1)?.position ?? 0n)),
  };
  // Catch-up and start use only these two of the port.
  return {
    readAll: source.readAll,
    subscribe: (options) => createCatchUpSubscription(source, options),
  } as Partial<EventStore> as EventStore;
}

describe('a corrupt event on the read side', async () => {
  const log = await seedLog();
  const at = log.findIndex((event) => event.stream.startsWith('body-'));
  const original = log[at];
  if (original === undefined) throw new Error('no body event in the seed');
  const corruptions = {
    'data that does not decode': { ...original, data: {} },
    'a type the read side does not know': { ...original, type: 'BodyRenamedTwice' },
  };
  const expected = { _tag: 'CorruptEvent', stream: original.stream, revision: original.revision };

  for (const [name, corrupt] of Object.entries(corruptions)) {
    const corrupted = log.map((event, i) => (i === at ? corrupt : event));

    it(`stops catch-up with a CorruptEvent: ${name}`, async () => {
      const model = createInMemoryReadModel();
      const target = model.target;
      const caughtUp = await catchUp({
        store: storeOf(corrupted),
        projection: bitemporalProjection,
        target,
      });
      expect(caughtUp).toEqual(E.left(expect.objectContaining(expected)));
      expect(target.checkpoint()).toBe(0n);
      expect(model.rows()).toEqual([]);
    });

    it(`stops a running projection with a CorruptEvent: ${name}`, async () => {
      const model = createInMemoryReadModel();
      const errors: unknown[] = [];
      const runner = startProjection({
        store: storeOf(corrupted),
        projection: bitemporalProjection,
        target: model.target,
        onError: (error) => errors.push(error),
      });
      await expect(runner.waitUntilCaughtUp()).rejects.toMatchObject(expected);
      await runner.stop();
      expect(errors).toEqual([expect.objectContaining(expected)]);
      expect(model.target.checkpoint()).toBe(original.position - 1n);
    });
  }
});
