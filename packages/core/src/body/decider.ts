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
import { periodInterval, periodOf } from './period.js';
import type { Refusal } from './refusals.js';
import type { State } from './state.js';
import { initialState } from './state.js';

/**
 * True when the body has ended and no report can ever be filed or corrected again: no obligation
 * was in force during any period that ended by the body's end. (The earliest period an obligation
 * overlaps is the one containing the day it was imposed.)
 *
 * @see docs/reference/domain.md rule 1
 */
export function isTerminal(state: State): boolean {
  if (state.status !== 'ended') return false;
  for (const obligation of state.obligations.values()) {
    const first = periodOf(obligation.cadence, obligation.imposedOn);
    if (first !== undefined && periodInterval(first).to <= state.endedOn) return false;
  }
  return true;
}

/** The body decider. */
export const decider: Decider<Command, Event, State, Refusal, BodyContext> = {
  initialState,
  decide,
  evolve,
  foldAll: foldHistory,
  isTerminal,
};
