/**
 * @mandate/core/testing — test helpers for embedders and for Mandate itself: Given/When/Then for
 * deciders, fast-check arbitraries derived from the codecs, and the seed fixture.
 */
export { DeciderSpecification } from './specification.js';
export type { Then, When } from './specification.js';
export { deepEqual, show } from './deep-equal.js';
