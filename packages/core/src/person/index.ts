/** Persons: natural persons identified by id, with their names in Unicode NFC. */
export { Command, CorrectPersonName, RegisterPerson } from './commands.js';
export { decider } from './decider.js';
export { Event, EventVersions, PersonNameCorrected, PersonRegistered } from './events.js';
export type { PersonContext } from './decide.js';
export type {
  NotTheRegistration,
  PersonAlreadyRegistered,
  PersonNotFound,
  Refusal,
} from './refusals.js';
export { initialState } from './state.js';
export type { PersonState, RegisteredPerson, UnregisteredPerson } from './state.js';
export { contradiction } from './stream-fit.js';
