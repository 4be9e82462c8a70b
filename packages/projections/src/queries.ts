/**
 * The queries of the read models, over any {@link FactReader}: a body's roster (ex-officio seats
 * resolved through the office holdings valid on the date and known at the instant, seats naming a
 * person *as* an office's holder flagged when that person does not hold it then), its duties,
 * body summaries with their status on the date, what a person held (their office holdings, the
 * seats naming them, and the ex-officio seats of their offices cut to their occupancy), a body's
 * reporting compliance (the core's rule over the obligation and report facts), and the change
 * facts of an instrument or between two dates; the registry and search queries are in
 * registry-queries.ts. A question with a date or instant that is not real, or about a body,
 * person or instrument not known at the instant, is refused with a `QueryError`.
 *
 * @see docs/reference/domain.md rules 6 and 16, and "Questions the read models answer"
 */
import { Body, contains, instrumentKey } from '@mandate/core';
import type { BodyId, CalendarDate, Instant, OfficeId, PersonId, SeatHolder } from '@mandate/core';
import type { Office } from '@mandate/core';
import { createAuthorityQueries } from './authority-queries.js';
import {
  byEffectiveDate,
  byPosition,
  changeView,
  withdrawnChange,
  type ChangePayload,
} from './changes.js';
import * as E from 'fp-ts/Either';
import type { FactReader } from './fact-store.js';
import { type UnknownBody, unknownBody, unknownPerson, whenValid } from './query-errors.js';
import { createRegistryQueries, instrumentRecord, ofKnownInstrument } from './registry-queries.js';
import type {
  BodySummary,
  Fact,
  HoldingPayload,
  ObligationPayload,
  ReportPayload,
  SeatPayload,
} from './facts.js';
import { canonicalHoldings, intersection, occupancy } from './tenure.js';
import type {
  BodyView,
  ComplianceView,
  DutyView,
  OfficeTenure,
  PersonHoldings,
  ReadModelQueries,
  RosterSeat,
  SeatBasis,
  SeatTenure,
} from './views.js';

/**
 * Who is behind a seat on `on`: the named person (with whether they hold the office named with
 * them, among `holdingsOf` that office), or the office's substantive, else acting, holder among
 * `holdingsOf` its office (the holding facts on that date).
 */
function occupantOf(
  holder: SeatHolder,
  holdingsOf: (office: string) => ReadonlyArray<Fact>,
): Office.SeatResolution {
  const holdings = (office: string) =>
    holdingsOf(office).map((fact) => fact.payload as HoldingPayload);
  if (holder.follows === 'person') {
    const { person, asOffice } = holder;
    const named = { kind: 'person', person, via: 'named', acting: holder.acting === true } as const;
    return asOffice === undefined
      ? named
      : {
          ...named,
          asOffice,
          holdsOffice: holdings(asOffice).some((holding) => holding.person === person),
        };
  }
  const { office } = holder;
  const current =
    holdings(office).find((h) => h.capacity === 'substantive') ??
    holdings(office)
      .filter((h) => h.capacity === 'acting')
      .at(-1);
  return current === undefined
    ? { kind: 'vacant', office: office as OfficeId }
    : {
        kind: 'person',
        person: current.person,
        via: 'office',
        office,
        acting: current.capacity === 'acting',
      };
}

function viewOf(summary: BodySummary, on: CalendarDate): BodyView {
  const { bodyId, kind, authority, purpose, establishedOn, names, predecessors, end } = summary;
  const living = on >= establishedOn && (end === undefined || on < end.on);
  const name = living ? names.find((n) => contains(n.validity, on))?.name : undefined;
  return {
    bodyId: bodyId as BodyId,
    kind,
    authority: authority as BodyView['authority'],
    ...(purpose === undefined ? {} : { purpose }),
    establishedOn,
    status: on < establishedOn ? 'not-yet-established' : living ? 'active' : 'ended',
    ...(name === undefined ? {} : { name }),
    names,
    predecessors: predecessors as ReadonlyArray<BodyId>,
    ...(end === undefined ? {} : { end }),
    absorptions: summary.absorptions,
  };
}

/** The holding of an office a holding fact records. */
const holdingOf = (fact: Fact): Office.Holding => {
  const { person, capacity } = fact.payload as HoldingPayload;
  const { from, to } = fact.valid;
  return to === undefined ? { person, capacity, from } : { person, capacity, from, to };
};

