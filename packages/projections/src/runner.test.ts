/**
 * A stored event that does not decode — its data broken, or a type the read side does not know
 * on a body or office stream — stops catch-up and a running projection with the port's
 * `CorruptEvent`, naming its stream and revision, and applies nothing of its page. A catch-up told
 * to build from zero tells a model with nothing applied that it is being rebuilt, and when it is
 * done however it ends, and leaves the same rows as a plain catch-up.
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
import type { CheckpointedModel } from './checkpoint.js';
import type { FactStore } from './fact-store.js';
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

/** `target` with its commits and rebuild notices recorded, in order. */
function recording(target: CheckpointedModel<FactStore>): {
  readonly target: CheckpointedModel<FactStore>;
  readonly calls: string[];
} {
  const calls: string[] = [];
  return {
    calls,
    target: {
      ...target,
      commit: (position, hash, write) => {
        calls.push('commit');
        return target.commit(position, hash, write);
      },
      rebuilding: () => void calls.push('rebuilding'),
      rebuilt: () => void calls.push('rebuilt'),
    },
  };
}

/** The calls in order, every run of commits as one. */
const squeezed = (calls: ReadonlyArray<string>): string[] =>
  calls.filter((call, i) => call !== 'commit' || calls[i - 1] !== 'commit');

describe('a catch-up that builds from zero', async () => {
  const log = await seedLog();
  const projection = bitemporalProjection;

  it('tells a model with nothing applied it is rebuilt, and leaves the rows a catch-up does', async () => {
    const plain = createInMemoryReadModel();
    await catchUp({ store: storeOf(log), projection, target: plain.target });
    const built = createInMemoryReadModel();
    const { target, calls } = recording(built.target);
    const caught = await catchUp(
      { store: storeOf(log), projection, target },
      { buildFromZero: true, pageSize: 7 },
    );
    expect(caught).toEqual(E.right({ position: log.at(-1)?.position, events: log.length }));
    expect(squeezed(calls)).toEqual(['rebuilding', 'commit', 'rebuilt']);
    expect(built.rows()).toEqual(plain.rows());
  });

  it('catches up a model that has applied events as a plain catch-up does', async () => {
    const model = createInMemoryReadModel();
    await catchUp({ store: storeOf(log.slice(0, 10)), projection, target: model.target });
    const { target, calls } = recording(model.target);
    await catchUp({ store: storeOf(log), projection, target }, { buildFromZero: true });
    expect(squeezed(calls)).toEqual(['commit']);
  });

  it('tells nothing when not asked to build from zero', async () => {
    const { target, calls } = recording(createInMemoryReadModel().target);
    await catchUp({ store: storeOf(log), projection, target });
    expect(squeezed(calls)).toEqual(['commit']);
  });

  it('tells the model it is done when a corrupt event stops the build', async () => {
    const corrupted = log.map((event, i) => (i === 20 ? { ...event, data: {} } : event));
    const { target, calls } = recording(createInMemoryReadModel().target);
    const caught = await catchUp(
      { store: storeOf(corrupted), projection, target },
      { buildFromZero: true, pageSize: 5 },
    );
    expect(caught).toEqual(E.left(expect.objectContaining({ _tag: 'CorruptEvent' })));
    expect(calls.at(0)).toBe('rebuilding');
    expect(calls.at(-1)).toBe('rebuilt');
  });

  it('is how a rebuild builds', async () => {
    const { target, calls } = recording(createInMemoryReadModel().target);
    const runner = startProjection({ store: storeOf(log), projection, target });
    await runner.waitUntilCaughtUp();
    calls.length = 0;
    await runner.rebuild({ pageSize: 9 });
    await runner.stop();
    expect(squeezed(calls)).toEqual(['rebuilding', 'commit', 'rebuilt']);
  });
});
