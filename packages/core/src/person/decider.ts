/** A person's record as a decider: one stream per person, under no authority's jurisdiction. */
import type { Decider } from '../kernel/index.js';
import type { Command } from './commands.js';
import { decide, type PersonContext } from './decide.js';
import type { Event } from './events.js';
import { evolve } from './evolve.js';
import type { Refusal } from './refusals.js';
import { initialState, type PersonState } from './state.js';

/** The person decider; a person's record never closes, so no state is terminal. */
export const decider: Decider<Command, Event, PersonState, Refusal, PersonContext> = {
  initialState,
  decide,
  evolve,
  isTerminal: () => false,
};
