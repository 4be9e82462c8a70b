/**
 * The seed story's answers from the in-memory read model, built live by the runner while the seed
 * steps are submitted through the command handler: who sits on the successor on 2019-01-01, its
 * duties with provenance, its lineage — and, before the merger was recorded, that nothing of it
 * was known. Every answer also equals the oracle's.
 */
import * as E from 'fp-ts/Either';
import { beforeAll, describe, expect, it } from 'vitest';
import { unsafeCalendarDate, type BodyId, type Instant } from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import type { StoredEvent } from '@mandate/eventstore';
import { bitemporalProjection } from './bitemporal-projection.js';
import { memoryWorld, wholeLog } from './history.fixture.js';
import { createInMemoryReadModel } from './in-memory/read-model.js';
import { createOracle } from './oracle.js';
import { startProjection } from './runner.js';
import type { ReadModelQueries } from './views.js';

const successor = Seed.SeedIds.successor as BodyId;
const jan2019 = unsafeCalendarDate('2019-01-01');
const HOUR = 3_600_000;

describe('the seed story, projected', () => {
  let model: ReadModelQueries;
  let oracle: ReadModelQueries;
  let log: ReadonlyArray<StoredEvent>;
  let beforeMerger: Instant;

  beforeAll(async () => {
    const { store, clock, handler } = memoryWorld('2018-12-05T02:00:00.000Z' as Instant);
    const readModel = createInMemoryReadModel();
    const runner = startProjection({
      store,
      projection: bitemporalProjection,
      target: readModel.target,
    });
    for (const step of Seed.seedSteps) {
      if (step.envelope.command.type === 'MergeBodies') beforeMerger = clock.now();
      clock.advance(HOUR);
      const result = await handler.handle(step.envelope);
      expect(E.isRight(result), step.title).toBe(true);
    }
    await runner.waitUntilCaughtUp();
    await runner.stop();
    model = readModel.queries;
    log = await wholeLog(store);
    oracle = createOracle(log);
  });

  it('seats the Chairman, named, as head, and leaves offices with no holder vacant', async () => {
    const roster = await model.roster(successor, jan2019);
    expect(roster).toHaveLength(17);
    expect(roster[0]).toEqual({
      seatId: 'truong-ban',
      roles: ['head'],
      holder: { follows: 'person', person: 'nguyen-van-tram', asOffice: 'chu-tich-ubnd-tinh' },
      occupant: {
        kind: 'person',
        person: 'nguyen-van-tram',
        via: 'named',
        asOffice: 'chu-tich-ubnd-tinh',
      },
    });
    expect(roster[2]?.roles).toEqual(['standing-member', 'secretary']);
    expect(roster[2]?.occupant).toEqual({ kind: 'vacant', office: 'giam-doc-so-tttt' });
    expect(roster).toEqual(await oracle.roster(successor, jan2019));
  });

  it('lists its six duties, each its own', async () => {
    const duties = await model.duties(successor, jan2019);
    expect(duties.map((d) => [d.dutyId, d.category])).toEqual(
      Seed.seedDuties.map(([id, category]) => [id, category]),
    );
    expect(duties.every((d) => d.provenance.kind === 'own')).toBe(true);
    expect(duties).toEqual(await oracle.duties(successor, jan2019));
  });

  it('links the successor to its three predecessors, and each of them to it', async () => {
    const body = await model.body(successor, jan2019);
    expect(body?.status).toBe('active');
    expect(body?.predecessors).toEqual(Object.values(Seed.SeedIds.predecessors));
    for (const id of Object.values(Seed.SeedIds.predecessors)) {
      const predecessor = await model.body(id as BodyId, jan2019);
      expect(predecessor?.status).toBe('ended');
      expect(predecessor?.end).toMatchObject({ reason: 'merger', successors: [successor] });
    }
    expect(await model.bodies(jan2019)).toEqual(await oracle.bodies(jan2019));
  });

  it('knew nothing of the successor before the merger was recorded', async () => {
    expect(await model.body(successor, jan2019, beforeMerger)).toBeUndefined();
    expect(await model.roster(successor, jan2019, beforeMerger)).toEqual([]);
    expect((await model.bodies(jan2019, beforeMerger)).map((b) => b.status)).toEqual([
      'active',
      'active',
      'active',
    ]);
    expect(await model.bodies(jan2019, beforeMerger)).toEqual(
      await oracle.bodies(jan2019, beforeMerger),
    );
  });
});
