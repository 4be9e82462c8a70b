/**
 * The naive bitemporal oracle. A question `(on, knownAt)` is answered by folding, from the raw
 * log, only the events recorded at or before `knownAt` — without those an annulment recorded by
 * then withdrew, found by id — each stream with the core's own `evolve`,
 * and asking the folded states about the valid date `on` with the core's own queries
 * (`activeSeatsOn`, `dutiesOn`, `nameOn`, `nameHistory`, `complianceOn`,
 * `Office.resolveSeatHolder`). What a person held is found by asking every seat, at each date on
 * which anything about it or its office changes, who the roster resolves it to; changes are found
 * by walking the log; an instrument and what relates to it are read from the registry's folded
 * state, and an annulment's dates and event from the `InstrumentAnnulled` event that marked the
 * instrument annulled in that fold; bodies, persons and instruments are found by name by comparing
 * every name they bear, each stripped of its marks here rather than by the read models' folding.
 * It is slow on purpose and obviously right; every read model is proven equal to it.
 *
 * @see docs/reference/domain.md rule 11 and "Time"
 */
import {
  Body,
  Instrument,
  Office,
  Person,
  canonicalNumber,
  contains,
  instrumentKey,
  isCalendarDate,
  isInstant,
  sameInstrument,
} from '@mandate/core';
import type {
  BodyId,
  CalendarDate,
  Instant,
  InstrumentKey,
  OfficeId,
  PersonId,
} from '@mandate/core';
import type { StoredEvent } from '@mandate/eventstore';
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { createAuthorityOracle } from './authority-oracle.js';
import { byEffectiveDate } from './changes.js';
import type { InstrumentAnnulment, InstrumentRecord } from './views.js';
import type {
  InvalidQuery,
  UnknownBody,
  UnknownInstrument,
  UnknownPerson,
} from './query-errors.js';
import { decodeReadSideOrThrow } from './decode.js';
import { standingKnown } from './oracle-log.js';
import { canonicalHoldings } from './tenure.js';
import type {
  BodyView,
  ChangeView,
  InstrumentCitation,
  InstrumentRelationView,
  InstrumentView,
  OfficeTenure,
  PersonHoldings,
  ReadModelQueries,
  RosterSeat,
  SeatTenure,
} from './views.js';

/**
 * Every body, office and person state, the instrument registry, and the annulment of each
 * annulled instrument by its key, folded from the events recorded at or before `knownAt`.
 */
interface Known {
  readonly bodies: ReadonlyMap<BodyId, Body.State>;
  readonly offices: ReadonlyMap<OfficeId, Office.OfficeState>;
  readonly persons: ReadonlyMap<PersonId, Person.PersonState>;
  readonly registry: Instrument.RegistryState;
  readonly annulments: ReadonlyMap<InstrumentKey, InstrumentAnnulment>;
}

/**
 * The annulment an `InstrumentAnnulled` event (stored as `stored`) made, when folding it marked
 * its instrument annulled in the registry (`before` → `after`); otherwise none.
 */
function annulmentMade(
  before: Instrument.RegistryState,
  after: Instrument.RegistryState,
  event: Instrument.InstrumentAnnulled,
  stored: StoredEvent,
): readonly [InstrumentKey, InstrumentAnnulment] | undefined {
  const key = instrumentKey(event.data.instrument);
  const by = after.instruments.get(key)?.annulledBy;
  if (by === undefined || before.instruments.get(key)?.annulledBy !== undefined) return undefined;
  const { effectiveOn } = event.data;
  return [key, { by, effectiveOn, recordedAt: stored.recordedAt, eventId: stored.eventId }];
}

