/**
 * `readAll` reads the page after a full page ahead (`pagesReadingAhead`): a reader paging through
 * the log gets exactly the pages a fresh read would give, and the log's tail is never handed out
 * stale — a page read ahead before more events were committed is read again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, freshSchema, openStore, sampleEvent, successOf } from './server.fixture.js';

const schema = freshSchema();
afterAll(() => dropSchema(schema));

const positions = (events: ReadonlyArray<{ readonly position: bigint }>) =>
  events.map((event) => Number(event.position));

describe('reading the log ahead', () => {
  it('pages through the whole log as fresh reads would, and never serves a stale tail', async () => {
    const store = await openStore({ schema });
    const append = async (ids: ReadonlyArray<string>) =>
      successOf(
        await store.append({
          appends: [
            { stream: 'ahead', expectedRevision: 'any', events: ids.map((id) => sampleEvent(id)) },
          ],
        }),
      );
    await append(['a-1', 'a-2', 'a-3']);
    expect(positions(successOf(await store.readAll({ after: 0n, maxCount: 2 })))).toEqual([1, 2]);
    // The page after position 2 has been read ahead, holding only position 3; let it arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await append(['a-4', 'a-5']);
    expect(positions(successOf(await store.readAll({ after: 2n, maxCount: 2 })))).toEqual([3, 4]);
    expect(positions(successOf(await store.readAll({ after: 4n, maxCount: 2 })))).toEqual([5]);
    await append(['a-6', 'a-7', 'a-8']);
    const paged: number[] = [];
    for (let after = 0n; ;) {
      const page = successOf(await store.readAll({ after, maxCount: 3 }));
      const last = page.at(-1);
      if (last === undefined) break;
      paged.push(...positions(page));
      after = last.position;
    }
    expect(paged).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await store.close();
  });
});
