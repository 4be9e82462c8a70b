/**
 * Fixtures of the conformance suite: a controllable clock, valid event metadata, and builders of
 * new events with unique ids.
 */
import * as E from 'fp-ts/Either';
import { isInstant, type Instant } from '@mandate/core';
import { EventMetadataCodec } from '../metadata.js';
import type { AppendRequest, EventMetadata, ExpectedRevision, NewEvent } from '../port.js';

/** A clock the test controls; give `now` to the store under test as its clock. */
export interface TestClock {
  /** The current reading. */
  readonly now: () => Instant;
  /** Sets the reading. */
  readonly set: (instant: Instant) => void;
  /** Moves the reading by `ms` milliseconds (backwards when negative). */
  readonly advance: (ms: number) => void;
}

/** The instant test clocks start at unless told otherwise. */
export const TEST_CLOCK_START = '2019-07-01T03:00:00.000Z' as Instant;

/** Creates a {@link TestClock} reading `start`. */
export function createTestClock(start: Instant = TEST_CLOCK_START): TestClock {
  let current = start;
  const set = (instant: Instant) => {
    if (!isInstant(instant)) throw new TypeError(`Not an instant: ${String(instant)}`);
    current = instant;
  };
  return {
    now: () => current,
    set,
    advance: (ms) => set(new Date(Date.parse(current) + ms).toISOString() as Instant),
  };
}

/** Valid metadata for test events (valid from 2018-05-02), with `commandId`. */
export function sampleMetadata(commandId = 'cmd-fixture'): EventMetadata {
  const decoded = EventMetadataCodec.decode({
    validDate: '2018-05-02',
    commandId,
    correlationId: `corr-${commandId}`,
    causationId: commandId,
    actor: 'conformance-suite',
  });
  if (E.isLeft(decoded)) throw new Error('The sample metadata does not decode');
  return decoded.right;
}

/** Makes new events with ids unique within one factory. */
export interface EventFactory {
  /** A new event of `type` (default `TestEventHappened`) with `data` (default `{ n }`). */
  readonly event: (options?: { readonly type?: string; readonly data?: unknown }) => NewEvent;
  /** `count` new events of the default type. */
  readonly events: (count: number) => ReadonlyArray<NewEvent>;
}

/** Creates an {@link EventFactory} whose event ids start with `prefix`. */
export function eventFactory(prefix = 'evt'): EventFactory {
  let n = 0;
  const metadata = sampleMetadata();
  const event: EventFactory['event'] = (options = {}) => {
    n += 1;
    return {
      eventId: `${prefix}-${n}`,
      type: options.type ?? 'TestEventHappened',
      schemaVersion: 1,
      data: options.data === undefined ? { n, note: 'Ban Chỉ đạo' } : options.data,
      metadata,
    };
  };
  return { event, events: (count) => Array.from({ length: count }, () => event()) };
}

/**
 * A single-stream append request; with a `commandId`, each event's metadata names that command,
 * as the application writes them (verify checks a recorded command's events carry its id).
 */
export const appendTo = (
  stream: string,
  expectedRevision: ExpectedRevision,
  events: ReadonlyArray<NewEvent>,
  commandId?: string,
): AppendRequest =>
  commandId === undefined
    ? { appends: [{ stream, expectedRevision, events }] }
    : {
        commandId: commandId as NonNullable<AppendRequest['commandId']>,
        appends: [
          {
            stream,
            expectedRevision,
            events: events.map((event) => ({
              ...event,
              metadata: { ...event.metadata, commandId: commandId as EventMetadata['commandId'] },
            })),
          },
        ],
      };