function foldKnown(log: ReadonlyArray<StoredEvent>, knownAt: Instant | undefined): Known {
  const bodies = new Map<BodyId, Body.State>();
  const offices = new Map<OfficeId, Office.OfficeState>();
  const persons = new Map<PersonId, Person.PersonState>();
  let registry = Instrument.initialState;
  const annulments = new Map<InstrumentKey, InstrumentAnnulment>();
  for (const stored of standingKnown(log, knownAt)) {
    const decoded = decodeReadSideOrThrow(stored);
    if (decoded.aggregate === 'body') {
      const id = decoded.event.data.bodyId;
      bodies.set(id, Body.evolve(bodies.get(id) ?? Body.initialState, decoded.event));
    } else if (decoded.aggregate === 'office') {
      const id = decoded.event.data.officeId;
      offices.set(id, Office.decider.evolve(offices.get(id) ?? Office.initialState, decoded.event));
    } else if (decoded.aggregate === 'person') {
      const id = decoded.event.data.personId;
      persons.set(id, Person.decider.evolve(persons.get(id) ?? Person.initialState, decoded.event));
    } else if (decoded.aggregate === 'instrument') {
      const before = registry;
      registry = Instrument.decider.evolve(registry, decoded.event);
      const made =
        decoded.event.type === 'InstrumentAnnulled'
          ? annulmentMade(before, registry, decoded.event, stored)
          : undefined;
      if (made !== undefined) annulments.set(...made);
    }
  }
  return { bodies, offices, persons, registry, annulments };
}

/**
 * A name as search compares it, written apart from the read models' folding: each character of
 * the lower-cased, decomposed text but its combining marks, with `đ` and the look-alike `ð` as
 * `d`, and the words joined by single spaces.
 */
const bare = (text: string): string =>
  [...text.toLowerCase().normalize('NFD')]
    .filter((char) => !/^\p{M}$/u.test(char))
    .map((char) => ('đð'.includes(char) ? 'd' : char))
    .join('')
    .split(/\s+/u)
    .filter((word) => word.length > 0)
    .join(' ');

/** True when any of `names` contains `search`, as search compares them. */
const named = (names: ReadonlyArray<string>, search: string): boolean =>
  names.some((name) => bare(name).includes(bare(search)));

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** An instrument's record, with its annulment from `annulments`, as the read models show it. */
const recordOf = (
  { key, instrument, effectiveOn, reference }: Instrument.RecordedInstrument,
  annulments: Known['annulments'],
) => {
  const annulment = annulments.get(key);
  const record: InstrumentRecord = {
    key,
    instrument,
    effectiveOn,
    ...(reference === undefined ? {} : { reference }),
    ...(annulment === undefined ? {} : { annulment }),
  };
  return record;
};

/** The instrument's view: its record, what it relates to, and what later relates to it. */
function instrumentViewIn(
  { registry, annulments }: Pick<Known, 'registry' | 'annulments'>,
  recorded: Instrument.RecordedInstrument,
): InstrumentView {
  const related = (relations: ReadonlyArray<Instrument.KeyedRelation>) =>
    relations.flatMap(({ kind, key }): InstrumentRelationView[] => {
      const other = registry.instruments.get(key);
      return other === undefined ? [] : [{ kind, instrument: recordOf(other, annulments) }];
    });
  const relatedBy = related(recorded.relatedBy).sort(
    ({ instrument: x }, { instrument: y }) =>
      byText(x.instrument.signedOn, y.instrument.signedOn) || byText(x.key, y.key),
  );
  return {
    ...recordOf(recorded, annulments),
    relations: related(recorded.relations),
    relatedBy,
  };
}

/** The names an instrument is found by: its canonical number and its title. */
const instrumentNames = ({ instrument }: Instrument.RecordedInstrument): string[] => [
  canonicalNumber(instrument.number),
  ...(instrument.title === undefined ? [] : [instrument.title.vi, instrument.title.en ?? '']),
];

function viewOf(state: Body.EstablishedBody, on: CalendarDate): BodyView {
  const name = Body.nameOn(state, on);
  return {
    bodyId: state.bodyId,
    kind: state.kind,
    authority: state.authority,
    ...(state.purpose === undefined ? {} : { purpose: state.purpose }),
    establishedOn: state.establishedOn,
    status:
      on < state.establishedOn
        ? 'not-yet-established'
        : contains(Body.bodyLife(state), on)
          ? 'active'
          : 'ended',
    ...(name === undefined ? {} : { name }),
    names: Body.nameHistory(state),
    predecessors: state.origin.kind === 'reorganisation' ? state.origin.predecessors : [],
    ...(state.status === 'ended'
      ? {
          end: {
            on: state.endedOn,
            reason: state.endReason,
            successors: state.successors,
            ...(state.reorganisationId === undefined
              ? {}
              : { reorganisationId: state.reorganisationId }),
          },
        }
      : {}),
    absorptions: state.absorptions,
  };
}

