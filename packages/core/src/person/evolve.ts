/**
 * Folds person events into the person's record. Pure and total: a correction to a record not yet
 * registered, or a second registration, leaves the state as it was.
 */
import type { Event } from './events.js';
import type { PersonState } from './state.js';

/** Folds one event into a person's record. */
export function evolve(state: PersonState, event: Event): PersonState {
  switch (event.type) {
    case 'PersonRegistered': {
      if (state.status !== 'unregistered') return state;
      const { personId, name, effectiveOn } = event.data;
      return { status: 'registered', personId, name, registeredOn: effectiveOn };
    }
    case 'PersonNameCorrected':
      return state.status === 'unregistered' ? state : { ...state, name: event.data.name };
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