/** A seat fact's stretch, held on `basis`, cut to `valid`. */
function seatTenure(fact: Fact, basis: SeatBasis, valid = fact.valid): SeatTenure {
  const { seatId, roles } = fact.payload as SeatPayload;
  return {
    bodyId: fact.subject as BodyId,
    seatId: seatId as SeatTenure['seatId'],
    roles,
    from: valid.from,
    ...(valid.to === undefined ? {} : { to: valid.to }),
    ...basis,
  };
}

/** The seats following `office` while `person` was the holder it resolved to. */
async function exOfficioTenures(
  reader: FactReader,
  person: PersonId,
  office: OfficeId,
  knownAt: Instant | undefined,
): Promise<ReadonlyArray<SeatTenure>> {
  const [seats, holdings] = await Promise.all([
    reader.factsReferring('seat', office, knownAt),
    reader.factsAbout('holding', office, knownAt),
  ]);
  const occupied = occupancy(holdings.map(holdingOf)).filter((o) => o.person === person);
  return seats.flatMap((fact) => {
    const { holder } = fact.payload as SeatPayload;
    if (holder?.follows !== 'office' || holder.office !== office) return [];
    return occupied.flatMap(({ acting, valid }) => {
      const shared = intersection(fact.valid, valid);
      return shared === undefined
        ? []
        : [seatTenure(fact, { via: 'office', office, acting }, shared)];
    });
  });
}

/** Everything `person` held, from the facts referring to them and to the offices they held. */
async function holdingsOf(
  reader: FactReader,
  person: PersonId,
  knownAt: Instant | undefined,
): Promise<PersonHoldings> {
  const [held, named] = await Promise.all([
    reader.factsReferring('holding', person, knownAt),
    reader.factsReferring('seat', person, knownAt),
  ]);
  const offices = held.map((fact): OfficeTenure => {
    const { capacity, from, to } = holdingOf(fact);
    const officeId = fact.subject as OfficeId;
    return to === undefined ? { officeId, capacity, from } : { officeId, capacity, from, to };
  });
  const namedSeats = named.flatMap((fact) => {
    const { holder } = fact.payload as SeatPayload;
    if (holder?.follows !== 'person' || holder.person !== person) return [];
    const acting = holder.acting === true;
    const basis: SeatBasis =
      holder.asOffice === undefined
        ? { via: 'named', acting }
        : { via: 'named', acting, asOffice: holder.asOffice };
    return [seatTenure(fact, basis)];
  });
  const exOfficio = await Promise.all(
    [...new Set(offices.map((o) => o.officeId))].map((office) =>
      exOfficioTenures(reader, person, office, knownAt),
    ),
  );
  return canonicalHoldings(offices, [...namedSeats, ...exOfficio.flat()]);
}

/** A body's compliance on `on`: the core's rule over its obligation and report facts. */
async function complianceOf(
  reader: FactReader,
  bodyId: BodyId,
  on: CalendarDate,
  knownAt: Instant | undefined,
): Promise<ReadonlyArray<ComplianceView>> {
  const [[summary], obligations, reports] = await Promise.all([
    reader.factsAbout('body', bodyId, knownAt),
    reader.factsAbout('obligation', bodyId, knownAt),
    reader.factsOn('report', bodyId, on, knownAt),
  ]);
  const bodyEndedOn = (summary?.payload as BodySummary | undefined)?.end?.on;
  const filed = reports.map((fact) => fact.payload as ReportPayload);
  return obligations
    .map((fact) => fact.payload as ObligationPayload)
    .filter((obligation) => obligation.imposedOn <= on)
    .map((obligation) =>
      Body.obligationCompliance({
        obligation,
        reports: filed,
        on,
        ...(bodyEndedOn === undefined ? {} : { bodyEndedOn }),
      }),
    );
}

const changesOf = (facts: ReadonlyArray<Fact>) =>
  facts.map((fact) => changeView(fact.payload as ChangePayload));

/**
 * The read-model queries over a fact reader. Every store answers through here, so every store
 * refuses bad input alike: malformed arguments first, then a body (or person) unknown at `knownAt`.
 */
