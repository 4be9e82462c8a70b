/**
 * The Vietnamese names behind the ids an answer carries — a person's registered name, an office's
 * name on a date — as the application's loaders fold them from the store's streams. The read
 * models answer with ids; a table for a person shows names. An id whose stream holds no name
 * (or cannot be read) is shown as itself.
 */
import * as E from 'fp-ts/Either';
import { createCommandHandler } from '@mandate/application';
import { Office, type CalendarDate, type OfficeId, type PersonId } from '@mandate/core';
import type { EventStore } from '@mandate/eventstore';

/** Looks names up by id, each stream read once. */
export interface NameBook {
  /** The person's registered name, else the id. */
  readonly person: (personId: PersonId) => Promise<string>;
  /** The office's Vietnamese name on `on`, else the id. */
  readonly office: (officeId: OfficeId, on: CalendarDate) => Promise<string>;
}

/** A name book over `store`'s streams. */
export function nameBook(store: EventStore): NameBook {
  const loaders = createCommandHandler({ store });
  const people = new Map<PersonId, Promise<string>>();
  const offices = new Map<OfficeId, Promise<Office.OfficeState | undefined>>();
  const personName = async (personId: PersonId): Promise<string> => {
    const loaded = await loaders.loadPerson(personId);
    return E.isRight(loaded) && loaded.right.state.status === 'registered'
      ? loaded.right.state.name
      : personId;
  };
  const officeState = async (officeId: OfficeId): Promise<Office.OfficeState | undefined> => {
    const loaded = await loaders.loadOffice(officeId);
    return E.isRight(loaded) ? loaded.right.state : undefined;
  };
  return {
    person: (personId) => {
      const known = people.get(personId) ?? personName(personId);
      people.set(personId, known);
      return known;
    },
    office: async (officeId, on) => {
      const known = offices.get(officeId) ?? officeState(officeId);
      offices.set(officeId, known);
      const state = await known;
      return state === undefined || state.status === 'unestablished'
        ? officeId
        : Office.nameOn(state, on).vi;
    },
  };
}
