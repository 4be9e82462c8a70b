/**
 * A stream's events by the ids the store gave them. A correction names the event it corrects by
 * id; the core never makes or reads ids itself, so whoever loads a stream hands its events in, by
 * id and in stream order, as part of a decision's context.
 *
 * @see docs/reference/domain.md rule 14
 */
import type { EventId } from './ids.js';

/** One stream's events by id, in the order they were appended. */
export type RecordedEvents<Event> = ReadonlyMap<EventId, Event>;

/** No events known by id: a correction decided against it names nothing it could correct. */
export const noRecordedEvents: RecordedEvents<never> = new Map<EventId, never>();
