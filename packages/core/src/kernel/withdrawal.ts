/**
 * Withdrawal: an instrument annulled ab initio withdraws every change it made. On each stream that
 * holds such a change, one `EventsWithdrawn` event names the withdrawn events by id; they stay in
 * the log, and the stream's state as known from the withdrawal's recording is the fold of its
 * events without the withdrawn ones (and without the withdrawal events themselves). Withdrawal is
 * the same on every stream, so it is one event type shared by every aggregate, decoded before the
 * aggregate's own events are.
 *
 * @see docs/reference/domain.md rule 14
 */
import * as t from 'io-ts';
import { struct, nonEmptyArray } from './codec.js';
import { CalendarDate } from './calendar-date.js';
import { EventId } from './ids.js';
import { LegalBasis, Source } from './legal-basis.js';
import { fold, type Decider } from './decider.js';

/** The type name of the withdrawal event, the same on every stream. */
export const WITHDRAWAL_EVENT_TYPE = 'EventsWithdrawn';

/** The schema version of the withdrawal event (docs/reference/domain.md rule 12). */
export const WITHDRAWAL_EVENT_VERSION = 1;

/**
 * Events of this stream were withdrawn because the instrument behind them was annulled ab
 * initio: `annulled` is that instrument, `source` the annulling one, `effectiveOn` its signing
 * date.
 */
export const EventsWithdrawn = struct('EventsWithdrawn', {
  type: t.literal(WITHDRAWAL_EVENT_TYPE),
  data: struct('EventsWithdrawnData', {
    withdrawn: nonEmptyArray(EventId),
    annulled: LegalBasis,
    effectiveOn: CalendarDate,
    source: Source,
  }),
});
/** Events of this stream were withdrawn by an annulment. */
export type EventsWithdrawn = t.TypeOf<typeof EventsWithdrawn>;

/** An event of a stream with the id the store gave it. */
export interface IdentifiedEvent<Event> {
  readonly eventId: EventId;
  readonly event: Event | EventsWithdrawn;
}

/** Whether an event of a stream is a withdrawal rather than one of its aggregate's own events. */
export const isWithdrawal = <Event>(event: Event | EventsWithdrawn): event is EventsWithdrawn =>
  (event as { readonly type?: unknown }).type === WITHDRAWAL_EVENT_TYPE;

/** The ids of the events a stream's withdrawals withdraw. */
export function withdrawnIds<Event>(
  events: Iterable<IdentifiedEvent<Event>>,
): ReadonlySet<EventId> {
  const ids = new Set<EventId>();
  for (const { event } of events)
    if (isWithdrawal(event)) for (const id of event.data.withdrawn) ids.add(id);
  return ids;
}

/** A stream's own events that stand: neither withdrawn nor withdrawals, in stream order. */
export function standingEvents<Event>(
  events: ReadonlyArray<IdentifiedEvent<Event>>,
): ReadonlyArray<IdentifiedEvent<Event> & { readonly event: Event }> {
  const withdrawn = withdrawnIds(events);
  return events.filter(
    (entry): entry is IdentifiedEvent<Event> & { readonly event: Event } =>
      !isWithdrawal(entry.event) && !withdrawn.has(entry.eventId),
  );
}

/** Folds a stream as known now: its standing events, from `from` (the initial state by default). */
export function foldStanding<Event, State>(
  decider: Pick<Decider<never, Event, State, never, never>, 'initialState' | 'evolve' | 'foldAll'>,
  events: ReadonlyArray<IdentifiedEvent<Event>>,
  from: State = decider.initialState,
): State {
  return fold(
    decider,
    standingEvents(events).map(({ event }) => event),
    from,
  );
}
