/**
 * @mandate/audit — checks an offline audit bundle (events, Merkle inclusion proofs, a signed
 * checkpoint) with no database and no Node-only API, in Node or in a browser.
 */
export type { BundleProof, BundleRejected, BundleVerification } from './verify-bundle.js';
export { describeProof, verifyAuditBundle } from './verify-bundle.js';
