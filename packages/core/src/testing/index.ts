/**
 * @mandate/core/testing — test helpers for embedders and for Mandate itself: Given/When/Then for
 * deciders, fast-check arbitraries derived from the codecs, generators of command histories, and
 * the seed fixture (the Bình Phước 2018 merger).
 */
export { DeciderSpecification } from './specification.js';
export type { Then, When } from './specification.js';
export { deepEqual, show } from './deep-equal.js';
export { arbitraryOf, calendarDateArbitrary } from './arbitrary.js';
export type { ArbitraryOverrides } from './arbitrary.js';
export * as BodyArbitraries from './body-arbitraries.js';
export * as OfficeArbitraries from './office-arbitraries.js';
export * as Seed from './seed/binh-phuoc-2018.js';
export * as IllustrativeSequel from './seed/illustrative-correction.js';
