/**
 * Decides commands to the instrument registry. An instrument is recorded once under its canonical
 * key: recording it again as recorded is nothing to do, recording another instrument under the
 * same key (another type, signer or signing date) is refused naming both. Each relation must name
 * a recorded instrument signed earlier, exactly as recorded.
 *
 * @see docs/reference/domain.md rule 15
 */
import { left, right, type Either } from 'fp-ts/Either';
import { instrumentKey, instrumentSource } from '../kernel/index.js';
import { agrees, resolveRelated } from './citation.js';
import type { Command } from './commands.js';
import type { Event } from './events.js';
import { citationConflict, relationNotEarlier, type Refusal } from './refusals.js';
import type { RegistryState } from './state.js';

/** Decides a command against the registry: a refusal, or the events to record. */
export function decide(
  command: Command,
  state: RegistryState,
): Either<Refusal, ReadonlyArray<Event>> {
  const { basis, effectiveOn, relations, reference } = command.data;
  const key = instrumentKey(basis);
  const recorded = state.instruments.get(key);
  if (recorded !== undefined)
    return agrees(basis, recorded.instrument)
      ? right([])
      : left(citationConflict(key, basis, recorded.instrument));
  for (const relation of relations) {
    const related = resolveRelated(state, relation.to);
    if (related._tag === 'Left') return related;
    if (related.right.instrument.signedOn > basis.signedOn)
      return left(relationNotEarlier(basis, related.right.instrument));
  }
  return right([
    {
      type: 'InstrumentRecorded',
      data: {
        instrument: basis,
        relations,
        effectiveOn,
        source: instrumentSource(basis),
        ...(reference === undefined ? {} : { reference }),
      },
    },
  ]);
}