/** The dates on which the seat's roles or holder, or the holding of an office it follows, change. */
function seatChangeDates(seat: Body.Seat, offices: Known['offices']): CalendarDate[] {
  const life = Body.seatLife(seat);
  const officeDates = seat.holders.flatMap(({ holder }) =>
    holder?.follows === 'office'
      ? Office.holdingsOf(offices.get(holder.office) ?? Office.initialState).flatMap((h) =>
          h.to === undefined ? [h.from] : [h.from, h.to],
        )
      : [],
  );
  const dates = [
    life.from,
    ...seat.roles.map((entry) => entry.from),
    ...seat.holders.map((entry) => entry.from),
    ...officeDates,
  ];
  return [...new Set(dates)].filter((date) => contains(life, date)).sort();
}

/** The stretches of a seat between its change dates in which the roster resolves it to `person`. */
function seatTenures(
  bodyId: BodyId,
  seat: Body.Seat,
  person: PersonId,
  offices: Known['offices'],
): SeatTenure[] {
  const dates = seatChangeDates(seat, offices);
  const end = Body.seatLife(seat).to;
  return dates.flatMap((from, i): SeatTenure[] => {
    const roles = Body.rolesOn(seat, from);
    const holder = Body.holderOn(seat, from);
    if (roles === undefined || holder === undefined || holder === null) return [];
    const resolved = Office.resolveSeatHolder(holder, (id) => offices.get(id), from);
    if (resolved.kind !== 'person' || resolved.person !== person) return [];
    const to = dates[i + 1] ?? end;
    const stretch = {
      bodyId,
      seatId: seat.seatId,
      roles,
      from,
      ...(to === undefined ? {} : { to }),
    };
    return [
      resolved.via === 'office'
        ? { ...stretch, via: 'office', office: resolved.office, acting: resolved.acting }
        : resolved.asOffice === undefined
          ? { ...stretch, via: 'named', acting: resolved.acting }
          : { ...stretch, via: 'named', acting: resolved.acting, asOffice: resolved.asOffice },
    ];
  });
}

function holdingsIn(known: Known, person: PersonId): PersonHoldings {
  const offices = [...known.offices].flatMap(([officeId, state]) =>
    Office.holdingsOf(state).flatMap(({ person: holder, capacity, from, to }): OfficeTenure[] =>
      holder !== person
        ? []
        : [to === undefined ? { officeId, capacity, from } : { officeId, capacity, from, to }],
    ),
  );
  const seats = [...known.bodies].flatMap(([bodyId, state]) =>
    state.status === 'unestablished'
      ? []
      : [...state.seats.values()].flatMap((seat) =>
          seatTenures(bodyId, seat, person, known.offices),
        ),
  );
  return canonicalHoldings(offices, seats);
}

/** What a body, office, person or authority event changed, when, and why; else nothing. */
type ChangedBy = Pick<ChangeView, 'aggregate' | 'aggregateId' | 'effectiveOn' | 'source'>;

function changedBy(stored: StoredEvent): ChangedBy | undefined {
  const decoded = decodeReadSideOrThrow(stored);
  const when = ({ effectiveOn, source }: Pick<ChangedBy, 'effectiveOn' | 'source'>) => ({
    effectiveOn,
    source,
  });
  switch (decoded.aggregate) {
    case 'body': {
      const { data } = decoded.event;
      return { aggregate: 'body', aggregateId: data.bodyId, ...when(data) };
    }
    case 'office': {
      const { data } = decoded.event;
      return { aggregate: 'office', aggregateId: data.officeId, ...when(data) };
    }
    case 'person': {
      const { data } = decoded.event;
      return { aggregate: 'person', aggregateId: data.personId, ...when(data) };
    }
    case 'authority': {
      const { data } = decoded.event;
      return { aggregate: 'authority', aggregateId: data.authorityId, ...when(data) };
    }
    case 'withdrawal': {
      const { data } = decoded.event;
      return { aggregate: decoded.from, aggregateId: decoded.subject, ...when(data) };
    }
    case 'instrument':
    case 'other':
      return undefined;
    default: {
      const _exhaustive: never = decoded;
      return _exhaustive;
    }
  }
}

/**
 * Every body, office, person or authority event recorded at or before `knownAt`, as a change, in
 * log order; a withdrawal is a change too, and a withdrawn event stays one.
 */
