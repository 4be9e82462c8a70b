/**
 * How many events a store's log holds, found without reading it: global positions count from 1
 * without gaps (the port's promise), so the last one is found by probing single positions,
 * doubling then halving — about twice log₂(n) one-event reads. Progress bars use it as their total.
 */
import * as E from 'fp-ts/Either';
import type { CorruptEvent, EventStore, StoreUnavailable } from '@mandate/eventstore';

type ReadFailure = StoreUnavailable | CorruptEvent;

/** Whether the log holds an event at `position` (from 1). */
async function holds(
  store: Pick<EventStore, 'readAll'>,
  position: bigint,
): Promise<E.Either<ReadFailure, boolean>> {
  const page = await store.readAll({ after: position - 1n, maxCount: 1 });
  return E.map((events: ReadonlyArray<unknown>) => events.length > 0)(page);
}

/** The position of the log's last event, 0 when it is empty. */
export async function logSize(
  store: Pick<EventStore, 'readAll'>,
): Promise<E.Either<ReadFailure, bigint>> {
  let known = 0n;
  let beyond = 1n;
  for (;;) {
    const found = await holds(store, beyond);
    if (E.isLeft(found)) return found;
    if (!found.right) break;
    known = beyond;
    beyond *= 2n;
  }
  while (beyond - known > 1n) {
    const middle = (known + beyond) / 2n;
    const found = await holds(store, middle);
    if (E.isLeft(found)) return found;
    if (found.right) known = middle;
    else beyond = middle;
  }
  return E.right(known);
}
