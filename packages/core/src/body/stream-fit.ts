/**
 * Whether a stored body event fits the body's stream: it names the stream's body, and only the
 * first event establishes it.
 */
import { streamContradiction, type BodyId } from '../kernel/index.js';
import type { Event } from './events.js';

/** Why `event`, read from body `owner`'s stream (`first` at revision 0), contradicts it, if it does. */
export const contradiction = (event: Event, owner: BodyId, first: boolean): string | undefined =>
  streamContradiction(
    { owner, named: event.data.bodyId, establishes: event.type === 'BodyEstablished', first },
    'body',
  );
