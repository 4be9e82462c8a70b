/**
 * DOMAIN rule 11 inside one append: over generated histories with reorganisations that write
 * several body streams in one append (a merger, a split, an absorption) and a district split with
 * its bodies' transfers submitted as one batch, a read model caught up to a position that falls
 * between two events of one such append answers every query as the oracle given the same events
 * does; and caught up from there to the end of the log, it equals a read model rebuilt from zero.
 * In memory at every cut inside every multi-stream append; on a real SQLite file and on the real
 * PostgreSQL server at a generated cut, opened again there so that it folds its streams from what
 * it stored.
 *
 * @see docs/reference/domain.md rule 11
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createBatchHandler } from '@mandate/application';
import { createPostgresReadModel } from '@mandate/adapter-postgres/read-model';
import { createSqliteReadModel } from '@mandate/adapter-sqlite/read-model';
import type { AuthorityId, BodyId, CalendarDate } from '@mandate/core';
import { BodyArbitraries } from '@mandate/core/testing';
import type { EventStore, StoredEvent } from '@mandate/eventstore';
import { postgresForTests } from '../../adapter-postgres/src/read-model/server.fixture.js';
import {
  AUTHORITIES_ASKED,
  expectSameAnswers,
  expectSameRefusals,
  knownAtOf,
  questionPicks,
} from './answers.fixture.js';
import { bitemporalProjection } from './bitemporal-projection.js';
import {
  REORGANISED_BODIES,
  SPLIT_DISTRICTS,
  authoritySplitBatch,
  history,
  registerProvince,
} from './generated-history.fixture.js';
import {
  MINUTE,
  RECORDING_START,
  envelope,
  memoryWorld,
  recordCitedInstruments,
  wholeLog,
  withEventIds,
} from './history.fixture.js';
import { createInMemoryReadModel } from './in-memory/read-model.js';
import { createOracle } from './oracle.js';
import type { Projection } from './projection.js';
import type { CheckpointedModel } from './checkpoint.js';
import type { FactStore } from './fact-store.js';
import { catchUp } from './runner.js';
import type { ReadModelQueries } from './views.js';

/** The bodies questions are asked about: the generated one and those reorganised or moved. */
const ASKED_BODIES: ReadonlyArray<BodyId> = [
  BodyArbitraries.BODY,
  ...REORGANISED_BODIES,
  'bcd-hop-nhat',
  'bcd-tach-1',
  'bcd-huyen-1',
  'bcd-huyen-2',
].map((body) => body as BodyId);

/** The authorities whose bodies are asked for: the generated ones and the split district's. */
const authorities = [...AUTHORITIES_ASKED, ...SPLIT_DISTRICTS].map((id) => id as AuthorityId);

/** A history with a district split batch placed among its commands, and questions to ask. */
const scenario = fc.record({
  generated: history,
  split: authoritySplitBatch,
  at: fc.nat(),
  questions: questionPicks(1, 2),
  bodies: fc.array(fc.constantFrom(...ASKED_BODIES), { minLength: 2, maxLength: 2 }),
  cut: fc.nat(),
});

/**
 * Submits the history through the command handler, the split batch (one append) at its place,
 * and answers the whole log.
 */
async function submitted({ generated: { commands, steps }, split, at }: Scenario): Promise<{
  readonly store: EventStore;
  readonly log: ReadonlyArray<StoredEvent>;
}> {
  const { store, clock, handler } = memoryWorld(RECORDING_START);
  const batches = createBatchHandler({ store });
  await recordCitedInstruments(handler, [registerProvince, ...commands, ...split.prelude]);
  await handler.handle(envelope('register-province', registerProvince));
  for (const [i, command] of split.prelude.entries())
    await handler.handle(envelope(`prelude-${i}`, command));
  const place = at % (commands.length + 1);
  for (const [i, command] of [...commands, undefined].entries()) {
    if (i === place)
      await batches.handleBatch(
        { commandId: 'split-batch', actor: 'clerk@ubnd-binh-phuoc', commands: split.batch },
        { eventIds: (c, e) => `split-${c}-${e}` },
      );
    if (command === undefined) break;
    clock.advance((steps[i] ?? 1) * MINUTE);
    await handler.handle(envelope(`command-${i}`, await withEventIds(store, command)));
  }
  return { store, log: await wholeLog(store) };
}

