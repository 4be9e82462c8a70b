/**
 * The SQLite read model on a real file: over generated histories, built live by a runner whose
 * process "restarts" at a random point (the database is closed and opened again, so states are
 * folded again from stored events and the runner resumes from the stored checkpoint; the live
 * model caches one stream's state only, so states are folded again after evictions too), it answers
 * every question on random `(on, knownAt)` pairs exactly as the naive oracle does; a rebuild from
 * zero gives the same answers, and so does one interrupted part-way (its deferred indexes never
 * built) once reopened; a failing event leaves neither facts nor checkpoint behind; and
 * reopened against a store that does not hold its checkpoint, it refuses and changes nothing.
 *
 * @see docs/reference/domain.md rule 11
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { afterAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '@mandate/core';
import { BodyArbitraries } from '@mandate/core/testing';
import type { StoredEvent } from '@mandate/eventstore';
import {
  FACT_KINDS,
  applyOnce,
  bitemporalProjection,
  createOracle,
  factTable,
  startProjection,
  streamEventTable,
  tablePrefix,
} from '@mandate/projections';
// The histories and the answers every read model is held to live beside the engine and the oracle.
import {
  expectSameAnswers,
  expectSameRefusals,
  knownAtOf,
  questionPicks,
} from '../../../projections/src/answers.fixture.js';
import { expectCheckpointGuard } from '../../../projections/src/checkpoint-guard.fixture.js';
import { history, registerProvince } from '../../../projections/src/generated-history.fixture.js';
import {
  MINUTE,
  RECORDING_START,
  envelope,
  memoryWorld,
  recordCitedInstruments,
  wholeLog,
  withEventIds,
} from '../../../projections/src/history.fixture.js';
import { createSqliteReadModel } from './read-model.js';

const directory = mkdtempSync(join(tmpdir(), 'mandate-projections-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(directory, `read-model-${++files}.sqlite`);
/** Opens a database file as an embedder would: WAL, synchronous commits at checkpoints. */
const open = (file: string): Database.Database => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
};

