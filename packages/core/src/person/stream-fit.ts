/**
 * Whether a stored person event fits the person's stream: it names the stream's person, and only
 * the first event registers them.
 */
import { streamContradiction, type PersonId } from '../kernel/index.js';
import type { Event } from './events.js';

/** Why `event`, read from person `owner`'s stream (`first` at revision 0), contradicts it, if it does. */
export const contradiction = (event: Event, owner: PersonId, first: boolean): string | undefined =>
  streamContradiction(
    { owner, named: event.data.personId, establishes: event.type === 'PersonRegistered', first },
    'person',
  );
