/** @mandate/eventstore — the event store port, its error vocabulary and the in-memory store. */
export type * from './port.js';
export type * from './errors.js';
