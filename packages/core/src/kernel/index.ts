/** Shared value objects of the domain: ids, dates, instants, names, source documents. */
export * from './calendar-date.js';
export * from './codec.js';
export * from './codec-combinators.js';
export * from './decider.js';
export * from './decode-failure.js';
export * from './ids.js';
export * from './instant.js';
export * from './instrument-key.js';
export * from './jurisdiction.js';
export * from './legal-basis.js';
export * from './recorded-events.js';
export * from './refusal.js';
export * from './seat-holder.js';
export * from './text.js';
export * from './stream-fit.js';
export * from './withdrawal.js';
export * from './withdrawn-identity.js';
