/**
 * The seed story told from decision files, on a real SQLite file, answers exactly as the story
 * told command by command (`story.ts`, `sequel.ts`): the successor's roster on several dates and
 * as known before and after the erratum, its duties and its compliance, the predecessors and the
 * jurisdiction, and what each person held. Applying the files again records nothing; the late
 * report of the illustrative files shows as filed late.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteEventStore, type SqliteEventStore } from '@mandate/adapter-sqlite';
import { createSqliteReadModel } from '@mandate/adapter-sqlite/read-model';
import { createCommandHandler } from '@mandate/application';
import {
  epochMillisecondsOf,
  instantOf,
  type BodyId,
  type CalendarDate,
  type Instant,
  type PersonId,
} from '@mandate/core';
import { IllustrativeSequel, Seed } from '@mandate/core/testing';
import type { EventStore } from '@mandate/eventstore';
import { bitemporalProjection, startProjection, type ReadModelQueries } from '@mandate/projections';
import { answered } from '../src/answered.js';
import { applyDecisionFiles, decisionFiles } from '../src/decision-files.js';
import { readWholeLog } from '../src/log.js';
import { SEQUEL_DATE, tellSequel } from '../src/sequel.js';
import { answerStory, tellStory } from '../src/story.js';

const successor = Seed.SeedIds.successor as BodyId;
const DATES = [
  '2018-12-04',
  '2019-01-01',
  '2020-04-01',
  '2020-06-01',
  '2025-07-01',
] as CalendarDate[];
const LATE_REPORT = '15-minh-hoa-bao-cao-6-thang-2019.yaml';

interface Told {
  readonly store: SqliteEventStore;
  readonly queries: ReadModelQueries;
  /** 1 ms before the erratum was recorded. */
  readonly beforeErratum: Instant;
  readonly close: () => void;
}

async function open(directory: string, name: string): Promise<SqliteEventStore> {
  const opened = await createSqliteEventStore({ path: join(directory, `${name}.sqlite`) });
  if (opened._tag === 'Left') throw new Error(opened.left.message);
  return opened.right;
}

async function project(store: EventStore, file: string) {
  const db = new Database(file);
  const model = createSqliteReadModel(db, bitemporalProjection);
  const runner = startProjection({ store, projection: bitemporalProjection, target: model.target });
  await runner.waitUntilCaughtUp();
  await runner.stop();
  return { queries: model.queries, close: () => db.close() };
}

async function erratumInstant(store: EventStore, commandId: string): Promise<Instant> {
  const recorded = (await readWholeLog(store)).find((e) => e.metadata.commandId === commandId);
  if (recorded === undefined) throw new Error('the erratum is not in the log');
  return instantOf(epochMillisecondsOf(recorded.recordedAt) - 1);
}

describe('the seed story told from decision files', () => {
  let directory: string;
  let byCommands: Told;
  let byFiles: Told;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'mandate-decision-files-'));
    const one = await open(directory, 'commands');
    await tellStory(one, '2019-01-01' as CalendarDate);
    await tellSequel(one, join(directory, 'commands.read-model.sqlite'));
    const oneModel = await project(one, join(directory, 'commands.read-model.sqlite'));
    byCommands = {
      store: one,
      ...oneModel,
      beforeErratum: await erratumInstant(
        one,
        IllustrativeSequel.correctionSteps('x').at(-1)?.envelope.commandId ?? '',
      ),
    };

    const two = await open(directory, 'files');
    const outcomes = await applyDecisionFiles(
      two,
      decisionFiles().filter((name) => name !== LATE_REPORT),
    );
    const erratum = outcomes.find((outcome) => outcome.file.includes('dinh-chinh'));
    if (erratum === undefined) throw new Error('no erratum among the files');
    const twoModel = await project(two, join(directory, 'files.read-model.sqlite'));
    byFiles = {
      store: two,
      ...twoModel,
      beforeErratum: await erratumInstant(two, erratum.commandId),
    };
  });

  afterAll(async () => {
    for (const told of [byCommands, byFiles]) {
      told.close();
      await told.store.close();
    }
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers the story’s questions as the commands did', async () => {
    for (const on of DATES)
      expect(await answerStory(createCommandHandler({ store: byFiles.store }), on)).toEqual(
        await answerStory(createCommandHandler({ store: byCommands.store }), on),
      );
  });

  it('gives the same roster, duties and compliance on every date', async () => {
    for (const on of DATES)
      for (const question of ['roster', 'duties', 'compliance'] as const)
        expect(await byFiles.queries[question](successor, on)).toEqual(
          await byCommands.queries[question](successor, on),
        );
  });

  it('gives the same roster as known before and after the erratum', async () => {
    const standingMember = async ({ queries }: Told, knownAt?: Instant) => {
      const roster = await answered(queries.roster(successor, SEQUEL_DATE, knownAt), 'roster');
      return roster.find((seat) => seat.roles.includes('standing-member'))?.occupant;
    };
    for (const told of [byCommands, byFiles]) {
      expect(await standingMember(told, told.beforeErratum)).toMatchObject({
        person: IllustrativeSequel.IllustrativeIds.newDirector,
      });
      expect(await standingMember(told)).toMatchObject({
        person: IllustrativeSequel.IllustrativeIds.previousDirector,
      });
    }
  });

  it('gives every person the same holdings', async () => {
    for (const person of [
      Seed.SeedIds.tram,
      IllustrativeSequel.IllustrativeIds.previousDirector,
      IllustrativeSequel.IllustrativeIds.newDirector,
    ] as PersonId[])
      expect(await byFiles.queries.holdings(person)).toEqual(
        await byCommands.queries.holdings(person),
      );
  });

  it('records nothing when the files are applied again', async () => {
    const before = await readWholeLog(byFiles.store);
    const again = await applyDecisionFiles(
      byFiles.store,
      decisionFiles().filter((name) => name !== LATE_REPORT),
    );
    expect(again.every((outcome) => outcome.duplicate && outcome.appended === 0)).toBe(true);
    expect(await readWholeLog(byFiles.store)).toEqual(before);
  });

  it('shows the illustrative half-year report as filed late', async () => {
    const [outcome] = await applyDecisionFiles(byFiles.store, [LATE_REPORT]);
    expect(outcome?.illustrative).toBeDefined();
    const { close, queries } = await project(
      byFiles.store,
      join(directory, 'late.read-model.sqlite'),
    );
    try {
      const compliance = await answered(
        queries.compliance(successor, '2019-12-31' as CalendarDate),
        'compliance',
      );
      const periodic = compliance.find((o) => o.obligationId === Seed.SeedIds.periodicReport);
      expect(periodic?.periods.find((p) => p.period === '2019-H1')?.status).toBe('filed-late');
    } finally {
      close();
    }
  });
});
