/**
 * Applying events once: a batch applies, in one commit, exactly the events above the checkpoint
 * and moves the checkpoint to the last one; a failing event leaves the model as it was.
 *
 * @see docs/reference/domain.md rule 11
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { Instant } from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import type { StoredEvent } from '@mandate/eventstore';
import { bitemporalProjection } from './bitemporal-projection.js';
import { applyBatch, applyOnce, type CheckpointedModel } from './checkpoint.js';
import { memoryWorld, wholeLog } from './history.fixture.js';
import { createInMemoryReadModel } from './in-memory/read-model.js';
import type { Projection } from './projection.js';

/** A model that records what it was asked to commit. */
function recording(): CheckpointedModel<string[]> & {
  readonly commits: bigint[];
  applied: string[];
} {
  let checkpoint = 0n;
  let checkpointHash = '';
  const model = {
    commits: [] as bigint[],
    applied: [] as string[],
    checkpoint: () => checkpoint,
    checkpointHash: () => checkpointHash,
    commit: (position: bigint, hash: string, write: (applied: string[]) => void) => {
      const applied = [...model.applied];
      write(applied);
      model.applied = applied;
      model.commits.push(position);
      checkpoint = position;
      checkpointHash = hash;
    },
    reset: () => {
      checkpoint = 0n;
      checkpointHash = '';
      model.applied = [];
    },
  };
  return model;
}

const event = (position: bigint, type = 'Handled'): StoredEvent =>
  ({ position, type, stream: 'body-a' }) as StoredEvent;
const recordTypes: Projection<string[]> = {
  name: 'types',
  version: 1,
  handles: (e) => e.type === 'Handled',
  apply: (applied, e) => applied.push(`${e.type}@${e.position}`),
};

async function seedLog(): Promise<StoredEvent[]> {
  const { store, clock, handler } = memoryWorld('2018-12-05T02:00:00.000Z' as Instant);
  for (const step of Seed.seedSteps) {
    clock.advance(60_000);
    expect(E.isRight(await handler.handle(step.envelope))).toBe(true);
  }
  return wholeLog(store);
}

describe('applyBatch', () => {
  it('applies the events above the checkpoint in one commit, moving it to the last', async () => {
    const model = recording();
    expect(await applyOnce(model, recordTypes, event(2n))).toBe(true);
    const batch = [event(1n), event(2n), event(3n, 'Other'), event(4n), event(5n)];
    expect(await applyBatch(model, recordTypes, batch)).toBe(3);
    expect(model.commits).toEqual([2n, 5n]);
    expect(model.applied).toEqual(['Handled@2', 'Handled@4', 'Handled@5']);
    expect(await applyBatch(model, recordTypes, batch)).toBe(0);
    expect(model.commits).toEqual([2n, 5n]);
  });

  it('applies a whole log as one event at a time does, and nothing of a failing batch', async () => {
    const log = await seedLog();
    const oneByOne = createInMemoryReadModel();
    for (const stored of log) await applyOnce(oneByOne.target, bitemporalProjection, stored);
    const batched = createInMemoryReadModel();
    const [first, ...rest] = log;
    if (first === undefined) throw new Error('empty log');
    await applyBatch(batched.target, bitemporalProjection, [first]);
    const before = batched.rows();
    const corrupt = { ...first, stream: 'body-x', type: 'BodyEstablished', position: 10_000n };
    await expect(
      applyBatch(batched.target, bitemporalProjection, [...rest, corrupt]),
    ).rejects.toMatchObject({ _tag: 'CorruptEvent', stream: 'body-x', revision: first.revision });
    expect(batched.target.checkpoint()).toBe(first.position);
    expect(batched.rows()).toEqual(before);
    expect(await applyBatch(batched.target, bitemporalProjection, rest)).toBe(rest.length);
    expect(batched.rows()).toEqual(oneByOne.rows());
  });
});
