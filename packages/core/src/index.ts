/**
 * @mandate/core — the pure domain core: kernel value objects and one decider per consistency
 * boundary. No I/O, no clock, no randomness: time and ids enter as data.
 */
export * from './kernel/index.js';
export * as Authority from './authority/index.js';
export * as Body from './body/index.js';
export * as Instrument from './instrument/index.js';
export * as Office from './office/index.js';
export * as Person from './person/index.js';
export * as Reorganisation from './reorganisation/index.js';
export * as Seating from './seating/index.js';
