/**
 * The generators of `@mandate/core`'s testing kit that this package's property tests use,
 * imported from their modules because `@mandate/core/testing` does not export them yet; once it
 * does, this module re-exports them from there.
 */
export { bodyCommands } from '../../core/src/testing/body-arbitraries.js';
export {
  authorityCommandArbitrary,
  authorityHistoryArbitrary,
  corruptedLeafArbitrary,
  officeCommandArbitrary,
  officeHistoryArbitrary,
  personCommandArbitrary,
} from '../../core/src/testing/office-arbitraries.js';
