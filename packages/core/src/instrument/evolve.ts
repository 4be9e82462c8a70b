/**
 * Folds instrument events into the registry: the recorded instrument under its key, and each of
 * its relations noted on the earlier instrument too. Pure and total: an instrument already
 * recorded under the key leaves the registry as it was. An annulment marks the annulled
 * instrument (rule 14).
 */
import { instrumentKey } from '../kernel/index.js';
import type { Event, InstrumentAnnulled, InstrumentRecorded } from './events.js';
import type { RecordedInstrument, RegistryState } from './state.js';

/** Folds one event into the registry. */
export function evolve(state: RegistryState, event: Event): RegistryState {
  return event.type === 'InstrumentRecorded' ? recorded(state, event) : annulled(state, event);
}

/**
 * Marks an annulled instrument with the one that annulled it, noting the `annuls` relation on
 * both unless the annulling instrument was recorded with it. An annulment of an unrecorded or
 * already annulled instrument, or by an unrecorded one, leaves the registry as it was.
 */
function annulled(state: RegistryState, event: InstrumentAnnulled): RegistryState {
  const { instrument, source } = event.data;
  if (source.kind !== 'instrument') return state;
  const key = instrumentKey(instrument);
  const by = instrumentKey(source.instrument);
  const target = state.instruments.get(key);
  const annulling = state.instruments.get(by);
  if (target === undefined || annulling === undefined || target.annulledBy !== undefined)
    return state;
  const related = annulling.relations.some((r) => r.kind === 'annuls' && r.key === key);
  const instruments = new Map(state.instruments);
  instruments.set(key, {
    ...target,
    annulledBy: by,
    ...(related ? {} : { relatedBy: [...target.relatedBy, { kind: 'annuls', key: by }] }),
  });
  if (!related)
    instruments.set(by, {
      ...annulling,
      relations: [...annulling.relations, { kind: 'annuls', key }],
    });
  return { instruments };
}

/** Records an instrument under its key, and each of its relations on the earlier instrument. */
function recorded(state: RegistryState, event: InstrumentRecorded): RegistryState {
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
