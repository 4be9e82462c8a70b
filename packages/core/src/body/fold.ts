/**
 * Folding a whole body history at once: the same result as reducing it with `evolve`, in linear
 * time. The events are folded with the in-place writer into a private draft — fresh objects and
 * containers, or copies of the starting state's made once — so no state given or returned before
 * is touched, nor any object taken from an event.
 *
 * @see DOMAIN.md rule 11
 */
import type { Event } from './events.js';
import { evolveWith } from './evolve.js';
import type { State } from './state.js';
import { initialState } from './state.js';
import { inPlace } from './writer.js';

/**
 * A copy of `state` whose every object, map and array evolve may write to (the body, its seats,
 * duties, obligations and reports, their timelines, nested maps) is its own.
 */
function draftOf(state: State): State {
  if (state.status === 'unestablished') return state;
  return {
    ...state,
    names: [...state.names],
    seats: new Map(
      [...state.seats].map(([id, s]) => [
        id,
        { ...s, roles: [...s.roles], holders: [...s.holders] },
      ]),
    ),
    duties: new Map(
      [...state.duties].map(([id, d]) => [
        id,
        { ...d, categories: [...d.categories], texts: [...d.texts] },
      ]),
    ),
    obligations: new Map([...state.obligations].map(([id, o]) => [id, { ...o }])),
    reports: new Map([...state.reports].map(([id, r]) => [id, { ...r }])),
    counted: new Map([...state.counted].map(([id, periods]) => [id, new Map(periods)])),
    absorptions: [...state.absorptions],
  };
}

/**
 * Folds `events` onto `from` (the initial state by default): equal to `events.reduce(evolve,
 * from)`, in time linear in the history, leaving `from` untouched. The result is not frozen.
 */
export function foldHistory(events: Iterable<Event>, from: State = initialState): State {
  let state = draftOf(from);
  for (const event of events) state = evolveWith(inPlace, state, event);
  return state;
}
