/**
 * What the handler needs of each aggregate that owns streams: its decider, the schema version of
 * each of its event types, and the schema that decodes (and upcasts) its stored events — its own,
 * and the withdrawal an annulment may append to any stream (rule 14).
 *
 * @see docs/reference/domain.md rule 12
 */
import {
  Authority,
  Body,
  Instrument,
  Office,
  Person,
  Seating,
  EventsWithdrawn,
  WITHDRAWAL_EVENT_TYPE,
  WITHDRAWAL_EVENT_VERSION,
  type CalendarDate,
  type Decider,
  type Source,
} from '@mandate/core';
import { eventSchemaFromUnion, type EventSchema, type EventUnionCodec } from '@mandate/eventstore';

/** What every domain event carries: its type, and in its data an effective date and a source. */
export interface DomainEvent {
  readonly type: string;
  readonly data: { readonly effectiveOn: CalendarDate; readonly source: Source };
}

/** The schema version of each event type of an aggregate. */
export type EventVersionsOf<E extends DomainEvent> = { readonly [K in E['type']]: number };

/** What folding a stream of an aggregate needs: decoding its events and evolving its state. */
export interface Foldable<Event, State> {
  readonly decider: Pick<Decider<never, Event, State, never, never>, 'initialState' | 'evolve'>;
  /** Decodes a stored event of this aggregate; what it decodes is an `Event` or a withdrawal. */
  readonly schema: EventSchema;
}

/** An aggregate that owns streams, as the handler sees it. */
export interface StreamAggregate<Command, Event extends DomainEvent, State, Refusal, Context> {
  readonly decider: Decider<Command, Event, State, Refusal, Context>;
  readonly versions: EventVersionsOf<Event>;
  /** Decodes a stored event of this aggregate; what it decodes is an `Event` or a withdrawal. */
  readonly schema: EventSchema;
}

/**
 * An aggregate's schema: its own event types, and the withdrawal every stream may hold (rule 14),
 * which loading tells apart from the aggregate's events.
 */
const schemaWithWithdrawal = (
  versions: Readonly<Record<string, number>>,
  union: EventUnionCodec,
): EventSchema =>
  eventSchemaFromUnion(
    { ...versions, [WITHDRAWAL_EVENT_TYPE]: WITHDRAWAL_EVENT_VERSION },
    {
      is: (u) => union.is(u) || EventsWithdrawn.is(u),
      validate: (u, c) =>
        (u as { readonly type?: unknown }).type === WITHDRAWAL_EVENT_TYPE
          ? EventsWithdrawn.validate(u, c)
          : union.validate(u, c),
    },
  );

const define = <Command, Event extends DomainEvent, State, Refusal, Context>(
  decider: Decider<Command, Event, State, Refusal, Context>,
  versions: EventVersionsOf<Event>,
  union: EventUnionCodec,
): StreamAggregate<Command, Event, State, Refusal, Context> => ({
  decider,
  versions,
  schema: schemaWithWithdrawal(versions, union),
});

/** The authority registry: one stream for the whole hierarchy. */
export const authorityAggregate = define(
  Authority.decider,
  Authority.EventVersions,
  Authority.Event,
);

/** The instrument registry: one stream for every instrument. */
export const instrumentAggregate = define(
  Instrument.decider,
  Instrument.EventVersions,
  Instrument.Event,
);

/** An office: one stream per office. */
export const officeAggregate = define(Office.decider, Office.EventVersions, Office.Event);

/** A person's record: one stream per person. */
export const personAggregate = define(Person.decider, Person.EventVersions, Person.Event);

/** A governance body: one stream per body. */
export const bodyAggregate = define(Body.decider, Body.EventVersions, Body.Event);

/**
 * The index of the bodies following an office: one stream per office, written beside body
 * decisions and read by office commands (rule 20).
 */
export const followersAggregate = {
  decider: Seating.followers,
  versions: Seating.FollowerEventVersions,
  schema: schemaWithWithdrawal(Seating.FollowerEventVersions, Seating.SeatFollowsOffice),
} satisfies Foldable<Seating.SeatFollowsOffice, Seating.FollowersState> & {
  readonly versions: EventVersionsOf<Seating.SeatFollowsOffice>;
};
