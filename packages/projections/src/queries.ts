/**
 * The queries of the read models, over any {@link FactReader}: a body's roster (ex-officio seats
 * resolved through the office holdings valid on the date and known at the instant), its duties,
 * and body summaries with their status on the date.
 *
 * @see DOMAIN.md rule 6 and "Questions the read models must answer"
 */
import { contains } from '@mandate/core';
import type { BodyId, CalendarDate, Instant, OfficeId, SeatHolder } from '@mandate/core';
import type { Office } from '@mandate/core';
import type { FactReader } from './fact-store.js';
import type { BodySummary, HoldingPayload, SeatPayload } from './facts.js';
import type { BodyView, DutyView, ReadModelQueries, RosterSeat } from './views.js';

/** Who is behind a seat on `on`: the named person, or the office's substantive, else acting, holder. */
async function occupantOf(
  reader: FactReader,
  holder: SeatHolder,
  on: CalendarDate,
  knownAt: Instant | undefined,
): Promise<Office.SeatResolution> {
  if (holder.follows === 'person') {
    const { person, asOffice } = holder;
    return asOffice === undefined
      ? { kind: 'person', person, via: 'named' }
      : { kind: 'person', person, via: 'named', asOffice };
  }
  const { office } = holder;
  const holdings = (await reader.factsOn('holding', office, on, knownAt)).map(
    (fact) => fact.payload as HoldingPayload,
  );
  const current =
    holdings.find((h) => h.capacity === 'substantive') ??
    holdings.filter((h) => h.capacity === 'acting').at(-1);
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

/** The read-model queries over a fact reader. */
export function createQueries(reader: FactReader): ReadModelQueries {
  const body = async (
    bodyId: BodyId,
    on: CalendarDate,
    knownAt?: Instant,
  ): Promise<BodyView | undefined> => {
    const [fact] = await reader.factsOn('body', bodyId, on, knownAt);
    return fact === undefined ? undefined : viewOf(fact.payload as BodySummary, on);
  };
  return {
    roster: async (bodyId, on, knownAt) =>
      Promise.all(
        (await reader.factsOn('seat', bodyId, on, knownAt)).map(
          async (fact): Promise<RosterSeat> => {
            const seat = fact.payload as SeatPayload;
            return {
              seatId: seat.seatId as RosterSeat['seatId'],
              roles: seat.roles,
              holder: seat.holder,
              occupant:
                seat.holder === null ? null : await occupantOf(reader, seat.holder, on, knownAt),
            };
          },
        ),
      ),
    duties: async (bodyId, on, knownAt) =>
      (await reader.factsOn('duty', bodyId, on, knownAt)).map((fact) => fact.payload as DutyView),
    body,
    bodies: async (on, knownAt) => {
      const ids = await reader.subjects('body', knownAt);
      const views = await Promise.all(ids.map((id) => body(id as BodyId, on, knownAt)));
      return views.flatMap((view) => view ?? []);
    },
  };
}
