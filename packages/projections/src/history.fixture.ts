/**
 * Test fixtures: an in-memory event store with a clock the test moves, command submission through
 * the application's handler, and reading the whole log.
 */
import * as E from 'fp-ts/Either';
import { epochMillisecondsOf, instantOf, type Instant } from '@mandate/core';
import { createCommandHandler, type CommandHandler } from '@mandate/application';
import { createInMemoryEventStore, type EventStore, type StoredEvent } from '@mandate/eventstore';

/** A minute, in milliseconds: the unit generated histories advance the clock by. */
export const MINUTE = 60_000;

/** The instant from which generated histories are recorded. */
export const RECORDING_START = '2018-06-01T00:00:00.000Z' as Instant;

/** A store clock that stands still until the test advances it. */
export interface ManualClock {
  readonly now: () => Instant;
  readonly advance: (milliseconds: number) => void;
}

/** A manual clock starting at `start`. */
export function manualClock(start: Instant): ManualClock {
  let now = epochMillisecondsOf(start);
  return {
    now: () => instantOf(now),
    advance: (milliseconds) => {
      now += milliseconds;
    },
  };
}

/** A fresh in-memory store on a manual clock, and a command handler over it. */
export function memoryWorld(start: Instant): {
  readonly store: EventStore;
  readonly clock: ManualClock;
  readonly handler: CommandHandler;
} {
  const clock = manualClock(start);
  const store = createInMemoryEventStore({ clock: clock.now });
  let nextId = 0;
  const handler = createCommandHandler({ store, newEventId: () => `event-${++nextId}` });
  return { store, clock, handler };
}

/** Every event of the log, in position order. */
export async function wholeLog(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: events.at(-1)?.position ?? 0n });
    if (E.isLeft(page)) throw new Error(`readAll failed: ${page.left.message}`);
    if (page.right.length === 0) return events;
    events.push(...page.right);
  }
}

/** Wraps a command in an envelope. */
export const envelope = (commandId: string, command: unknown) => ({
  commandId,
  actor: 'clerk@ubnd-binh-phuoc',
  command,
});
