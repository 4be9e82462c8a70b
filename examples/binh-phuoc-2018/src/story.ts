/**
 * Tells the seed story through the public API: every step of the Bình Phước 2018 fixture is
 * submitted to a command handler over an event store, then the read side folds what was stored
 * and answers the auditor's questions about the successor committee.
 */
import * as E from 'fp-ts/Either';
import type { CommandHandler, Loaders } from '@mandate/application';
import { createCommandHandler } from '@mandate/application';
import type { AuthorityId, BodyId, CalendarDate, ObligationId, OfficeId } from '@mandate/core';
import { Authority, Body, Office } from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import type { EventStore } from '@mandate/eventstore';
import { personName } from './names.js';

/** One seat on the successor, with the person behind it resolved on the date asked. */
export interface SeatAnswer {
  readonly seatId: string;
  readonly roles: ReadonlyArray<Body.Role>;
  /** How the seat is held: by a named person, or ex officio by an office. */
  readonly follows: 'person' | 'office';
  /** The name of the office the seat names (ex officio), or a named holder's capacity. */
  readonly office?: string;
  /** The name of the person behind the seat on the date, or `undefined` when vacant. */
  readonly person?: string;
  readonly acting: boolean;
}

/** What the demo tells about the successor committee on one date. */
export interface StoryAnswers {
  readonly commandsSubmitted: number;
  readonly eventsAppended: number;
  readonly successorName: string;
  readonly establishedOn: CalendarDate;
  readonly predecessors: ReadonlyArray<{ readonly name: string; readonly endedOn: CalendarDate }>;
  readonly seats: ReadonlyArray<SeatAnswer>;
  readonly duties: ReadonlyArray<Body.DutyOnDate>;
  readonly obligations: ReadonlyArray<Body.Obligation>;
  readonly annualReview2019Filed: boolean;
  /** Who has jurisdiction over the committee the day before and the day of the 2025 merger. */
  readonly jurisdiction: ReadonlyArray<{ readonly on: CalendarDate; readonly authority: string }>;
}

const orThrow = <A>(result: E.Either<{ readonly message: string }, A>, what: string): A => {
  if (E.isLeft(result)) throw new Error(`${what}: ${result.left.message}`);
  return result.right;
};

/** Submits every step of the seed story, in order; fails loudly if any is not accepted. */
async function submitSeed(handler: CommandHandler): Promise<number> {
  let appended = 0;
  for (const { title, envelope } of Seed.seedSteps) {
    const accepted = orThrow(await handler.handle(envelope), title);
    appended += accepted.events;
  }
  return appended;
}

/** Resolves one seat on `on` through the offices' histories. */
async function answerSeat(
  handler: Loaders,
  seat: Body.SeatOnDate,
  on: CalendarDate,
): Promise<SeatAnswer> {
  const holder = seat.holder;
  const base = { seatId: seat.seatId, roles: seat.roles };
  if (holder === null) return { ...base, follows: 'office', acting: false };
  const officeId = holder.follows === 'office' ? holder.office : holder.asOffice;
  const offices = new Map<OfficeId, Office.OfficeState>();
  if (officeId !== undefined)
    offices.set(officeId, orThrow(await handler.loadOffice(officeId), officeId).state);
  const resolution = Office.resolveSeatHolder(holder, (id) => offices.get(id), on);
  const officeState = officeId === undefined ? undefined : offices.get(officeId);
  const officeName =
    officeState === undefined || officeState.status === 'unestablished'
      ? undefined
      : Office.nameOn(officeState, on).vi;
  const office = officeName === undefined ? {} : { office: officeName };
  return resolution.kind === 'vacant'
    ? { ...base, ...office, follows: holder.follows, acting: false }
    : {
        ...base,
        ...office,
        follows: holder.follows,
        person: await personName(handler, resolution.person),
        acting: resolution.via === 'office' && resolution.acting,
      };
}

/** Runs the whole story against `store` and answers the questions for the date `on`. */
export async function tellStory(store: EventStore, on: CalendarDate): Promise<StoryAnswers> {
  const handler = createCommandHandler({ store });
  const eventsAppended = await submitSeed(handler);
  return {
    commandsSubmitted: Seed.seedSteps.length,
    eventsAppended,
    ...(await answerStory(handler, on)),
  };
}

/**
 * Answers the questions about the successor for the date `on` from what `handler`'s store holds,
 * however the story was recorded there (step by step, or from decision files).
 */
export async function answerStory(
  handler: Loaders,
  on: CalendarDate,
): Promise<Omit<StoryAnswers, 'commandsSubmitted' | 'eventsAppended'>> {
  const successorId = Seed.SeedIds.successor as BodyId;
  const successor = orThrow(await handler.loadBody(successorId), 'successor').state;
  if (successor.status === 'unestablished') throw new Error('the successor was not established');
  const predecessors = [];
  for (const id of Object.values(Seed.SeedIds.predecessors)) {
    const state = orThrow(await handler.loadBody(id as BodyId), id).state;
    if (state.status !== 'ended') throw new Error(`${id} did not end`);
    predecessors.push({
      name: Body.nameOn(state, state.establishedOn)?.vi ?? id,
      endedOn: state.endedOn,
    });
  }
  const seats = [];
  for (const seat of Body.activeSeatsOn(successor, on))
    seats.push(await answerSeat(handler, seat, on));
  const registry = orThrow(await handler.loadAuthorities(), 'authorities').state;
  const jurisdiction = (['2025-06-30', Seed.SEED_PROVINCE_MERGER_DATE] as CalendarDate[]).map(
    (date) => ({
      on: date,
      authority:
        Authority.currentAuthorityOf(registry, successor.authority as AuthorityId, date) ?? '—',
    }),
  );
  return {
    successorName: Body.nameOn(successor, on)?.vi ?? successorId,
    establishedOn: successor.establishedOn,
    predecessors,
    seats,
    duties: Body.dutiesOn(successor, on),
    obligations: Body.obligationsOn(successor, on),
    annualReview2019Filed:
      Body.countedReport(
        successor,
        Seed.SeedIds.annualReview as ObligationId,
        '2019' as Body.PeriodLabel,
      ) !== undefined,
    jurisdiction,
  };
}
