/**
 * Turning decided domain events into events to append: each gets a fresh event id, its type's
 * schema version, and metadata for the audit trail — its valid date taken from its own data
 * (docs/reference/domain.md rule 8), the command that produced it, the tracing ids and the actor.
 * The source document stays in the data only, stored once. Recorded time is not set here: the
 * store stamps it.
 *
 * @see docs/reference/domain.md rule 8
 */
import type { CommandId } from '@mandate/core';
import type { NewEvent, StreamAppend } from '@mandate/eventstore';
import type { DomainEvent, EventVersionsOf } from './aggregates.js';
import type { StreamRevision } from './load.js';

/** Who and what caused the events of one command, for their metadata. */
export interface CommandTrace {
  readonly commandId: CommandId;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: string;
}

/** Makes the events to append, with metadata, for the domain events one stream received. */
export function toNewEvents<Event extends DomainEvent>(
  events: ReadonlyArray<Event>,
  versions: EventVersionsOf<Event>,
  trace: CommandTrace,
  newEventId: () => string,
): ReadonlyArray<NewEvent> {
  return events.map((event) => ({
    eventId: newEventId(),
    type: event.type,
    schemaVersion: versions[event.type as Event['type']],
    data: event.data,
    metadata: {
      validDate: event.data.effectiveOn,
      commandId: trace.commandId,
      correlationId: trace.correlationId,
      causationId: trace.causationId,
      actor: trace.actor,
    },
  }));
}

/** Writes a stream's new events as its part of an append, expecting the revision it was read at. */
export const streamAppend = (
  stream: string,
  revision: StreamRevision,
  events: ReadonlyArray<NewEvent>,
): StreamAppend => ({ stream, expectedRevision: revision, events });
