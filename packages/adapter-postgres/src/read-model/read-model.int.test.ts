/**
 * The PostgreSQL read model on the real server (`MANDATE_PG_URL`, in a schema of its own): over
 * generated histories, built live by a runner whose process "restarts" at a random point (the
 * model is opened again, so states are folded again from stored events and the runner resumes
 * from the stored checkpoint) on a model mirroring one subject only (so subjects are evicted and
 * loaded again between commits), it answers every question on random `(on, knownAt)` pairs exactly
 * as the naive oracle does; a rebuild from zero into another version writes the same rows, row
 * for row, as the incremental run and as the in-memory model; and a failing commit — an event
 * that throws, or a statement the server refuses — leaves neither facts nor checkpoint behind,
 * and the next good events apply as if it never came; a rebuild interrupted part-way (its dropped
 * indexes never built again) has them all back once reopened, and answers as the oracle after
 * catching up; reopened against a store that does not hold its checkpoint, it refuses and changes
 * nothing.
 *
 * @see docs/reference/domain.md rule 11
 */
import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unsafeCalendarDate, type BodyId, type CalendarDate, type Instant } from '@mandate/core';
import { BodyArbitraries, Seed } from '@mandate/core/testing';
import type { StoredEvent } from '@mandate/eventstore';
import {
  FACT_KINDS,
  applyBatch,
  bitemporalProjection,
  createInMemoryReadModel,
  createOracle,
  factOfRow,
  startProjection,
  tablePrefix,
  type Fact,
  type FactKind,
  type FactRow,
  type FactStore,
  type OpenFact,
  type Projection,
  type RecordedFact,
} from '@mandate/projections';
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
import { extentOf } from './extent.js';
import { createPostgresReadModel } from './read-model.js';
import { postgresTables } from './schema.js';
import { postgresForTests } from './server.fixture.js';

const { pool, schema } = postgresForTests();

let versions = 0;
/** The bitemporal projection under a version of its own, so that each run has fresh tables. */
const freshVersion = (): Projection<FactStore> => ({
  ...bitemporalProjection,
  version: (versions += 1),
});
const open = (projection: Projection<FactStore>, cachedSubjects?: number) =>
  createPostgresReadModel(pool, projection, {
    schema,
    ...(cachedSubjects === undefined ? {} : { cachedSubjects }),
  });

/** A fact without its storage's row id. */
const withoutRowId = ({ rowId: _rowId, ...fact }: OpenFact): Fact => fact;

interface StoredRow extends FactRow {
  readonly recorded_from: string;
  readonly recorded_to: string | null;
}

/** Every row of every fact table and of the stream-event table, in row order. */
async function allRows(projection: Projection<FactStore>): Promise<Record<string, unknown[]>> {
  const tables = postgresTables(tablePrefix(projection), schema);
  const rows: Record<string, unknown[]> = {};
  for (const kind of FACT_KINDS)
    rows[kind] = (await pool.query(`SELECT * FROM ${tables.fact(kind)} ORDER BY row_id`)).rows;
  rows['events'] = (await pool.query(`SELECT * FROM ${tables.streamEvents} ORDER BY seq`)).rows;
  return rows;
}

/** The stored rows of one kind of fact, in row order. */
async function storedRows(projection: Projection<FactStore>, kind: FactKind): Promise<StoredRow[]> {
  const table = postgresTables(tablePrefix(projection), schema).fact(kind);
  return (await pool.query<StoredRow>(`SELECT * FROM ${table} ORDER BY row_id`)).rows;
}

/** The fact rows as the in-memory model holds them: by kind, in the order written. */
async function recordedFacts(projection: Projection<FactStore>): Promise<RecordedFact[]> {
  const facts: RecordedFact[] = [];
  for (const kind of FACT_KINDS) {
    for (const row of await storedRows(projection, kind))
      facts.push({
        ...withoutRowId(factOfRow(kind, row)),
        recordedFrom: row.recorded_from as Instant,
        ...(row.recorded_to === null ? {} : { recordedTo: row.recorded_to as Instant }),
      });
  }
  return facts;
}

/** The in-memory model's rows grouped by kind (each kind keeping its write order). */
const byKind = (rows: ReadonlyArray<RecordedFact>): RecordedFact[] =>
  FACT_KINDS.flatMap((kind) => rows.filter((row) => row.kind === kind));

/** The in-memory model after applying the whole log, as the reference for rows. */
async function inMemoryAfter(log: ReadonlyArray<StoredEvent>) {
  const model = createInMemoryReadModel();
  await applyBatch(model.target, bitemporalProjection, log);
  return model;
}

