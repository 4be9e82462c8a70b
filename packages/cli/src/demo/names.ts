/**
 * The names the demo prints for the ids an answer carries — a person's registered name, an
 * office's Vietnamese name on a date — folded from the store's streams by the application's
 * loaders, each looked up once.
 */
import * as E from 'fp-ts/Either';
import type { Loaders } from '@mandate/application';
import { Office, type CalendarDate, type OfficeId, type PersonId } from '@mandate/core';

/** Names of persons and offices, looked up on demand. */
export interface Names {
  readonly person: (personId: PersonId) => Promise<string>;
  readonly office: (officeId: OfficeId, on: CalendarDate) => Promise<string>;
}

/** Looks names up through `loaders`; an id that cannot be loaded stands for itself. */
export function namesFrom(loaders: Loaders): Names {
  return {
    person: async (personId) => {
      const loaded = await loaders.loadPerson(personId);
      return E.isRight(loaded) && loaded.right.state.status === 'registered'
        ? loaded.right.state.name
        : personId;
    },
    office: async (officeId, on) => {
      const loaded = await loaders.loadOffice(officeId);
      return E.isRight(loaded) && loaded.right.state.status !== 'unestablished'
        ? Office.nameOn(loaded.right.state, on).vi
        : officeId;
    },
  };
}
