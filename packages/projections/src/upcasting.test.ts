/**
 * The read side reads old events through the upcasters it is given: a rebuild with
 * `bitemporalProjectionWith({ upcasters })` asks the registry for each stored event whose type or
 * version is not current, as the command handler's loaders do, instead of stopping at it as
 * unknown. (Every event type is at its first schema version today: a step that completes, on a
 * version the test declares, is in upcasting.int.test.ts.)
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
  type UpcasterRegistry,
} from '@mandate/eventstore';
import { bitemporalProjection, bitemporalProjectionWith } from './bitemporal-projection.js';
import { memoryWorld, wholeLog } from './history.fixture.js';
import { createInMemoryReadModel } from './in-memory/read-model.js';
import { catchUp } from './runner.js';

async function seedLog(): Promise<StoredEvent[]> {
  const { store, clock, handler } = memoryWorld('2018-12-05T02:00:00.000Z' as Instant);
  for (const step of Seed.seedSteps) {
    clock.advance(60_000);
    expect(E.isRight(await handler.handle(step.envelope))).toBe(true);
  }
  return wholeLog(store);
}

/** A store serving `log` as it is (catch-up uses only `readAll` and `subscribe`). */
function storeOf(log: ReadonlyArray<StoredEvent>): EventStore {
  const source: CatchUpSource = {
    readAll: ({ after = 0n, maxCount = 1_000 }) =>
      Promise.resolve(E.right(log.filter((event) => event.position > after).slice(0, maxCount))),
    lastPosition: () => Promise.resolve(E.right(log.at(-1)?.position ?? 0n)),
  };
  return {
    readAll: source.readAll,
    subscribe: (options) => createCatchUpSubscription(source, options),
  } as Partial<EventStore> as EventStore;
}

describe('upcasters on the read side', async () => {
  const log = await seedLog();
  const at = log.findIndex((event) => event.type === 'BodyEstablished');
  const legacy = log.map((event, i) => (i === at ? { ...event, type: 'BodyFounded' } : event));

  it('are asked on a rebuild for an event stored under an older type', async () => {
    const asked: Array<readonly [string, number]> = [];
    const upcasters: UpcasterRegistry = {
      find: (type, fromVersion) => {
        asked.push([type, fromVersion]);
        return undefined;
      },
    };
    const model = createInMemoryReadModel();
    const projection = bitemporalProjectionWith({ upcasters });
    const rebuilt = await catchUp({ store: storeOf(legacy), projection, target: model.target });
    expect(asked).toContainEqual(['BodyFounded', 1]);
    expect(E.isLeft(rebuilt) && rebuilt.left).toMatchObject({ _tag: 'CorruptEvent' });
  });

  it('are not asked for a log at its current versions, which rebuilds as without them', async () => {
    const asked: string[] = [];
    const upcasters: UpcasterRegistry = {
      find: (type) => {
        asked.push(type);
        return undefined;
      },
    };
    const withRegistry = createInMemoryReadModel();
    const without = createInMemoryReadModel();
    const store = storeOf(log);
    const a = await catchUp({
      store,
      projection: bitemporalProjectionWith({ upcasters }),
      target: withRegistry.target,
    });
    const b = await catchUp({ store, projection: bitemporalProjection, target: without.target });
    expect(E.isRight(a) && E.isRight(b)).toBe(true);
    expect(asked).toEqual([]);
    expect(withRegistry.target.checkpoint()).toBe(without.target.checkpoint());
  });
});
