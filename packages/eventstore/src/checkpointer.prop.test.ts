/**
 * The checkpointer takes the events an append announces and reads whatever it was not told: its
 * checkpoint is the same whether announcements arrive at once, late and out of order, or never.
 */
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { createCheckpointer } from './checkpointer.js';
import { appendTo, eventFactory } from './conformance/index.js';
import { createInMemoryEventStore } from './in-memory-store.js';
import { merkleTree } from './merkle.js';
import type { AppendListener, EventStore, StoredEvent } from './port.js';
import { ScopeIndex } from './scope-index.js';

const { privateKey } = generateKeyPairSync('ed25519');
const delivery = fc.constantFrom('now', 'late', 'never', 'checkpoint');
const source = {
  kind: 'instrument',
  instrument: { issuer: 'ubnd-binh-phuoc', number: '1234/QĐ-UBND', signedOn: '2018-02-20' },
};

describe('the checkpointer', () => {
  it('signs the same roots however the appends it is told of arrive', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 1, max: 3 }), delivery),
          { maxLength: 25 },
        ),
        async (plan) => {
          const inner = createInMemoryEventStore();
          const late: Array<() => void> = [];
          let told: AppendListener = () => undefined;
          let deliver: (typeof plan)[number][2] = 'now';
          const store: EventStore = {
            ...inner,
            onAppended: (listener) => {
              told = listener;
              return () => {
                told = () => undefined;
              };
            },
          };
          inner.onAppended?.((events: ReadonlyArray<StoredEvent>) => {
            if (deliver === 'now' || deliver === 'checkpoint') told(events);
            else if (deliver === 'late') late.unshift(() => told(events));
          });
          const checkpointer = createCheckpointer({
            store,
            origin: 'mandate.test/log',
            signer: { name: 'test-key', privateKey },
            sink: { write: async () => undefined, latest: async () => undefined },
            intervalMs: 3_600_000,
          });
          checkpointer.start();
          const { events } = eventFactory('prop');
          for (const [i, [stream, count, how]] of plan.entries()) {
            deliver = how;
            const appended = await store.append(
              appendTo(
                stream,
                'any',
                events(count).map((event) => ({
                  ...event,
                  data: i % 2 === 0 ? { i } : { i, source },
                })),
              ),
            );
            expect(E.isRight(appended)).toBe(true);
            if (how === 'checkpoint') expect(E.isRight(await checkpointer.checkpoint())).toBe(true);
          }
          for (const announce of late) announce();
          const signed = await checkpointer.checkpoint();
          await checkpointer.stop();
          if (E.isLeft(signed)) throw new Error(signed.left.message);

          const log = await inner.readAll({ maxCount: 1_000 });
          if (E.isLeft(log)) throw new Error(log.left.message);
          const index = new ScopeIndex();
          for (const event of log.right) index.add(event);
          expect(signed.right.checkpoint).toEqual({
            origin: 'mandate.test/log',
            size: BigInt(log.right.length),
            rootHash: merkleTree(log.right.map((event) => event.hash)).root(),
            scopes: index.roots(),
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