/**
 * The rows (by kind and row id) whose stored extent is not the one their intervals give — as
 * written by an insert, or cut short by the update that closes a row in a later commit.
 */
async function misplacedExtents(projection: Projection<FactStore>): Promise<string[]> {
  const tables = postgresTables(tablePrefix(projection), schema);
  const misplaced: string[] = [];
  for (const kind of FACT_KINDS) {
    const rows = await storedRows(projection, kind);
    const expected = rows.map((row) => {
      const { subject, valid } = factOfRow(kind, row);
      return extentOf(
        subject,
        valid,
        row.recorded_from as Instant,
        row.recorded_to as Instant | null,
      );
    });
    const { rows: wrong } = await pool.query<{ row_id: string }>(
      `SELECT fact.row_id FROM ${tables.fact(kind)} AS fact
         JOIN unnest($1::bigint[], $2::text[]) AS expected (row_id, extent)
           ON fact.row_id = expected.row_id
        WHERE NOT fact.extent ~= expected.extent::box`,
      [rows.map((row) => row.row_id), expected],
    );
    misplaced.push(...wrong.map((row) => `${kind} ${row.row_id}`));
  }
  return misplaced;
}

/** The definitions of a version's indexes, with its table prefix taken out, sorted. */
async function queryIndexes(projection: Projection<FactStore>): Promise<string[]> {
  const prefix = tablePrefix(projection);
  const { rows } = await pool.query<{ definition: string }>(
    `SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = $1 AND tablename LIKE $2`,
    [schema, `${prefix}\\_%`],
  );
  return rows.map(({ definition }) => definition.replaceAll(prefix, 'prefix')).sort();
}

async function countRows(projection: Projection<FactStore>): Promise<number> {
  const rows = await allRows(projection);
  return Object.values(rows).reduce((sum, table) => sum + table.length, 0);
}

