/**
 * Loading a stream: read its events, upcast and decode each one, and fold them into the
 * aggregate's state, remembering the stream's revision for the next append's expected revision.
 * A stream with no events is the initial state at `'no-stream'`. A stored event that does not
 * decode is a `CorruptEvent` naming its stream and revision, never a throw.
 *
 * @see docs/reference/domain.md rules 11 and 12
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { fold } from '@mandate/core';
import {
  decodeStored,
  type CorruptEvent,
  type EventStore,
  type StoreUnavailable,
  type StreamName,
  type UpcasterRegistry,
} from '@mandate/eventstore';
import type { Foldable } from './aggregates.js';

/** A stream's revision: its last event's, or `'no-stream'` when it has none. */
export type StreamRevision = bigint | 'no-stream';

/** A folded state and the revision of the stream it was folded from. */
export interface Loaded<State> {
  readonly state: State;
  readonly revision: StreamRevision;
}

/** Why a stream could not be loaded. */
export type LoadFailure = StoreUnavailable | CorruptEvent;

/** Where stored events come from, and how old versions are brought up to date. */
export interface EventSource {
  readonly store: EventStore;
  readonly upcasters: UpcasterRegistry;
}

/**
 * Loads `stream` of `aggregate`. Given `known`, a state already folded from the stream, only the
 * events after its revision are read and folded onto it.
 */
export async function loadStream<Event, State>(
  { store, upcasters }: EventSource,
  aggregate: Foldable<Event, State>,
  stream: StreamName,
  known?: Loaded<State>,
): Promise<Either<LoadFailure, Loaded<State>>> {
  const from = known?.revision ?? 'no-stream';
  const read = await store.readStream(
    stream,
    from === 'no-stream' ? {} : { fromRevision: from + 1n },
  );
  if (isLeft(read)) {
    return read.left._tag === 'StreamNotFound'
      ? right({ state: aggregate.decider.initialState, revision: 'no-stream' })
      : left(read.left);
  }
  const events: Event[] = [];
  let revision: StreamRevision = from;
  for (const stored of read.right) {
    const decoded = decodeStored(aggregate.schema, upcasters, stored);
    if (isLeft(decoded)) return decoded;
    // The schema decodes each type's data through the aggregate's own Event codec.
    events.push(decoded.right as Event);
    revision = stored.revision;
  }
  const state = fold(aggregate.decider, events, known?.state ?? aggregate.decider.initialState);
  return right({ state, revision });
}