export function createQueries(reader: FactReader): ReadModelQueries {
  /**
   * `answer()` when the body has a fact known at `knownAt`, else {@link UnknownBody}; both are
   * read together, so that a known body costs no extra round trip.
   */
  const ofKnownBody = async <A>(
    bodyId: BodyId,
    knownAt: Instant | undefined,
    answer: () => Promise<A>,
  ): Promise<E.Either<UnknownBody, A>> => {
    const [facts, answered] = await Promise.all([
      reader.factsAbout('body', bodyId, knownAt),
      answer(),
    ]);
    return facts.length === 0 ? E.left(unknownBody(bodyId, knownAt)) : E.right(answered);
  };
  const bodyOn = async (
    bodyId: BodyId,
    on: CalendarDate,
    knownAt: Instant | undefined,
  ): Promise<BodyView | undefined> => {
    const [fact] = await reader.factsOn('body', bodyId, on, knownAt);
    return fact === undefined ? undefined : viewOf(fact.payload as BodySummary, on);
  };
  /** A known body's roster, read in one question of the reader, else {@link UnknownBody}. */
  const rosterOf = async (
    bodyId: BodyId,
    on: CalendarDate,
    knownAt: Instant | undefined,
  ): Promise<E.Either<UnknownBody, ReadonlyArray<RosterSeat>>> => {
    const read = await reader.rosterFacts(bodyId, on, knownAt);
    if (read === undefined) return E.left(unknownBody(bodyId, knownAt));
    const holdingsOf = (office: string) => read.holdings.get(office) ?? [];
    return E.right(
      read.seats.map((fact): RosterSeat => {
        const seat = fact.payload as SeatPayload;
        return {
          seatId: seat.seatId as RosterSeat['seatId'],
          roles: seat.roles,
          holder: seat.holder,
          occupant: seat.holder === null ? null : occupantOf(seat.holder, holdingsOf),
        };
      }),
    );
  };
  return {
    ...createAuthorityQueries(reader),
    roster: (bodyId, on, knownAt) =>
      whenValid([['on', on]], knownAt, () => rosterOf(bodyId, on, knownAt)),
    duties: (bodyId, on, knownAt) =>
      whenValid([['on', on]], knownAt, () =>
        ofKnownBody(bodyId, knownAt, async () =>
          (await reader.factsOn('duty', bodyId, on, knownAt)).map(
            (fact) => fact.payload as DutyView,
          ),
        ),
      ),
    body: (bodyId, on, knownAt) =>
      whenValid([['on', on]], knownAt, async () => {
        const view = await bodyOn(bodyId, on, knownAt);
        return view === undefined ? E.left(unknownBody(bodyId, knownAt)) : E.right(view);
      }),
    bodies: (on, knownAt) =>
      whenValid([['on', on]], knownAt, async () => {
        const ids = await reader.subjects('body', knownAt);
        const views = await Promise.all(ids.map((id) => bodyOn(id as BodyId, on, knownAt)));
        return E.right(views.flatMap((view) => view ?? []));
      }),
    holdings: (personId, knownAt) =>
      whenValid([], knownAt, async () => {
        const held = await holdingsOf(reader, personId, knownAt);
        return held.offices.length === 0 && held.seats.length === 0
          ? E.left(unknownPerson(personId, knownAt))
          : E.right(held);
      }),
    compliance: (bodyId, on, knownAt) =>
      whenValid([['on', on]], knownAt, () =>
        ofKnownBody(bodyId, knownAt, () => complianceOf(reader, bodyId, on, knownAt)),
      ),
    changesByInstrument: (instrument, knownAt) =>
      whenValid([], knownAt, () => {
        const key = instrumentKey(instrument);
        return ofKnownInstrument(reader, key, knownAt, async () => {
          const [facts, record] = await Promise.all([
            reader.factsReferring('change', key, knownAt),
            instrumentRecord(reader, key, knownAt),
          ]);
          const changes = changesOf(facts).sort(byPosition);
          // An annulment withdraws every change its instrument caused, in the append that annuls it.
          return record?.annulment === undefined ? changes : changes.map(withdrawnChange);
        });
      }),
    ...createRegistryQueries(reader, bodyOn),
    changesBetween: (from, to, knownAt) =>
      whenValid(
        [
          ['from', from],
          ['to', to],
        ],
        knownAt,
        async () =>
          E.right(
            changesOf(await reader.factsStarting('change', from, to, knownAt)).sort(
              byEffectiveDate,
            ),
          ),
      ),
  };
}
