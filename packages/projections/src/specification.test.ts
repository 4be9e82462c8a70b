/**
 * The projection specification on the seed story: each answer is what the decision says, and
 * delivering every event again (three times) changes nothing; and a wrong expectation fails.
 */
import { isDeepStrictEqual } from 'node:util';
import * as E from 'fp-ts/Either';
import { beforeAll, describe, expect, it } from 'vitest';
import { unsafeCalendarDate, type BodyId, type Instant } from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import type { StoredEvent } from '@mandate/eventstore';
import { answerOf } from './answers.fixture.js';
import { bitemporalProjection } from './bitemporal-projection.js';
import { memoryWorld, wholeLog } from './history.fixture.js';
import { createInMemoryReadModel } from './in-memory/read-model.js';
import { ProjectionSpecification } from './specification.js';

const spec = ProjectionSpecification({
  projection: bitemporalProjection,
  fresh: createInMemoryReadModel,
  equal: isDeepStrictEqual,
});
const successor = Seed.SeedIds.successor as BodyId;
const on = unsafeCalendarDate('2019-01-01');

describe('ProjectionSpecification', () => {
  let log: ReadonlyArray<StoredEvent>;
  beforeAll(async () => {
    const { store, clock, handler } = memoryWorld('2018-12-05T02:00:00.000Z' as Instant);
    for (const step of Seed.seedSteps) {
      clock.advance(60_000);
      expect(E.isRight(await handler.handle(step.envelope))).toBe(true);
    }
    log = await wholeLog(store);
  });

  it('answers the successor’s duties, unchanged by redelivered events', async () => {
    await spec
      .given(log)
      .when(async (q) => (await answerOf(q.duties(successor, on))).map((d): string => d.dutyId))
      .then(Seed.seedDuties.map(([id]): string => id));
  });

  it('answers the successor’s head, unchanged by redelivered events', async () => {
    await spec
      .given(log)
      .when(async (q) => (await answerOf(q.roster(successor, on)))[0]?.occupant)
      .then({
        kind: 'person',
        person: 'nguyen-van-tram',
        via: 'named',
        acting: false,
        asOffice: 'chu-tich-ubnd-tinh',
        holdsOffice: true,
      } as never);
  });

  it('fails on a wrong expectation', async () => {
    await expect(
      spec
        .given(log)
        .when(async (q) => (await answerOf(q.roster(successor, on))).length)
        .then(16),
    ).rejects.toThrow(/Expected 16, got 17/);
  });
});
