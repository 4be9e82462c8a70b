/**
 * Gathers an {@link ExportSnapshot} from any read model: the bodies known at the instant (or one
 * body and its lineage), each body's roster on every date something changed up to the valid date
 * (so that every person who ever sat there is found), what each of those persons held, and the
 * changes behind it all. The only asynchronous part of the package; every format is pure.
 */
import * as E from 'fp-ts/Either';
import {
  addDays,
  compareDates,
  type BodyId,
  type CalendarDate,
  type Instant,
  type PersonId,
} from '@mandate/core';
import type {
  BodyView,
  ChangeView,
  QueryError,
  ReadModelQueries,
  RosterSeat,
} from '@mandate/projections';
import type { ExportSnapshot, MembershipView, PersonView, PostView } from './snapshot.js';

/** Looks up a person's registered name (the read models know persons only by id). */
export type PersonNames = (person: PersonId) => Promise<string | undefined>;

/** What to gather. */
export interface GatherOptions {
  /** The valid date the export describes. */
  readonly on: CalendarDate;
  /** The instant to read as known at; absent for everything recorded. */
  readonly knownAt?: Instant;
  /** One body: the export then holds it and its lineage (predecessors and successors, transitively). */
  readonly body?: BodyId;
  /** Where persons' names come from; without it persons carry their ids only. */
  readonly personNames?: PersonNames;
}

type Answer<A> = Promise<E.Either<QueryError, A>>;

/** The bodies the export covers: all known, or one body and its lineage. */
async function bodiesInScope(
  queries: ReadModelQueries,
  { on, knownAt, body }: GatherOptions,
): Answer<ReadonlyArray<BodyView>> {
  if (body === undefined) return queries.bodies(on, knownAt);
  const found = new Map<BodyId, BodyView>();
  const pending: BodyId[] = [body];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (found.has(next)) continue;
    const view = await queries.body(next, on, knownAt);
    if (E.isLeft(view)) return view;
    found.set(next, view.right);
    pending.push(
      ...view.right.predecessors,
      ...(view.right.end?.successors ?? []),
      ...view.right.absorptions.flatMap((absorption) => absorption.absorbed),
    );
  }
  return E.right([...found.values()].sort((a, b) => (a.bodyId < b.bodyId ? -1 : 1)));
}

/** A body as it stood on `on`: an end that took effect later is not yet known there. */
const asOn = (view: BodyView, on: CalendarDate): BodyView => {
  if (view.end === undefined || compareDates(view.end.on, on) <= 0) return view;
  const { end: _later, ...standing } = view;
  return standing;
};

/** The dates within the body's life, up to `on`, on which its roster may have changed. */
const rosterDates = (
  view: BodyView,
  changeDates: ReadonlyArray<CalendarDate>,
  on: CalendarDate,
): ReadonlyArray<CalendarDate> =>
  [view.establishedOn, ...changeDates].filter(
    (date, i, all) =>
      all.indexOf(date) === i &&
      compareDates(view.establishedOn, date) <= 0 &&
      compareDates(date, on) <= 0 &&
      (view.end === undefined || compareDates(date, view.end.on) < 0),
  );

const occupantOf = (seat: RosterSeat): PersonId | undefined =>
  seat.occupant?.kind === 'person' ? seat.occupant.person : undefined;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Asks `queries` everything an export of `options` needs. Refused (`Left`) with the read model's
 * own error when a date or instant is invalid, or the body asked for is not known at the instant.
 */
export async function gatherSnapshot(
  queries: ReadModelQueries,
  options: GatherOptions,
): Answer<ExportSnapshot> {
  const { on, knownAt } = options;
  const scoped = await bodiesInScope(queries, options);
  if (E.isLeft(scoped)) return scoped;
  const bodies = scoped.right
    .filter((view) => compareDates(view.establishedOn, on) <= 0)
    .map((view) => asOn(view, on));
  const inScope = new Set(bodies.map((view) => view.bodyId));
  const earliest = bodies.map((view) => view.establishedOn).sort(compareDates)[0] ?? on;
  // Up to and including `on` (the span's end is exclusive); the last calendar day has no next day.
  const changed = await queries.changesBetween(earliest, addDays(on, 1) ?? on, knownAt);
  if (E.isLeft(changed)) return changed;
  const changes: ReadonlyArray<ChangeView> = changed.right.filter(
    (change) => change.aggregate === 'office' || inScope.has(change.aggregateId as BodyId),
  );
  const changeDates = changes.map((change) => change.effectiveOn);

  const posts = new Map<string, PostView>();
  const personIds = new Set<PersonId>();
  for (const view of bodies)
    for (const date of rosterDates(view, changeDates, on)) {
      const roster = await queries.roster(view.bodyId, date, knownAt);
      if (E.isLeft(roster)) return roster;
      for (const seat of roster.right) {
        posts.set(`${view.bodyId}\u0000${seat.seatId}`, {
          bodyId: view.bodyId,
          seatId: seat.seatId,
          roles: seat.roles,
        });
        const person = occupantOf(seat);
        if (person !== undefined) personIds.add(person);
      }
    }

  const persons: PersonView[] = [];
  const memberships: MembershipView[] = [];
  for (const personId of [...personIds].sort(byText)) {
    const holdings = await queries.holdings(personId, knownAt);
    if (E.isLeft(holdings)) return holdings;
    const name = await options.personNames?.(personId);
    persons.push(name === undefined ? { personId } : { personId, name });
    for (const tenure of holdings.right.seats)
      if (inScope.has(tenure.bodyId) && compareDates(tenure.from, on) <= 0) {
        const { to, ...open } = tenure;
        memberships.push(
          to !== undefined && compareDates(to, on) <= 0
            ? { ...open, to, personId }
            : { ...open, personId },
        );
      }
  }
  memberships.sort(
    (a, b) =>
      compareDates(a.from, b.from) ||
      byText(a.bodyId, b.bodyId) ||
      byText(a.seatId, b.seatId) ||
      byText(a.personId, b.personId),
  );

  return E.right({
    on,
    ...(knownAt === undefined ? {} : { knownAt }),
    bodies,
    posts: [...posts.values()].sort(
      (a, b) => byText(a.bodyId, b.bodyId) || byText(a.seatId, b.seatId),
    ),
    persons,
    memberships,
    changes,
  });
}
