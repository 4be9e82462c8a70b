/**
 * An office as a decider: one stream per office. Its context carries the jurisdiction the
 * authority registry defines (docs/reference/domain.md rule 9).
 */
import type { Decider } from '../kernel/index.js';
import type { Command } from './commands.js';
import { decide, type OfficeContext } from './decide.js';
import type { Event } from './events.js';
import { evolve } from './evolve.js';
import type { Refusal } from './refusals.js';
import { initialState, type OfficeState } from './state.js';

/** The office decider; an abolished office accepts nothing more. */
export const decider: Decider<Command, Event, OfficeState, Refusal, OfficeContext> = {
  initialState,
  decide,
  evolve,
  isTerminal: (state) => state.status === 'abolished',
};