function changesKnown(
  log: ReadonlyArray<StoredEvent>,
  knownAt: Instant | undefined,
): ReadonlyArray<ChangeView> {
  return log.flatMap((stored): ChangeView[] => {
    if (knownAt !== undefined && stored.recordedAt > knownAt) return [];
    const by = changedBy(stored);
    if (by === undefined) return [];
    const { aggregate, aggregateId, effectiveOn, source } = by;
    return [
      {
        eventId: stored.eventId,
        position: stored.position,
        recordedAt: stored.recordedAt,
        stream: stored.stream,
        aggregate,
        aggregateId,
        type: stored.type,
        effectiveOn,
        source,
      },
    ];
  });
}

const causedBy = (change: ChangeView, instrument: InstrumentCitation): boolean =>
  change.source.kind === 'instrument' && sameInstrument(change.source.instrument, instrument);

/** The first argument that is not a real date, or a given `knownAt` that is not a real instant. */
function malformed(
  dates: ReadonlyArray<readonly ['on' | 'from' | 'to', CalendarDate]>,
  knownAt: Instant | undefined,
): E.Either<InvalidQuery, void> {
  for (const [argument, value] of dates)
    if (!isCalendarDate(value)) return E.left({ _tag: 'InvalidQuery', argument, value });
  return knownAt !== undefined && !isInstant(knownAt)
    ? E.left({ _tag: 'InvalidQuery', argument: 'knownAt', value: knownAt })
    : E.right(undefined);
}

/** The established state of a body as known, or {@link UnknownBody}. */
function knownBody(
  known: Known,
  bodyId: BodyId,
  knownAt: Instant | undefined,
): E.Either<UnknownBody, Body.EstablishedBody> {
  const state = known.bodies.get(bodyId);
  return state === undefined || state.status === 'unestablished'
    ? E.left({ _tag: 'UnknownBody', bodyId, ...(knownAt === undefined ? {} : { knownAt }) })
    : E.right(state);
}

/** The instrument recorded under the citation's key as known, or {@link UnknownInstrument}. */
function knownInstrument(
  known: Pick<Known, 'registry'>,
  instrument: InstrumentCitation,
  knownAt: Instant | undefined,
): E.Either<UnknownInstrument, Instrument.RecordedInstrument> {
  const key = instrumentKey(instrument);
  const recorded = known.registry.instruments.get(key);
  return recorded === undefined
    ? E.left({ _tag: 'UnknownInstrument', key, ...(knownAt === undefined ? {} : { knownAt }) })
    : E.right(recorded);
}

/**
 * The oracle over a log (every stored event, in position order): answers each question by
 * folding the events recorded at or before `knownAt` from scratch, after checking its arguments
 * and that the body or person asked about is known then.
 */
