/**
 * Loading a stream: read its events, upcast and decode each one, and fold them into the
 * aggregate's state, remembering the stream's revision for the next append's expected revision.
 * A stream with no events is the initial state at `'no-stream'`. A stored event that does not
 * decode, or that contradicts its stream (names another aggregate, establishes it a second time,
 * or comes before its establishment), is a `CorruptEvent` naming its stream and revision — never
 * folded, never a throw. Events an annulment withdrew are not folded, nor the withdrawals
 * themselves; the stream's establishment is then its first standing event (rule 14). A stream
 * whose establishment was withdrawn is loaded with that withdrawal: its id stays taken.
 *
 * @see docs/reference/domain.md rules 11, 12 and 14
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import {
  EventId,
  establishmentWithdrawal,
  fold,
  isWithdrawal,
  withdrawnIds,
  type EventsWithdrawn,
  type IdentifiedEvent,
  type RecordedEvents,
} from '@mandate/core';
import {
  corruptEvent,
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
  /** The withdrawal of the stream's first event (its establishment), if an annulment withdrew it. */
  readonly establishmentWithdrawn?: EventsWithdrawn;
}

/** Why a stream could not be loaded. */
export type LoadFailure = StoreUnavailable | CorruptEvent;

/** Where stored events come from, and how old versions are brought up to date. */
export interface EventSource {
  readonly store: EventStore;
  readonly upcasters: UpcasterRegistry;
}

/** Why a decoded event contradicts the stream it was read from (`first`: at revision 0), if it does. */
export type Contradiction<Event> = (event: Event, first: boolean) => string | undefined;

/** A stream's event with its revision, to name it when it contradicts its stream. */
interface Positioned {
  readonly revision: bigint;
}

/** A folded state with the stream's events by id, which a correction names (rule 14). */
export interface LoadedWithEvents<State, Event> extends Loaded<State> {
  readonly recorded: RecordedEvents<Event>;
}

/**
 * Loads `stream` of `aggregate`. Given `known`, a state already folded from the stream, only the
 * events after its revision are read and folded onto it.
 */
export async function loadStream<Event, State>(
  source: EventSource,
  aggregate: Foldable<Event, State>,
  stream: StreamName,
  known?: Loaded<State>,
  contradiction?: Contradiction<Event>,
): Promise<Either<LoadFailure, Loaded<State>>> {
  const loaded = await loadStreamWithEvents(source, aggregate, stream, known, contradiction);
  if (isLeft(loaded)) return loaded;
  const { state, revision, establishmentWithdrawn } = loaded.right;
  return right({
    state,
    revision,
    ...(establishmentWithdrawn === undefined ? {} : { establishmentWithdrawn }),
  });
}

/**
 * Loads `stream` of `aggregate` as {@link loadStream} does, keeping its standing events (those no
 * annulment withdrew) by id (an id that is not a valid {@link EventId} cannot be named, and is
 * left out).
 *
 * @see docs/reference/domain.md rule 14
 */
export async function loadStreamWithEvents<Event, State>(
  { store, upcasters }: EventSource,
  aggregate: Foldable<Event, State>,
  stream: StreamName,
  known?: Loaded<State>,
  contradiction?: Contradiction<Event>,
): Promise<Either<LoadFailure, LoadedWithEvents<State, Event>>> {
  const from = known?.revision ?? 'no-stream';
  const read = await store.readStream(
    stream,
    from === 'no-stream' ? {} : { fromRevision: from + 1n },
  );
  if (isLeft(read)) {
    return read.left._tag === 'StreamNotFound'
      ? right({ state: aggregate.decider.initialState, revision: 'no-stream', recorded: new Map() })
      : left(read.left);
  }
  const events: Array<IdentifiedEvent<Event> & Positioned> = [];
  let revision: StreamRevision = from;
  for (const stored of read.right) {
    const decoded = decodeStored(aggregate.schema, upcasters, stored);
    if (isLeft(decoded)) return decoded;
    // The schema decodes each type's data through the aggregate's own Event codec, or the
    // withdrawal's.
    const event = decoded.right as Event | EventsWithdrawn;
    // An id that is not a valid EventId cannot be named by a correction or a withdrawal.
    events.push({ eventId: stored.eventId as EventId, event, revision: stored.revision });
    revision = stored.revision;
  }
  // A withdrawal read on top of a known state may withdraw what that state folded: fold anew.
  if (known !== undefined && events.some(({ event }) => isWithdrawal(event)))
    return loadStreamWithEvents({ store, upcasters }, aggregate, stream, undefined, contradiction);
  const withdrawn = withdrawnIds(events);
  const standing: Event[] = [];
  const recorded = new Map<EventId, Event>();
  for (const { eventId, event, revision: at } of events) {
    if (isWithdrawal(event) || withdrawn.has(eventId)) continue;
    const contradicts = contradiction?.(event, standing.length === 0 && from === 'no-stream');
    if (contradicts !== undefined) return left(corruptEvent(stream, at, contradicts));
    standing.push(event);
    if (EventId.is(eventId)) recorded.set(eventId, event);
  }
  const state = fold(aggregate.decider, standing, known?.state ?? aggregate.decider.initialState);
  const withdrawal =
    known === undefined ? establishmentWithdrawal(events) : known.establishmentWithdrawn;
  return right({
    state,
    revision,
    recorded,
    ...(withdrawal === undefined ? {} : { establishmentWithdrawn: withdrawal }),
  });
}
