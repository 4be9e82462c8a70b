/**
 * The ILLUSTRATIVE sequel (the article does not state it; its persons and instruments are
 * placeholders): the Director of the Department of Information and Communications changes hands
 * in 2020, the new director's start is recorded from a misprinted 2020-03-01, and an erratum
 * corrects it to 2020-05-01 by naming the event that recorded the misprint. The SQLite read model
 * then answers who sat as the successor's standing member on 2020-04-01, as known just before the
 * erratum was recorded and as known now — the misprint stays in history.
 *
 * @see docs/reference/domain.md rule 14
 */
import Database from 'better-sqlite3';
import * as E from 'fp-ts/Either';
import { createCommandHandler } from '@mandate/application';
import {
  epochMillisecondsOf,
  instantOf,
  unsafeCalendarDate,
  type BodyId,
  type CalendarDate,
  type Instant,
  type PersonId,
} from '@mandate/core';
import { IllustrativeSequel, Seed } from '@mandate/core/testing';
import type { EventStore } from '@mandate/eventstore';
import { createSqliteReadModel } from '@mandate/adapter-sqlite/read-model';
import { bitemporalProjection, startProjection, type ReadModelQueries } from '@mandate/projections';
import { answered } from './answered.js';
import { readWholeLog } from './log.js';
import { personName } from './names.js';

/** The date the sequel asks about: after the misprinted start, before the corrected one. */
export const SEQUEL_DATE: CalendarDate = unsafeCalendarDate('2020-04-01');

/** What the sequel answers. */
export interface SequelAnswers {
  readonly on: CalendarDate;
  /** The id of the event that recorded the misprinted appointment, which the erratum names. */
  readonly corrected: string;
  /** 1 ms before the erratum was recorded. */
  readonly beforeErratum: Instant;
  readonly misprintedStart: string;
  readonly correctedStart: string;
  /** The standing member's occupant on `on`, by name, as known before the erratum and now. */
  readonly standingMember: { readonly beforeErratum: string; readonly now: string };
}

const orThrow = <A>(result: E.Either<{ readonly message: string }, A>, what: string): A => {
  if (E.isLeft(result)) throw new Error(`${what}: ${result.left.message}`);
  return result.right;
};

/** The standing member's occupant on `on` as known at `knownAt`, by id ('vacant' when none). */
async function standingMember(
  queries: ReadModelQueries,
  on: CalendarDate,
  knownAt?: Instant,
): Promise<string> {
  const roster = await answered(
    queries.roster(Seed.SeedIds.successor as BodyId, on, knownAt),
    'the roster of the successor',
  );
  const occupant = roster.find((seat) => seat.roles.includes('standing-member'))?.occupant;
  return occupant?.kind === 'person' ? occupant.person : 'vacant';
}

/**
 * Submits the sequel to `store` (after the seed story), projects the log into `readModelFile`
 * (resuming from its checkpoint) and answers who was the standing member on {@link SEQUEL_DATE}.
 */
export async function tellSequel(store: EventStore, readModelFile: string): Promise<SequelAnswers> {
  const handler = createCommandHandler({ store });
  for (const { title, envelope } of IllustrativeSequel.sequelSteps)
    orThrow(await handler.handle(envelope), title);
  const misprint = (await readWholeLog(store)).find(
    (event) =>
      event.type === 'OfficeHolderAppointed' &&
      event.metadata.commandId === IllustrativeSequel.sequelSteps.at(-1)?.envelope.commandId,
  );
  if (misprint === undefined) throw new Error('the misprinted appointment is not in the log');
  const erratumSteps = IllustrativeSequel.correctionSteps(misprint.eventId);
  for (const { title, envelope } of erratumSteps) orThrow(await handler.handle(envelope), title);
  const erratum = erratumSteps.at(-1);
  if (erratum === undefined) throw new Error('the erratum has no steps');
  const recorded = (await readWholeLog(store)).find(
    (event) => event.metadata.commandId === erratum.envelope.commandId,
  );
  if (recorded === undefined) throw new Error('the erratum is not in the log');
  const beforeErratum = instantOf(epochMillisecondsOf(recorded.recordedAt) - 1);
  const db = new Database(readModelFile);
  try {
    db.pragma('journal_mode = WAL');
    const model = createSqliteReadModel(db, bitemporalProjection);
    const runner = startProjection({
      store,
      projection: bitemporalProjection,
      target: model.target,
    });
    await runner.waitUntilCaughtUp();
    await runner.stop();
    const name = async (id: string) =>
      id === 'vacant' ? 'vacant' : await personName(handler, id as PersonId);
    return {
      on: SEQUEL_DATE,
      corrected: misprint.eventId,
      beforeErratum,
      misprintedStart: IllustrativeSequel.MISPRINTED_START,
      correctedStart: IllustrativeSequel.CORRECTED_START,
      standingMember: {
        beforeErratum: await name(await standingMember(model.queries, SEQUEL_DATE, beforeErratum)),
        now: await name(await standingMember(model.queries, SEQUEL_DATE)),
      },
    };
  } finally {
    db.close();
  }
}

/** The sequel's answers as the plain text the demo prints, labelled as illustrative. */
export const renderSequel = (answers: SequelAnswers): string =>
  [
    'ILLUSTRATIVE — not in the article: placeholder persons and instruments.',
    `   A new Director of Information and Communications is recorded from ${answers.misprintedStart} (a misprint);`,
    `   an erratum names event ${answers.corrected} and corrects the start to ${answers.correctedStart}.`,
    `   Standing member cum secretary on ${answers.on}:`,
    `       as known before the erratum (${answers.beforeErratum}): ${answers.standingMember.beforeErratum}`,
    `       as known now: ${answers.standingMember.now}`,
  ].join('\n');
