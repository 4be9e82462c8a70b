/**
 * The body decider: one body's stream is one consistency boundary, holding the body-local rules
 * (established once; one head; one seat per holder; facts within the body's life; one counted
 * report per obligation and period) and the jurisdiction check on every instrument.
 *
 * @see docs/reference/domain.md rules 1, 2, 3, 4, 7, 8 and 9
 */
import type { Decider } from '../kernel/index.js';
import type { Command } from './commands.js';
import type { BodyContext } from './decide.js';
import { decide } from './decide.js';
import type { Event } from './events.js';
import { evolve } from './evolve.js';
import { foldHistory } from './fold.js';
import type { Refusal } from './refusals.js';
import type { State } from './state.js';
import { initialState } from './state.js';

/**
 * Never true: after its end a body still takes reports for periods that ended by then (rule 1)
 * and corrections of anything it recorded (rule 14) — at the least, of the name it was
 * established with — so its stream never closes.
 *
 * @see docs/reference/domain.md rules 1 and 14
 */
export const isTerminal = (_state: State): boolean => false;

/** The body decider. */
export const decider: Decider<Command, Event, State, Refusal, BodyContext> = {
  initialState,
  decide,
  evolve,
  foldAll: foldHistory,
  isTerminal,
};
