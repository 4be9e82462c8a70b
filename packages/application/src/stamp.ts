/**
 * Stamping: what turns decided domain events into events to append.
 */
import type { NewEvent } from '@mandate/eventstore';
import type { DomainEvent, EventVersionsOf } from './aggregates.js';

/** Gives decided domain events their ids, versions and metadata. */
export type Stamp = <Event extends DomainEvent>(
  events: ReadonlyArray<Event>,
  versions: EventVersionsOf<Event>,
) => ReadonlyArray<NewEvent>;
