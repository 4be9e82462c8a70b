/**
 * The rules across streams for the seats a body decision begins: the application holds the other
 * streams, so it loads the offices and persons the body's seats name (each becoming a read
 * expectation of the append) and asks the core's pure check.
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
import type { LoadFailure } from './load.js';
import type { Loaders } from './loaders.js';

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
