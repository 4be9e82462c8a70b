/**
 * Folds instrument events into the registry: the recorded instrument under its key, and each of
 * its relations noted on the earlier instrument too. Pure and total: an instrument already
 * recorded under the key leaves the registry as it was.
 */
import { instrumentKey } from '../kernel/index.js';
import type { Event } from './events.js';
import type { RecordedInstrument, RegistryState } from './state.js';

/** Folds one event into the registry. */
export function evolve(state: RegistryState, event: Event): RegistryState {
  const { instrument, relations, effectiveOn, reference } = event.data;
  const key = instrumentKey(instrument);
  if (state.instruments.has(key)) return state;
  const instruments = new Map(state.instruments);
  const keyed = relations.map(({ kind, to }) => ({ kind, key: instrumentKey(to) }));
  const recorded: RecordedInstrument = {
    key,
    instrument,
    effectiveOn,
    ...(reference === undefined ? {} : { reference }),
    relations: keyed,
    relatedBy: [],
  };
  instruments.set(key, recorded);
  for (const { kind, key: earlier } of keyed) {
    const target = instruments.get(earlier);
    if (target !== undefined)
      instruments.set(earlier, { ...target, relatedBy: [...target.relatedBy, { kind, key }] });
  }
  return { instruments };
}
