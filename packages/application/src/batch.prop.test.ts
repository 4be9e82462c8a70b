/**
 * A batch is the commands handled one by one, all or nothing: it is accepted exactly when handling
 * them one by one (each on a fresh store) accepts every one, and then it records the same events;
 * otherwise it records nothing at all. Both stores first record every instrument the commands cite.
 */
import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBatchHandler } from './batch.js';
import {
  createSeat,
  establishBody,
  mergeBodies,
  registerCity,
  registerProvince,
  renameBody,
} from './commands.fixture.js';
import { createCommandHandler } from './handle.js';
import { memoryStore, recordCited, wholeLog } from './store.fixture.js';

const pool = [
  registerProvince,
  registerCity,
  establishBody('bcd-1'),
  establishBody('bcd-2'),
  createSeat('bcd-1', 'uy-vien-1', 'giam-doc-so-tc'),
  renameBody('bcd-1', 'Tên mới'),
  renameBody('bcd-2', 'Tên khác'),
  mergeBodies('hop-nhat', ['bcd-1', 'bcd-2'], 'bcd-3'),
];

type Log = Awaited<ReturnType<typeof wholeLog>>;
const shape = (log: Log) =>
  log
    .map(({ stream, revision, type, data }) => ({ stream, revision, type, data }))
    .sort((a, b) => a.stream.localeCompare(b.stream) || Number(a.revision - b.revision));

describe('a batch', () => {
  it('is accepted exactly when every command is, one by one, and then records the same', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 6 }),
        async (commands) => {
          // Both stores start with every instrument the pool cites (the registry is mandatory).
          const oneByOne = memoryStore();
          const handler = createCommandHandler({ store: oneByOne });
          await recordCited(handler, ...pool);
          let everyAccepted = true;
          for (const [index, command] of commands.entries()) {
            const result = await handler.handle({ commandId: `c-${index}`, actor: 'a', command });
            if (E.isLeft(result)) {
              everyAccepted = false;
              break;
            }
          }
          const together = memoryStore();
          await recordCited(createCommandHandler({ store: together }), ...pool);
          const preamble = shape(await wholeLog(together));
          const batch = await createBatchHandler({ store: together }).handleBatch({
            commandId: 'b',
            actor: 'a',
            commands,
          });
          expect(E.isRight(batch)).toBe(everyAccepted);
          expect(shape(await wholeLog(together))).toEqual(
            everyAccepted ? shape(await wholeLog(oneByOne)) : preamble,
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