export function createOracle(log: ReadonlyArray<StoredEvent>): ReadModelQueries {
  /**
   * The states folded from the events recorded at or before `knownAt`, folded once per instant:
   * the log does not change, so a second question at the same instant gets the same fold.
   */
  const folds = new Map<string, Known>();
  const knownAsOf = (knownAt: Instant | undefined): Known => {
    const found = folds.get(knownAt ?? '');
    if (found !== undefined) return found;
    const known = foldKnown(log, knownAt);
    folds.set(knownAt ?? '', known);
    return known;
  };
  /** Answers about a known body on a real date, as known at a real instant. */
  const aboutBody = <A>(
    bodyId: BodyId,
    on: CalendarDate,
    knownAt: Instant | undefined,
    answer: (state: Body.EstablishedBody, known: Known) => A,
  ): Promise<E.Either<InvalidQuery | UnknownBody, A>> =>
    Promise.resolve(
      pipe(
        malformed([['on', on]], knownAt),
        E.chainW(() => {
          const known = knownAsOf(knownAt);
          return pipe(
            knownBody(known, bodyId, knownAt),
            E.map((state) => answer(state, known)),
          );
        }),
      ),
    );
  return {
    ...createAuthorityOracle(log),
    roster: (bodyId, on, knownAt) =>
      aboutBody(bodyId, on, knownAt, (state, known) =>
        Body.activeSeatsOn(state, on).map((seat): RosterSeat => ({
          ...seat,
          occupant:
            seat.holder === null
              ? null
              : Office.resolveSeatHolder(seat.holder, (id) => known.offices.get(id), on),
        })),
      ),
    duties: (bodyId, on, knownAt) =>
      aboutBody(bodyId, on, knownAt, (state) => Body.dutiesOn(state, on)),
    body: (bodyId, on, knownAt) => aboutBody(bodyId, on, knownAt, (state) => viewOf(state, on)),
    bodies: (on, knownAt) =>
      Promise.resolve(
        pipe(
          malformed([['on', on]], knownAt),
          E.map(() =>
            [...knownAsOf(knownAt).bodies.values()]
              .flatMap((state) => (state.status === 'unestablished' ? [] : [viewOf(state, on)]))
              .sort((a, b) => (a.bodyId < b.bodyId ? -1 : a.bodyId > b.bodyId ? 1 : 0)),
          ),
        ),
      ),
    holdings: (personId, knownAt) =>
      Promise.resolve(
        pipe(
          malformed([], knownAt),
          E.chainW(() => {
            const held = holdingsIn(knownAsOf(knownAt), personId);
            return held.offices.length === 0 && held.seats.length === 0
              ? E.left<UnknownPerson>({
                  _tag: 'UnknownPerson',
                  personId,
                  ...(knownAt === undefined ? {} : { knownAt }),
                })
              : E.right(held);
          }),
        ),
      ),
    compliance: (bodyId, on, knownAt) =>
      aboutBody(bodyId, on, knownAt, (state) => Body.complianceOn(state, on)),
    changesByInstrument: (instrument, knownAt) =>
      Promise.resolve(
        pipe(
          malformed([], knownAt),
          E.chainW(() => knownInstrument(knownAsOf(knownAt), instrument, knownAt)),
          E.map((recorded) => {
            const changes = changesKnown(log, knownAt).filter((change) =>
              causedBy(change, instrument),
            );
            // An annulment withdraws every change of the instrument it annuls (rule 14), so each is
            // marked from the annulment's record in the registry: a model caught up to a position
            // inside the annulment's one append has that record before every withdrawal.
            return recorded.annulledBy === undefined
              ? changes
              : changes.map((change) => ({ ...change, withdrawn: true as const }));
          }),
        ),
      ),
    instrument: (instrument, knownAt) =>
      Promise.resolve(
        pipe(
          malformed([], knownAt),
          E.chainW(() => {
            const known = knownAsOf(knownAt);
            return pipe(
              knownInstrument(known, instrument, knownAt),
              E.map((recorded) => instrumentViewIn(known, recorded)),
            );
          }),
        ),
      ),
    instruments: (search, knownAt) =>
      Promise.resolve(
        pipe(
          malformed([], knownAt),
          E.map(() => {
            const { registry, annulments } = knownAsOf(knownAt);
            return [...registry.instruments.values()]
              .filter((recorded) => named(instrumentNames(recorded), search))
              .map((recorded) => recordOf(recorded, annulments))
              .sort((a, b) => byText(a.key, b.key));
          }),
        ),
      ),
    persons: (search, knownAt) =>
      Promise.resolve(
        pipe(
          malformed([], knownAt),
          E.map(() =>
            [...knownAsOf(knownAt).persons.values()]
              .flatMap((state) =>
                state.status === 'registered' && named([state.name], search)
                  ? [
                      {
                        personId: state.personId,
                        name: state.name,
                        registeredOn: state.registeredOn,
                      },
                    ]
                  : [],
              )
              .sort((a, b) => byText(a.personId, b.personId)),
          ),
        ),
      ),
    bodiesNamed: (search, on, knownAt) =>
      Promise.resolve(
        pipe(
          malformed([['on', on]], knownAt),
          E.map(() =>
            [...knownAsOf(knownAt).bodies.values()]
              .flatMap((state) =>
                state.status !== 'unestablished' &&
                named(
                  Body.nameHistory(state).flatMap(({ name }) => [name.vi, name.en ?? '']),
                  search,
                )
                  ? [viewOf(state, on)]
                  : [],
              )
              .sort((a, b) => byText(a.bodyId, b.bodyId)),
          ),
        ),
      ),
    changesBetween: (from, to, knownAt) =>
      Promise.resolve(
        pipe(
          malformed(
            [
              ['from', from],
              ['to', to],
            ],
            knownAt,
          ),
          E.map(() =>
            changesKnown(log, knownAt)
              .filter((change) => from <= change.effectiveOn && change.effectiveOn < to)
              .sort(byEffectiveDate),
          ),
        ),
      ),
  };
}
