/**
 * The blue/green scenario every storage (memory, SQLite, PostgreSQL) is held to, on the seed
 * story: version 1 is deployed and serves; version 2 is deployed and stopped part-way (a crash
 * before the swap) while version 1 keeps answering; after a restart, deploying version 2 again
 * resumes its build (not from zero), applies an event that arrives as it reaches the end of the
 * log, and only then swaps it in and records it;
 * another restart serves version 2 at once; retiring drops version 1's tables only.
 *
 * @see docs/reference/domain.md rule 11
 */
import * as E from 'fp-ts/Either';
import { expect } from 'vitest';
import { unsafeCalendarDate, type BodyId, type Instant } from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import type { EventStore } from '@mandate/eventstore';
import { expectSameAnswers } from './answers.fixture.js';
import { bitemporalProjection } from './bitemporal-projection.js';
import {
  deployProjection,
  type ActiveVersionRegistry,
  type Deployment,
  type DeploymentOutcome,
  type VersionedReadModel,
} from './blue-green.js';
import type { FactStore } from './fact-store.js';
import { memoryWorld, wholeLog } from './history.fixture.js';
import { createOracle } from './oracle.js';
import type { Projection } from './projection.js';
import type { RebuildProgress } from './runner.js';
import type { ReadModelQueries } from './views.js';

type Model = VersionedReadModel<FactStore, ReadModelQueries>;

/** One process's view of a storage: open and drop versions, its registry, its table names. */
export interface BlueGreenStorage {
  readonly open: (version: number) => Model | Promise<Model>;
  readonly drop: (version: number) => void | Promise<void>;
  readonly active: ActiveVersionRegistry;
  /** The names of the tables (or models) the storage holds for the projection. */
  readonly tables: () => Promise<ReadonlyArray<string>>;
}

const version = (v: number): Projection<FactStore> => ({ ...bitemporalProjection, version: v });
const V1 = version(1);
const V2 = version(2);
const question = {
  bodyId: Seed.SeedIds.successor as BodyId,
  on: unsafeCalendarDate('2019-01-01'),
  knownAt: undefined,
};

/**
 * A storage whose opened models are remembered, to compare them with what serves, and whose
 * registry notes the checkpoint each version had when it was recorded as active (and, for models
 * that vacuum, when each was vacuumed).
 */
function watched(storage: BlueGreenStorage): BlueGreenStorage & {
  readonly opened: Map<number, Model>;
  readonly activatedAt: Map<number, bigint | undefined>;
  readonly vacuumedAt: Map<number, bigint>;
} {
  const opened = new Map<number, Model>();
  const activatedAt = new Map<number, bigint | undefined>();
  const vacuumedAt = new Map<number, bigint>();
  return {
    ...storage,
    opened,
    activatedAt,
    vacuumedAt,
    open: async (v) => {
      const model = await storage.open(v);
      const { vacuum } = model;
      const seen: Model =
        vacuum === undefined
          ? model
          : {
              ...model,
              vacuum: async () => {
                vacuumedAt.set(v, model.target.checkpoint());
                await vacuum();
              },
            };
      opened.set(v, seen);
      return seen;
    },
    active: {
      active: storage.active.active,
      activate: (name, v) => {
        activatedAt.set(v, opened.get(v)?.target.checkpoint());
        return storage.active.activate(name, v);
      },
    },
  };
}

/** Deploys `projection` over `store`, stopping the build at its first page when `crash` is set. */
async function deploy(
  store: EventStore,
  storage: BlueGreenStorage,
  projection: Projection<FactStore>,
  progress: RebuildProgress[] = [],
  crash = false,
): Promise<Deployment<ReadModelQueries>> {
  const started: { deployment?: Deployment<ReadModelQueries> } = {};
  const deployed = await deployProjection({
    store,
    projection,
    previous: V1,
    open: storage.open,
    drop: storage.drop,
    active: storage.active,
    pageSize: 4,
    onProgress: (p) => {
      progress.push(p);
      if (crash) void started.deployment?.stop();
    },
  });
  started.deployment = deployed;
  if (crash && progress.length > 0) void deployed.stop();
  return deployed;
}

const outcomeOf = async (deployment: Deployment<unknown>): Promise<DeploymentOutcome> => {
  const outcome = await deployment.outcome;
  if (E.isLeft(outcome)) throw new Error(`deployment failed: ${outcome.left.message}`);
  return outcome.right;
};

