/**
 * Test fixture: a read model built from one store refuses to resume from a store that does not
 * hold its checkpoint — one whose log is shorter (a restored backup, commits lost to power loss)
 * or holds another event at that position — with a typed error, changing nothing; every read
 * model (memory, SQLite, PostgreSQL) is held to it.
 */
import * as E from 'fp-ts/Either';
import { expect } from 'vitest';
import type { Instant } from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import type { EventStore } from '@mandate/eventstore';
import { bitemporalProjection } from './bitemporal-projection.js';
import type { CheckpointedModel } from './checkpoint.js';
import type { FactStore } from './fact-store.js';
import { memoryWorld } from './history.fixture.js';
import { catchUp, startProjection } from './runner.js';

/** A store holding the first `steps` seed commands, recorded from `start`. */
async function seededStore(start: Instant, steps = Seed.seedSteps.length): Promise<EventStore> {
  const { store, clock, handler } = memoryWorld(start);
  for (const step of Seed.seedSteps.slice(0, steps)) {
    clock.advance(60_000);
    expect(E.isRight(await handler.handle(step.envelope))).toBe(true);
  }
  return store;
}

/**
 * Builds `target` from the seed, then checks that catch-up and start both refuse a shorter store
 * (`CheckpointAhead`) and a store holding another event at the checkpoint (`CheckpointMismatch`),
 * leaving the checkpoint and `contents` (what the model holds) as they were.
 */
export async function expectCheckpointGuard(
  target: CheckpointedModel<FactStore>,
  contents: () => unknown,
): Promise<void> {
  const original = await seededStore('2018-12-05T02:00:00.000Z' as Instant);
  const built = await catchUp({ store: original, projection: bitemporalProjection, target });
  expect(E.isRight(built)).toBe(true);
  const position = target.checkpoint();
  const hash = target.checkpointHash();
  expect(position).toBeGreaterThan(0n);
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  const before = await contents();

  const shorter = await seededStore('2018-12-05T02:00:00.000Z' as Instant, 3);
  const other = await seededStore('2018-12-06T02:00:00.000Z' as Instant);
  const refusals = [
    { store: shorter, refusal: { _tag: 'CheckpointAhead', position, expected: hash } },
    { store: other, refusal: { _tag: 'CheckpointMismatch', position, expected: hash } },
  ];
  for (const { store, refusal } of refusals) {
    const caughtUp = await catchUp({ store, projection: bitemporalProjection, target });
    expect(caughtUp).toEqual(E.left(expect.objectContaining(refusal)));
    const errors: unknown[] = [];
    const runner = startProjection({
      store,
      projection: bitemporalProjection,
      target,
      onError: (error) => errors.push(error),
    });
    await expect(runner.waitUntilCaughtUp()).rejects.toMatchObject(refusal);
    await runner.stop();
    expect(errors).toEqual([expect.objectContaining(refusal)]);
    expect(target.checkpoint()).toBe(position);
    expect(target.checkpointHash()).toBe(hash);
    expect(await contents()).toEqual(before);
  }
  const mismatch = await catchUp({ store: other, projection: bitemporalProjection, target });
  if (E.isRight(mismatch) || mismatch.left._tag !== 'CheckpointMismatch')
    throw new Error('expected a CheckpointMismatch');
  expect(mismatch.left.actual).toMatch(/^[0-9a-f]{64}$/);
  expect(mismatch.left.actual).not.toBe(hash);

  const resumed = await catchUp({ store: original, projection: bitemporalProjection, target });
  expect(resumed).toEqual(E.right({ position, events: 0 }));
}
