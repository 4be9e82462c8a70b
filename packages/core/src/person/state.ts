/**
 * The state of a person's record: not yet registered, or registered with the name currently
 * recorded (a correction supersedes the earlier name; the events keep both).
 */
import type { CalendarDate, Name, PersonId } from '../kernel/index.js';

/** A person stream with no events yet. */
export interface UnregisteredPerson {
  readonly status: 'unregistered';
}

/** A registered person and the name currently recorded for them. */
export interface RegisteredPerson {
  readonly status: 'registered';
  readonly personId: PersonId;
  readonly name: Name;
  readonly registeredOn: CalendarDate;
}

/** The state of one person's record. */
export type PersonState = UnregisteredPerson | RegisteredPerson;

/** The state of a person stream before any event. */
export const initialState: PersonState = { status: 'unregistered' };
