/**
 * The instrument registry as a decider: one stream for every instrument, needing no context.
 *
 * @see docs/reference/domain.md rule 15
 */
import type { Decider } from '../kernel/index.js';
import type { Command } from './commands.js';
import { decide } from './decide.js';
import type { Event } from './events.js';
import { evolve } from './evolve.js';
import type { Refusal } from './refusals.js';
import { initialState, type RegistryState } from './state.js';

/** The instrument registry decider; it always accepts more instruments. */
export const decider: Decider<Command, Event, RegistryState, Refusal, undefined> = {
  initialState,
  decide: (command, state) => decide(command, state),
  evolve,
  isTerminal: () => false,
};