type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

/**
 * The appends of the log that write several streams, each as the places of its events in the
 * log: an append is one command (or one batch), and every event of it carries the command's id.
 */
function multiStreamAppends(log: ReadonlyArray<StoredEvent>): number[][] {
  const appends = new Map<string, number[]>();
  for (const [i, event] of log.entries()) {
    const commandId = (event.metadata as { readonly commandId: string }).commandId;
    appends.set(commandId, [...(appends.get(commandId) ?? []), i]);
  }
  return [...appends.values()].filter(
    (places) => new Set(places.map((i) => log[i]?.stream)).size > 1,
  );
}

/**
 * The cuts inside multi-stream appends: each the length of a prefix of the log that ends after
 * one event of such an append and before its last.
 */
const cutsInside = (appends: ReadonlyArray<ReadonlyArray<number>>): number[] =>
  appends.flatMap((places) => places.slice(0, -1).map((i) => i + 1));

/** A store serving the first `length` events of `log`: all that catch-up reads. */
function prefixOf(log: ReadonlyArray<StoredEvent>, length: number): EventStore {
  const prefix = log.slice(0, length);
  const readAll: EventStore['readAll'] = ({ after = 0n, maxCount = 1_000 } = {}) =>
    Promise.resolve(E.right(prefix.filter((e) => e.position > after).slice(0, maxCount)));
  return { readAll } as Partial<EventStore> as EventStore;
}

/** Asks `model` and the oracle of `log` the generated questions, about each asked body. */
async function expectAsOracle(
  model: ReadModelQueries,
  log: ReadonlyArray<StoredEvent>,
  { questions, bodies }: Scenario,
): Promise<void> {
  const oracle = createOracle(log);
  for (const [on, pick] of questions)
    for (const bodyId of bodies) {
      const question = {
        bodyId,
        on: on as CalendarDate,
        knownAt: knownAtOf(log, pick),
        authorities,
      };
      await expectSameAnswers(model, oracle, question);
      await expectSameRefusals(model, oracle, question);
    }
}

/** Brings `target` up to every event `store` serves; a failure fails the test. */
async function caughtUp(store: EventStore, target: CheckpointedModel<FactStore>): Promise<void> {
  const reached = await catchUp({ store, projection: bitemporalProjection, target });
  if (E.isLeft(reached)) throw new Error(reached.left.message);
}

/** A read model of a database backend: its checkpointed target and its queries. */
interface StoredModel {
  readonly target: CheckpointedModel<FactStore>;
  readonly queries: ReadModelQueries;
}

/**
 * On a generated cut inside a multi-stream append of the history (none: 0 is returned, nothing
 * checked): the model `beforeCut` opens is caught up to the cut; the one `afterCut` opens on the
 * same storage answers as the oracle of the prefix, is caught up to the end of the log, and then
 * answers as the oracle of the whole log and as the model `rebuilt` opens, rebuilt from zero.
 */
