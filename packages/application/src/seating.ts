/**
 * The rules across streams for seats: the application holds the other streams, so it loads what
 * the core's pure checks need (each stream read becoming a read expectation of the append). For
 * the seats a body decision begins, the offices and persons the body's seats name; for an office
 * command changing who holds the office, the bodies on the office's index of followers and the
 * offices their seats follow. A body decision that first makes a body follow an office adds the
 * body to the office's index in the same append, so that it conflicts with a concurrent change
 * of the office's holders.
 *
 * @see docs/reference/domain.md rules 17, 18, 19 and 20
 */
import { isLeft, right, type Either } from 'fp-ts/Either';
import {
  Body,
  Seating,
  fold,
  type Office,
  type OfficeId,
  type Person,
  type PersonId,
} from '@mandate/core';
import type { LoadFailure, StreamRevision } from './load.js';
import type { Loaders } from './loaders.js';
import { followersStream } from './streams.js';

/** One body's state before a decision and the events the decision records on it. */
export interface BodyDecided {
  readonly state: Body.State;
  readonly events: ReadonlyArray<Body.Event>;
}

/**
 * Why the seats the decision begins break a rule across streams, if they do; the offices and
 * persons are loaded through `loaders`, once each.
 */
export async function seatingRefusal(
  decided: ReadonlyArray<BodyDecided>,
  loaders: Loaders,
): Promise<Either<LoadFailure, Seating.Refusal | undefined>> {
  const offices = new Map<OfficeId, Office.OfficeState>();
  const persons = new Map<PersonId, Person.PersonState>();
  const facts: Seating.SeatingFacts = {
    offices: (id) => offices.get(id),
    persons: (id) => persons.get(id),
  };
  for (const { state, events } of decided) {
    const body = fold(Body.decider, events, state);
    const holdings = Seating.newHoldings(events, body);
    if (holdings.length === 0 || body.status === 'unestablished') continue;
    const named = Seating.streamsNamed(body, holdings);
    for (const officeId of named.offices.filter((id) => !offices.has(id))) {
      const loaded = await loaders.loadOffice(officeId);
      if (isLeft(loaded)) return loaded;
      offices.set(officeId, loaded.right.state);
    }
    for (const personId of named.persons.filter((id) => !persons.has(id))) {
      const loaded = await loaders.loadPerson(personId);
      if (isLeft(loaded)) return loaded;
      persons.set(personId, loaded.right.state);
    }
    const refusal = Seating.seatingRefusal(body, holdings, facts);
    if (refusal !== undefined) return right(refusal);
  }
  return right(undefined);
}

/** The entries a decision adds to one office's index of followers, and where the index stood. */
export interface FollowersAppend {
  readonly stream: string;
  readonly revision: StreamRevision;
  readonly events: ReadonlyArray<Seating.SeatFollowsOffice>;
}

/**
 * What the decided body events add to the indexes of the offices they make a body follow: for
 * each office a new holding follows, its index is loaded, and the bodies it does not list yet are
 * added, one entry each.
 */
export async function followersAppends(
  decided: ReadonlyArray<BodyDecided>,
  loaders: Loaders,
): Promise<Either<LoadFailure, ReadonlyArray<FollowersAppend>>> {
  const indexes = new Map<OfficeId, { state: Seating.FollowersState; revision: StreamRevision }>();
  const added = new Map<OfficeId, Seating.SeatFollowsOffice[]>();
  for (const { state, events } of decided) {
    const body = fold(Body.decider, events, state);
    for (const { holder } of Seating.newHoldings(events, body)) {
      if (holder.follows !== 'office' || indexes.has(holder.office)) continue;
      const loaded = await loaders.loadFollowers(holder.office);
      if (isLeft(loaded)) return loaded;
      indexes.set(holder.office, loaded.right);
    }
    const listed = (office: OfficeId) =>
      (added.get(office) ?? []).reduce(
        Seating.followers.evolve,
        indexes.get(office)?.state ?? Seating.followers.initialState,
      );
    for (const entry of Seating.newFollowings(events, body, listed))
      added.set(entry.data.officeId, [...(added.get(entry.data.officeId) ?? []), entry]);
  }
  return right(
    [...added].map(([office, events]) => ({
      stream: followersStream(office),
      revision: indexes.get(office)?.revision ?? 'no-stream',
      events,
    })),
  );
}

/**
 * Why the office as `after` leaves it would seat someone twice in a body following it, if it
 * would: the bodies on the office's index are loaded, with every other office their seats follow.
 */
export async function officeSeatingRefusal(
  officeId: OfficeId,
  after: Office.OfficeState,
  loaders: Loaders,
): Promise<Either<LoadFailure, Seating.PersonSitsTwice | undefined>> {
  const index = await loaders.loadFollowers(officeId);
  if (isLeft(index)) return index;
  const bodies: Body.State[] = [];
  const offices = new Map<OfficeId, Office.OfficeState>([[officeId, after]]);
  for (const bodyId of index.right.state.bodies) {
    const body = await loaders.loadBody(bodyId);
    if (isLeft(body)) return body;
    bodies.push(body.right.state);
    for (const other of Seating.officesFollowed(body.right.state).filter(
      (id) => !offices.has(id),
    )) {
      const loaded = await loaders.loadOffice(other);
      if (isLeft(loaded)) return loaded;
      offices.set(other, loaded.right.state);
    }
  }
  return right(Seating.officeChangeRefusal(officeId, bodies, (id) => offices.get(id)));
}
