/**
 * A rehearsal copy of a store for `apply --dry-run`: every event of its log appended, in log
 * order and under its own command id, to a fresh in-memory store — same streams, same revisions,
 * same recorded commands — so that several files can be applied to the copy in turn, each seeing
 * the ones before it, while the store itself is only read.
 */
import * as E from 'fp-ts/Either';
import {
  createInMemoryEventStore,
  type EventStore,
  type NewEvent,
  type StoreError,
  type StoredEvent,
  type StreamAppend,
} from '@mandate/eventstore';

/** The events of one original append: consecutive events under one command id. */
function appendsOf(events: ReadonlyArray<StoredEvent>): ReadonlyArray<StreamAppend> {
  const byStream = new Map<string, NewEvent[]>();
  for (const { eventId, type, schemaVersion, data, metadata, stream } of events) {
    const list = byStream.get(stream) ?? [];
    list.push({ eventId, type, schemaVersion, data, metadata });
    byStream.set(stream, list);
  }
  return [...byStream.entries()].map(([stream, list]) => ({
    stream,
    expectedRevision: 'any',
    events: list,
  }));
}

/** Copies `store`'s whole log into a new in-memory store. */
export async function rehearsalCopy(store: EventStore): Promise<E.Either<StoreError, EventStore>> {
  const copy = createInMemoryEventStore();
  let after = 0n;
  let group: StoredEvent[] = [];
  const flush = async (): Promise<E.Either<StoreError, void>> => {
    const [first] = group;
    if (first === undefined) return E.right(undefined);
    const appended = await copy.append({
      commandId: first.metadata.commandId,
      appends: appendsOf(group),
    });
    group = [];
    return E.isLeft(appended) ? appended : E.right(undefined);
  };
  for (;;) {
    const page = await store.readAll({ after });
    if (E.isLeft(page)) return page;
    if (page.right.length === 0) break;
    for (const event of page.right) {
      if (group[0] !== undefined && group[0].metadata.commandId !== event.metadata.commandId) {
        const flushed = await flush();
        if (E.isLeft(flushed)) return flushed;
      }
      group.push(event);
      after = event.position;
    }
  }
  const flushed = await flush();
  return E.isLeft(flushed) ? flushed : E.right(copy);
}