async function expectCutAndRebuild(
  generated: Scenario,
  models: {
    readonly beforeCut: () => Promise<StoredModel>;
    readonly afterCut: () => Promise<StoredModel>;
    readonly rebuilt: () => Promise<StoredModel>;
  },
): Promise<number> {
  const { store, log } = await submitted(generated);
  const cuts = cutsInside(multiStreamAppends(log));
  const cut = cuts[generated.cut % Math.max(1, cuts.length)];
  if (cut === undefined) return 0;
  await caughtUp(prefixOf(log, cut), (await models.beforeCut()).target);
  const model = await models.afterCut();
  await expectAsOracle(model.queries, log.slice(0, cut), generated);
  await caughtUp(store, model.target);
  const rebuilt = await models.rebuilt();
  await caughtUp(store, rebuilt.target);
  await expectAsOracle(model.queries, log, generated);
  for (const [on, pick] of generated.questions)
    for (const bodyId of generated.bodies) {
      const question = {
        bodyId,
        on: on as CalendarDate,
        knownAt: knownAtOf(log, pick),
        authorities,
      };
      await expectSameAnswers(model.queries, rebuilt.queries, question);
    }
  return 1;
}

const seen = { cuts: 0, splitBatches: 0, reorganisations: 0 };

describe('a read model cut inside a multi-stream append (rule 11)', () => {
  it('in memory, at every cut: answers as the oracle of the prefix, then continues to a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (generated) => {
        const { store, log } = await submitted(generated);
        const rebuilt = createInMemoryReadModel();
        await caughtUp(store, rebuilt.target);
        const appends = multiStreamAppends(log);
        for (const places of appends)
          if (places.some((i) => log[i]?.stream === 'authorities')) seen.splitBatches += 1;
          else seen.reorganisations += 1;
        for (const cut of cutsInside(appends)) {
          seen.cuts += 1;
          const model = createInMemoryReadModel();
          await caughtUp(prefixOf(log, cut), model.target);
          await expectAsOracle(model.queries, log.slice(0, cut), generated);
          await caughtUp(store, model.target);
          expect(model.rows()).toEqual(rebuilt.rows());
        }
      }),
      { numRuns: 30 },
    );
    // The histories must reach both kinds of append, or the property proves little.
    for (const [kind, count] of Object.entries(seen)) expect(count, kind).toBeGreaterThan(0);
  }, 300_000);

  const directory = mkdtempSync(join(tmpdir(), 'mandate-append-cut-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  let files = 0;

  it('on a SQLite file, reopened at a generated cut: answers as the oracle, then as a rebuild', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (generated) => {
        const file = join(directory, `cut-${++files}.sqlite`);
        const connections: Database.Database[] = [];
        const open = (path: string) => {
          const db = new Database(path);
          connections.push(db);
          return createSqliteReadModel(db, bitemporalProjection);
        };
        checked += await expectCutAndRebuild(generated, {
          beforeCut: () => Promise.resolve(open(file)),
          // The first connection is closed, so this one folds the streams from what it stored.
          afterCut: () => {
            connections[0]?.close();
            return Promise.resolve(open(file));
          },
          rebuilt: () => Promise.resolve(open(join(directory, `rebuilt-${files}.sqlite`))),
        });
        for (const db of connections) if (db.open) db.close();
      }),
      { numRuns: 10 },
    );
    expect(checked).toBeGreaterThan(0);
  }, 300_000);

  const postgres = postgresForTests(2);
  let versions = 0;
  /** The projection under a version of its own, so that each model has fresh tables. */
  const freshVersion = (): Projection<FactStore> => ({
    ...bitemporalProjection,
    version: (versions += 1),
  });

  it('on PostgreSQL, opened again at a generated cut: answers as the oracle, then as a rebuild', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (generated) => {
        const [cutVersion, rebuiltVersion] = [freshVersion(), freshVersion()];
        const open = (projection: Projection<FactStore>) =>
          createPostgresReadModel(postgres.pool, projection, {
            schema: postgres.schema,
            cachedSubjects: 1,
          });
        checked += await expectCutAndRebuild(generated, {
          beforeCut: () => open(cutVersion),
          // A new model on the same tables mirrors nothing yet: it loads what was committed.
          afterCut: () => open(cutVersion),
          rebuilt: () => open(rebuiltVersion),
        });
      }),
      { numRuns: 10 },
    );
    expect(checked).toBeGreaterThan(0);
  }, 300_000);
});