/** Runs the scenario; `restart` gives a fresh process's view of the same storage. */
export async function blueGreenScenario(restart: () => Promise<BlueGreenStorage>): Promise<void> {
  const { store, clock, handler } = memoryWorld('2018-12-05T02:00:00.000Z' as Instant);
  const steps = Seed.seedSteps;
  const lastStep = steps.at(-1);
  if (lastStep === undefined) throw new Error('the seed has no steps');
  for (const step of steps.slice(0, -1)) {
    clock.advance(60_000);
    expect(E.isRight(await handler.handle(step.envelope))).toBe(true);
  }
  const before = await wholeLog(store);

  // Version 1, the first one deployed, is built, recorded and serves.
  let storage = watched(await restart());
  const first = await deployProjection({
    store,
    projection: V1,
    open: storage.open,
    drop: storage.drop,
    active: storage.active,
  });
  expect(await outcomeOf(first)).toEqual({ _tag: 'Serving', version: 1, events: before.length });
  expect(await storage.active.active('mandate')).toBe(1);
  await first.stop();

  // Version 2 is stopped after its first page: version 1 answered meanwhile, and still serves.
  const crashed: RebuildProgress[] = [];
  const building = await deploy(store, storage, V2, crashed, true);
  expect(building.serving()).toBe(1);
  expect(building.queries()).toBe(storage.opened.get(1)?.queries);
  const stopped = await outcomeOf(building);
  expect(stopped._tag).toBe('Stopped');
  await building.stop();
  const partial = storage.opened.get(2)?.target.checkpoint() ?? 0n;
  expect(partial).toBeGreaterThan(0n);
  expect(partial).toBeLessThan(before.at(-1)?.position ?? 0n);
  await expectSameAnswers(building.queries(), createOracle(before), question);
  expect(await storage.active.active('mandate')).toBe(1);

  // After a restart, version 2 resumes and reads the log to its end; a new event arrives just
  // then, and the swap waits until version 2 has applied it too.
  storage = watched(await restart());
  let arrived = false;
  const arriving: EventStore = {
    ...store,
    readAll: async (options) => {
      const page = await store.readAll(options);
      if (E.isRight(page) && page.right.length === 0 && !arrived) {
        arrived = true;
        clock.advance(60_000);
        expect(E.isRight(await handler.handle(lastStep.envelope))).toBe(true);
      }
      return page;
    },
  };
  const resumed: RebuildProgress[] = [];
  const deployment = await deploy(arriving, storage, V2, resumed);
  expect(deployment.serving()).toBe(1);
  const swapped = await outcomeOf(deployment);
  const log = await wholeLog(store);
  expect(log.length).toBe(before.length + 1);
  expect(storage.activatedAt.get(2)).toBe(log.at(-1)?.position);
  if (storage.opened.get(2)?.vacuum !== undefined)
    expect(storage.vacuumedAt.get(2)).toBe(log.at(-1)?.position);
  expect(swapped).toMatchObject({ _tag: 'Serving', version: 2, replaced: 1 });
  expect(resumed[0]?.events).toBeLessThan(before.length);
  expect(deployment.serving()).toBe(2);
  expect(deployment.queries()).toBe(storage.opened.get(2)?.queries);
  expect(await storage.active.active('mandate')).toBe(2);
  await expectSameAnswers(deployment.queries(), createOracle(log), question);

  // Resumed or not, version 2 answers as the oracle on other dates too.
  for (const on of ['2018-12-01', '2019-06-01', '2021-01-01'].map(unsafeCalendarDate))
    await expectSameAnswers(deployment.queries(), createOracle(log), { ...question, on });

  // Retiring drops version 1's tables only, once.
  expect(await deployment.retire()).toBe(1);
  expect(await deployment.retire()).toBeUndefined();
  const tables = await storage.tables();
  expect(tables.filter((name) => name.startsWith('mandate_v1'))).toEqual([]);
  expect(tables.filter((name) => name.startsWith('mandate_v2')).length).toBeGreaterThan(0);
  await deployment.stop();

  // After another restart the recorded version serves at once.
  storage = watched(await restart());
  const again = await deploy(store, storage, V2);
  expect(await outcomeOf(again)).toEqual({ _tag: 'Serving', version: 2, events: 0 });
  expect(again.serving()).toBe(2);
  await again.waitUntilCaughtUp();
  await expectSameAnswers(again.queries(), createOracle(log), question);
  await again.stop();
}