describe('the SQLite read model', () => {
  it('answers as the oracle, across a restart and after a rebuild (rule 11)', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(
        history,
        questionPicks(3, 6),
        async ({ commands, steps, cut }, questions) => {
          const file = newFile();
          const { store, clock, handler } = memoryWorld(RECORDING_START);
          let db = open(file);
          let runner = startProjection({
            store,
            projection: bitemporalProjection,
            target: createSqliteReadModel(db, bitemporalProjection, { cacheBytes: 2 }).target,
          });
          await recordCitedInstruments(handler, [registerProvince, ...commands]);
          await handler.handle(envelope('register-province', registerProvince));
          for (const [i, command] of commands.entries()) {
            if (i === cut) {
              await runner.waitUntilCaughtUp();
              await runner.stop();
              db.close();
              db = open(file);
              runner = startProjection({
                store,
                projection: bitemporalProjection,
                target: createSqliteReadModel(db, bitemporalProjection, { cacheBytes: 2 }).target,
              });
            }
            clock.advance((steps[i] ?? 1) * MINUTE);
            await handler.handle(envelope(`command-${i}`, await withEventIds(store, command)));
          }
          await runner.waitUntilCaughtUp();
          await runner.stop();

          const log = await wholeLog(store);
          const oracle = createOracle(log);
          const live = createSqliteReadModel(db, bitemporalProjection).queries;
          const rebuiltDb = open(newFile());
          const rebuilt = createSqliteReadModel(rebuiltDb, bitemporalProjection);
          const rebuilding = startProjection({
            store,
            projection: bitemporalProjection,
            target: rebuilt.target,
          });
          await rebuilding.rebuild();
          await rebuilding.stop();

          for (const [on, pick] of questions) {
            const knownAt = knownAtOf(log, pick);
            const question = { bodyId: BodyArbitraries.BODY, on: on as CalendarDate, knownAt };
            for (const model of [live, rebuilt.queries]) {
              await expectSameAnswers(model, oracle, question);
              await expectSameRefusals(model, oracle, question);
            }
            const roster = await oracle.roster(question.bodyId, question.on, knownAt);
            if (E.isRight(roster) && roster.right.length > 0) compared += 1;
          }
          db.close();
          rebuiltDb.close();
        },
      ),
      { numRuns: 25 },
    );
    expect(compared).toBeGreaterThan(0);
    // As the property tier's: generated histories take longer on a loaded machine.
  }, 120_000);

  it('answers as the oracle after a rebuild interrupted part-way, once reopened', async () => {
    await fc.assert(
      fc.asyncProperty(
        history,
        questionPicks(3, 6),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        async ({ commands, steps }, questions, share, rebuildEventsPerTransaction) => {
          const { store, clock, handler } = memoryWorld(RECORDING_START);
          await handler.handle(envelope('register-province', registerProvince));
          for (const [i, command] of commands.entries()) {
            clock.advance((steps[i] ?? 1) * MINUTE);
            await handler.handle(envelope(`command-${i}`, await withEventIds(store, command)));
          }
          const log = await wholeLog(store);
          const file = newFile();
          // A rebuild that dies after applying part of the log, before building what it deferred
          // (and before committing the events of its last transaction, rolled back on close).
          const dying = open(file);
          const model = createSqliteReadModel(dying, bitemporalProjection, {
            rebuildEventsPerTransaction,
          });
          await model.target.reset();
          await model.target.rebuilding?.();
          const applied = log.slice(0, Math.floor(share * log.length));
          for (const event of applied) await applyOnce(model.target, bitemporalProjection, event);
          dying.close();

          const db = open(file);
          const reopened = createSqliteReadModel(db, bitemporalProjection);
          const runner = startProjection({
            store,
            projection: bitemporalProjection,
            target: reopened.target,
          });
          await runner.waitUntilCaughtUp();
          await runner.stop();
          const oracle = createOracle(log);
          for (const [on, pick] of questions) {
            const knownAt = knownAtOf(log, pick);
            const question = { bodyId: BodyArbitraries.BODY, on: on as CalendarDate, knownAt };
            await expectSameAnswers(reopened.queries, oracle, question);
          }
          db.close();
        },
      ),
      { numRuns: 10 },
    );
  }, 60_000);

  it('applies nothing and keeps its checkpoint when an event fails to apply', async () => {
    const { store, handler } = memoryWorld(RECORDING_START);
    await recordCitedInstruments(handler, [registerProvince]);
    await handler.handle(envelope('register-province', registerProvince));
    const registered = (await wholeLog(store)).find((e) => e.type === 'AuthorityRegistered');
    if (registered === undefined) throw new Error('nothing appended');
    const db = open(newFile());
    const model = createSqliteReadModel(db, bitemporalProjection);
    const corrupt: StoredEvent = {
      ...registered,
      stream: 'body-x',
      type: 'BodyEstablished',
      position: 7n,
    };
    await expect(applyOnce(model.target, bitemporalProjection, corrupt)).rejects.toMatchObject({
      _tag: 'CorruptEvent',
      stream: 'body-x',
      revision: registered.revision,
    });
    expect(model.target.checkpoint()).toBe(0n);
    expect(await applyOnce(model.target, bitemporalProjection, registered)).toBe(true);
    expect(model.target.checkpoint()).toBe(registered.position);
    expect(await applyOnce(model.target, bitemporalProjection, registered)).toBe(false);
    db.close();
  });

  it('refuses, reopened, a store that does not hold its checkpoint, changing nothing', async () => {
    const file = newFile();
    const prefix = tablePrefix(bitemporalProjection);
    const tables = [...FACT_KINDS.map((kind) => factTable(prefix, kind)), streamEventTable(prefix)];
    // The second round reads the checkpoint and its hash back from the file.
    for (const _round of [1, 2]) {
      const db = open(file);
      await expectCheckpointGuard(createSqliteReadModel(db, bitemporalProjection).target, () =>
        tables.map((table) => db.prepare(`SELECT * FROM ${table}`).all()),
      );
      db.close();
    }
  });
});