describe('the PostgreSQL read model', () => {
  it('answers as the oracle, across a restart and after a rebuild (rule 11)', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(
        history,
        questionPicks(3, 5),
        async ({ commands, steps, cut }, questions) => {
          const live = freshVersion();
          const { store, clock, handler } = memoryWorld(RECORDING_START);
          let runner = startProjection({
            store,
            projection: live,
            target: (await open(live, 1)).target,
          });
          await recordCitedInstruments(handler, [registerProvince, ...commands]);
          await handler.handle(envelope('register-province', registerProvince));
          for (const [i, command] of commands.entries()) {
            if (i === cut) {
              await runner.waitUntilCaughtUp();
              await runner.stop();
              runner = startProjection({
                store,
                projection: live,
                target: (await open(live, 1)).target,
              });
            }
            clock.advance((steps[i] ?? 1) * MINUTE);
            await handler.handle(envelope(`command-${i}`, await withEventIds(store, command)));
          }
          await runner.waitUntilCaughtUp();
          await runner.stop();

          const log = await wholeLog(store);
          const oracle = createOracle(log);
          const reopened = await open(live);
          expect(reopened.target.checkpoint()).toBe(log.at(-1)?.position);
          const rebuiltVersion = freshVersion();
          const rebuilt = await open(rebuiltVersion);
          const rebuilding = startProjection({
            store,
            projection: rebuiltVersion,
            target: rebuilt.target,
          });
          expect(E.isRight(await rebuilding.rebuild({ pageSize: 7 }))).toBe(true);
          await rebuilding.stop();
          await rebuilt.vacuum();

          expect(await allRows(rebuiltVersion)).toEqual(await allRows(live));
          expect(await misplacedExtents(live)).toEqual([]);
          const memory = await inMemoryAfter(log);
          expect(await recordedFacts(live)).toEqual(byKind(memory.rows()));

          for (const [on, pick] of questions) {
            const knownAt = knownAtOf(log, pick);
            const question = { bodyId: BodyArbitraries.BODY, on: on as CalendarDate, knownAt };
            for (const model of [reopened.queries, rebuilt.queries]) {
              await expectSameAnswers(model, oracle, question);
              await expectSameRefusals(model, oracle, question);
            }
            const roster = await oracle.roster(question.bodyId, question.on, knownAt);
            if (E.isRight(roster) && roster.right.length > 0) compared += 1;
          }
        },
      ),
      { numRuns: 15 },
    );
    expect(compared).toBeGreaterThan(0);
  }, 300_000);

  it('answers as the oracle after a rebuild interrupted part-way, once reopened', async () => {
    await fc.assert(
      fc.asyncProperty(
        history,
        questionPicks(3, 5),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async ({ commands, steps }, questions, share) => {
          const { store, clock, handler } = memoryWorld(RECORDING_START);
          await recordCitedInstruments(handler, [registerProvince, ...commands]);
          await handler.handle(envelope('register-province', registerProvince));
          for (const [i, command] of commands.entries()) {
            clock.advance((steps[i] ?? 1) * MINUTE);
            await handler.handle(envelope(`command-${i}`, command));
          }
          const log = await wholeLog(store);
          // A rebuild that dies after applying part of the log, before building what it deferred.
          const projection = freshVersion();
          const dying = await open(projection);
          await dying.target.reset();
          await dying.target.rebuilding?.();
          const applied = log.slice(0, Math.floor(share * log.length));
          if (applied.length > 0) await applyBatch(dying.target, bitemporalProjection, applied);

          const intact = freshVersion();
          await open(intact);
          expect(await queryIndexes(projection)).not.toEqual(await queryIndexes(intact));

          const reopened = await open(projection);
          expect(await queryIndexes(projection)).toEqual(await queryIndexes(intact));
          const runner = startProjection({ store, projection, target: reopened.target });
          await runner.waitUntilCaughtUp();
          await runner.stop();
          const oracle = createOracle(log);
          for (const [on, pick] of questions) {
            const knownAt = knownAtOf(log, pick);
            const question = { bodyId: BodyArbitraries.BODY, on: on as CalendarDate, knownAt };
            await expectSameAnswers(reopened.queries, oracle, question);
          }
        },
      ),
      { numRuns: 5 },
    );
  }, 180_000);

  it('keeps neither facts nor checkpoint from a failed commit, and applies the next one', async () => {
    const { store, clock, handler } = memoryWorld('2018-12-05T02:00:00.000Z' as Instant);
    for (const step of Seed.seedSteps) {
      clock.advance(MINUTE);
      expect(E.isRight(await handler.handle(step.envelope))).toBe(true);
    }
    const log = await wholeLog(store);
    const firstBody = log.findIndex((event) => event.stream.startsWith('body-'));
    const good = log.slice(0, firstBody + 3);
    const last = good.at(-1);
    if (firstBody < 0 || last === undefined) throw new Error('the seed establishes no body');
    const projection = freshVersion();
    const model = await open(projection);

    // The projection throws on the last event of the batch, after writing the others.
    const corrupt: StoredEvent = {
      ...last,
      stream: 'body-x',
      type: 'BodyEstablished',
      data: {},
      position: last.position + 1n,
    };
    await expect(
      applyBatch(model.target, bitemporalProjection, [...good, corrupt]),
    ).rejects.toMatchObject({ _tag: 'CorruptEvent', stream: 'body-x', revision: last.revision });
    expect(model.target.checkpoint()).toBe(0n);
    expect(await countRows(projection)).toBe(0);

    // The server refuses the statement: a row already holds the first row id of the body table.
    const bodyTable = postgresTables(tablePrefix(projection), schema).fact('body');
    await pool.query(
      `INSERT INTO ${bodyTable} (row_id, subject, key, ordinal, valid_from, payload, recorded_from,
                                 extent)
       VALUES (1, 'squatter', 'squatter', 0, '1900-01-01', '{}', '2018-01-01T00:00:00.000Z',
               '((0,0),(0,0))')`,
    );
    await expect(applyBatch(model.target, bitemporalProjection, good)).rejects.toThrow(
      /duplicate key/,
    );
    expect(model.target.checkpoint()).toBe(0n);
    expect(await countRows(projection)).toBe(1);
    await pool.query(`DELETE FROM ${bodyTable}`);

    expect(await applyBatch(model.target, bitemporalProjection, good)).toBe(good.length);
    expect(model.target.checkpoint()).toBe(last.position);
    expect(await applyBatch(model.target, bitemporalProjection, log)).toBe(
      log.length - good.length,
    );
    expect(await recordedFacts(projection)).toEqual(byKind((await inMemoryAfter(log)).rows()));
    const untroubled = freshVersion();
    await applyBatch((await open(untroubled)).target, bitemporalProjection, log);
    expect(await allRows(projection)).toEqual(await allRows(untroubled));
    const question = {
      bodyId: Seed.SeedIds.successor as BodyId,
      on: unsafeCalendarDate('2019-01-01'),
      knownAt: undefined,
    };
    await expectSameAnswers(model.queries, createOracle(log), question);
  });

  it('refuses, reopened, a store that does not hold its checkpoint, changing nothing', async () => {
    const projection = freshVersion();
    // The second round reads the checkpoint and its hash back from the server.
    for (const _round of [1, 2])
      await expectCheckpointGuard((await open(projection)).target, () => allRows(projection));
  });
});
