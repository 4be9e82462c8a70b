/**
 * The authority registry as a decider: one stream holding the whole hierarchy. It needs no
 * context: the jurisdiction it checks is the one its own state defines.
 */
import type { Decider } from '../kernel/index.js';
import type { Command } from './commands.js';
import { decide } from './decide.js';
import type { Event } from './events.js';
import { evolve } from './evolve.js';
import type { Refusal } from './refusals.js';
import { initialState, type RegistryState } from './state.js';

/** The authority registry decider; the registry never ends, so no state is terminal. */
export const decider: Decider<Command, Event, RegistryState, Refusal> = {
  initialState,
  decide,
  evolve,
  isTerminal: () => false,
};
