/**
 * Whether a stored office event fits the office's stream: it names the stream's office, and only
 * the first event establishes it.
 */
import { streamContradiction, type OfficeId } from '../kernel/index.js';
import type { Event } from './events.js';

/** Why `event`, read from office `owner`'s stream (`first` at revision 0), contradicts it, if it does. */
export const contradiction = (event: Event, owner: OfficeId, first: boolean): string | undefined =>
  streamContradiction(
    { owner, named: event.data.officeId, establishes: event.type === 'OfficeEstablished', first },
    'office',
  );
