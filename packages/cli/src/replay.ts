/**
 * Replays a whole log: reads it page by page in global order, decodes every event with its
 * aggregate's schema (bodies, offices, persons, the authority and instrument registries, and the
 * offices' indexes of the bodies following them, by stream name) and folds it into its stream's state with the aggregate's own `evolve`, counting
 * events by aggregate and type. A stored event that does not decode stops the replay with the
 * port's `CorruptEvent`, naming it.
 */
import * as E from 'fp-ts/Either';
import {
  Authority,
  Body,
  EventsWithdrawn,
  Instrument,
  Office,
  Person,
  Seating,
  WITHDRAWAL_EVENT_TYPE,
  WITHDRAWAL_EVENT_VERSION,
} from '@mandate/core';
import {
  NO_UPCASTERS,
  decodeStored,
  eventSchemaFromUnion,
  type CorruptEvent,
  type EventSchema,
  type EventStore,
  type StoreUnavailable,
  type StoredEvent,
} from '@mandate/eventstore';
import { FOLLOWERS_STREAM_PREFIX } from '@mandate/application';

/** One aggregate as a replay folds it: its schema, initial state and evolve, type-erased. */
interface Folder {
  readonly name: ReplayAggregate;
  readonly schema: EventSchema;
  readonly initialState: unknown;
  readonly evolve: (state: unknown, event: unknown) => unknown;
}

/** The aggregates whose streams a replay folds. */
export type ReplayAggregate =
  'body' | 'office' | 'person' | 'authorities' | 'instruments' | 'followers';

const folder = <Event, State>(
  name: ReplayAggregate,
  decider: { readonly initialState: State; readonly evolve: (state: State, event: Event) => State },
  versions: Readonly<Record<string, number>>,
  union: Parameters<typeof eventSchemaFromUnion>[1],
): Folder => ({
  name,
  schema: eventSchemaFromUnion(versions, union),
  initialState: decider.initialState,
  // The schema decodes each type's data through the aggregate's own Event codec.
  evolve: (state, event) => decider.evolve(state as State, event as Event),
});

/** The schema of the withdrawal an annulment may append to any stream but the registry's. */
const WITHDRAWAL_SCHEMA = eventSchemaFromUnion(
  { [WITHDRAWAL_EVENT_TYPE]: WITHDRAWAL_EVENT_VERSION },
  EventsWithdrawn,
);

const FOLDERS = {
  body: folder('body', Body.decider, Body.EventVersions, Body.Event),
  office: folder('office', Office.decider, Office.EventVersions, Office.Event),
  person: folder('person', Person.decider, Person.EventVersions, Person.Event),
  authorities: folder('authorities', Authority.decider, Authority.EventVersions, Authority.Event),
  instruments: folder(
    'instruments',
    Instrument.decider,
    Instrument.EventVersions,
    Instrument.Event,
  ),
  followers: folder(
    'followers',
    Seating.followers,
    Seating.FollowerEventVersions,
    Seating.SeatFollowsOffice,
  ),
} as const satisfies Record<ReplayAggregate, Folder>;

/** The aggregate a stream belongs to, by its name; `undefined` for a stream of no aggregate. */
export function aggregateOf(stream: string): ReplayAggregate | undefined {
  if (stream === 'authorities' || stream === 'instruments') return stream;
  if (stream.startsWith(FOLLOWERS_STREAM_PREFIX)) return 'followers';
  const prefix = /^(body|office|person)-/.exec(stream)?.[1];
  return prefix as ReplayAggregate | undefined;
}

/** What a replay read and folded. */
export interface ReplayReport {
  readonly events: number;
  /** Streams folded, by aggregate. */
  readonly streams: Readonly<Record<ReplayAggregate, number>>;
  /** Events by type. */
  readonly byType: Readonly<Record<string, number>>;
  /** Events in streams of no aggregate, read but not folded. */
  readonly unfolded: number;
  /** The position of the last event read. */
  readonly lastPosition: bigint;
}

/** Options of a replay. */
export interface ReplayOptions {
  /** Called after each page with the events read so far. */
  readonly onProgress?: (events: number) => void;
}

/** Reads `store`'s whole log and folds every stream. */
export async function replayLog(
  store: Pick<EventStore, 'readAll'>,
  { onProgress }: ReplayOptions = {},
): Promise<E.Either<StoreUnavailable | CorruptEvent, ReplayReport>> {
  const states = new Map<string, { readonly folder: Folder; state: unknown }>();
  const byType = new Map<string, number>();
  let events = 0;
  let unfolded = 0;
  let after = 0n;
  const fold = (stored: StoredEvent): E.Either<CorruptEvent, void> => {
    const aggregate = aggregateOf(stored.stream);
    byType.set(stored.type, (byType.get(stored.type) ?? 0) + 1);
    if (aggregate === undefined) {
      unfolded += 1;
      return E.right(undefined);
    }
    const entry = states.get(stored.stream) ?? {
      folder: FOLDERS[aggregate],
      state: FOLDERS[aggregate].initialState,
    };
    // A withdrawal (rule 14) is decoded and counted; the replay reports no state, so it folds it
    // into none and keeps no earlier states to take a stream back to.
    const withdrawal = aggregate !== 'instruments' && stored.type === WITHDRAWAL_EVENT_TYPE;
    const decoded = decodeStored(
      withdrawal ? WITHDRAWAL_SCHEMA : entry.folder.schema,
      NO_UPCASTERS,
      stored,
    );
    if (E.isLeft(decoded)) return decoded;
    if (!withdrawal) entry.state = entry.folder.evolve(entry.state, decoded.right);
    states.set(stored.stream, entry);
    return E.right(undefined);
  };
  for (;;) {
    const page = await store.readAll({ after });
    if (E.isLeft(page)) return page;
    const last = page.right.at(-1);
    if (last === undefined) break;
    for (const stored of page.right) {
      const folded = fold(stored);
      if (E.isLeft(folded)) return folded;
    }
    events += page.right.length;
    after = last.position;
    onProgress?.(events);
  }
  const streams = { body: 0, office: 0, person: 0, authorities: 0, instruments: 0, followers: 0 };
  for (const {
    folder: { name },
  } of states.values())
    streams[name] += 1;
  return E.right({
    events,
    streams,
    byType: Object.fromEntries([...byType].sort(([a], [b]) => a.localeCompare(b))),
    unfolded,
    lastPosition: after,
  });
}
