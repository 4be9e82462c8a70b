/**
 * The Vietnamese names behind the ids an answer carries: a person's registered name and an
 * office's name on a date, as the loaders fold them from the store's streams.
 */
import * as E from 'fp-ts/Either';
import type { Loaders } from '@mandate/application';
import type { CalendarDate, OfficeId, PersonId } from '@mandate/core';
import { Office } from '@mandate/core';

/** The registered name of a person, or their id when unregistered. */
export async function personName(handler: Loaders, personId: PersonId): Promise<string> {
  const loaded = await handler.loadPerson(personId);
  if (E.isLeft(loaded)) throw new Error(`${personId}: ${loaded.left.message}`);
  const { state } = loaded.right;
  return state.status === 'registered' ? state.name : personId;
}

/** The Vietnamese name of an office on `on`, or its id when it was never established. */
export async function officeName(
  handler: Loaders,
  officeId: OfficeId,
  on: CalendarDate,
): Promise<string> {
  const loaded = await handler.loadOffice(officeId);
  if (E.isLeft(loaded)) throw new Error(`${officeId}: ${loaded.left.message}`);
  const { state } = loaded.right;
  return state.status === 'unestablished' ? officeId : Office.nameOn(state, on).vi;
}
