/**
 * The in-memory store's tamper evidence: 1,000 generated tamperings of one generated log, each
 * reported by `verify` against a signed checkpoint taken before it.
 */
import { describe, expect, it } from 'vitest';
import { checkTamperEvidence, type StoreRows } from './conformance/index.js';
import { createTamperableInMemoryEventStore } from './in-memory-store.js';

const load = async (rows: StoreRows) => {
  const tamperable = createTamperableInMemoryEventStore();
  tamperable.rewriteLog(() => rows.events);
  tamperable.rewriteHeads(() => rows.heads);
  tamperable.rewriteCommands(() => rows.commands);
  return { store: tamperable.store, cleanup: () => tamperable.store.close() };
};

describe('the in-memory store against a signed checkpoint', () => {
  it('detects every generated tampering of events, stream heads and command rows', async () => {
    const summary = await checkTamperEvidence({
      create: async () => {
        const tamperable = createTamperableInMemoryEventStore();
        return {
          store: tamperable.store,
          rows: async () => ({
            events: tamperable.rows(),
            heads: tamperable.heads(),
            commands: tamperable.commands(),
          }),
          cleanup: () => tamperable.store.close(),
        };
      },
      load,
    });
    expect(Object.values(summary).reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(Object.keys(summary).length).toBeGreaterThanOrEqual(18);
  });
});
