/**
 * Facts: the rows of the bitemporal read models, derived from a folded state. Each fact holds one
 * thing that is true over a half-open interval of valid time — a seat's roles and holder between
 * two change points, a duty's category and text, an office holding, a body's summary — so that a
 * question about a valid date only reads the rows whose interval contains it. The same derivation
 * feeds every storage (memory, SQLite), which differ only in how they keep the rows.
 *
 * @see DOMAIN.md "Time"
 */
import { Body, Office, contains, unsafeCalendarDate } from '@mandate/core';
import type { CalendarDate, Instant, ValidInterval } from '@mandate/core';
import type { BodyEnd } from './views.js';

/**
 * The kinds of fact, one table each: a body's summary, its seats, duties, reporting obligations
 * and filed reports; an office's holdings; and one change per event (what an instrument changed).
 */
export type FactKind = 'body' | 'seat' | 'duty' | 'obligation' | 'report' | 'holding' | 'change';

/** The fact kinds derived from a body stream. */
export const BODY_FACT_KINDS: ReadonlyArray<FactKind> = ['body', 'seat', 'duty'];
/** The fact kinds derived from an office stream. */
export const OFFICE_FACT_KINDS: ReadonlyArray<FactKind> = ['holding'];

/** The first date of the calendar: facts that hold whatever the valid date start here. */
export const BEGINNING_OF_TIME: CalendarDate = unsafeCalendarDate('1900-01-01');

/** One row of a read model: what holds, about whom, over which valid interval. */
export interface Fact {
  readonly kind: FactKind;
  /** The body or office the fact is about. */
  readonly subject: string;
  /** The seat, duty or holding within the subject (the subject itself for a body summary). */
  readonly key: string;
  /** The order of the key within its subject, as the folded state lists it. */
  readonly ordinal: number;
  /**
   * What the fact refers to, for lookups across subjects: the person or office holding a seat or
   * an office, the instrument behind a change.
   */
  readonly ref?: string;
  readonly valid: ValidInterval;
  /** JSON-compatible content. */
  readonly payload: unknown;
}

/** A fact together with the recorded interval in which it was the system's knowledge. */
export interface RecordedFact extends Fact {
  readonly recordedFrom: Instant;
  /** When a later event superseded it; absent while it is current knowledge. */
  readonly recordedTo?: Instant;
}

/** The summary of a body: everything about it but what depends on the valid date asked about. */
export interface BodySummary {
  readonly bodyId: string;
  readonly kind: Body.BodyKind;
  readonly authority: string;
  readonly purpose?: Body.EstablishedBody['purpose'];
  readonly establishedOn: CalendarDate;
  readonly names: ReadonlyArray<Body.NameValidity>;
  readonly predecessors: ReadonlyArray<string>;
  readonly end?: BodyEnd;
  readonly absorptions: ReadonlyArray<Body.Absorption>;
}

/** A seat's roles and holder over one segment of valid time. */
export interface SeatPayload {
  readonly seatId: string;
  readonly roles: Body.RoleSet;
  readonly holder: Body.HolderEntry['holder'];
}

/** An office holding's person and capacity. */
export type HoldingPayload = Office.OfficeHolder;

const interval = (from: CalendarDate, to: CalendarDate | undefined): ValidInterval =>
  to === undefined ? { from } : { from, to };

/** The change points of a timeline-bearing thing within its life, sorted and distinct. */
function changePoints(life: ValidInterval, dates: ReadonlyArray<CalendarDate>): CalendarDate[] {
  return [...new Set([life.from, ...dates])].filter((d) => contains(life, d)).sort();
}

/** Segments of a life cut at its change points: each `[point, next point or end)`. */
function segments(life: ValidInterval, dates: ReadonlyArray<CalendarDate>): ValidInterval[] {
  const points = changePoints(life, dates);
  return points.map((from, i) => interval(from, points[i + 1] ?? life.to));
}

function summaryOf(state: Body.EstablishedBody): BodySummary {
  return {
    bodyId: state.bodyId,
    kind: state.kind,
    authority: state.authority,
    ...(state.purpose === undefined ? {} : { purpose: state.purpose }),
    establishedOn: state.establishedOn,
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

/** The facts a body's folded state holds: its summary, seat segments and duty segments. */
export function bodyFacts(state: Body.State): ReadonlyArray<Fact> {
  if (state.status === 'unestablished') return [];
  const subject = state.bodyId;
  const facts: Fact[] = [
    {
      kind: 'body',
      subject,
      key: subject,
      ordinal: 0,
      valid: { from: BEGINNING_OF_TIME },
      payload: summaryOf(state),
    },
  ];
  [...state.seats.values()].forEach((seat, ordinal) => {
    const dates = [...seat.roles, ...seat.holders].map((entry) => entry.from);
    for (const valid of segments(Body.seatLife(seat), dates)) {
      const roles = Body.rolesOn(seat, valid.from);
      if (roles === undefined) continue;
      const payload: SeatPayload = {
        seatId: seat.seatId,
        roles,
        holder: Body.holderOn(seat, valid.from) ?? null,
      };
      facts.push({ kind: 'seat', subject, key: seat.seatId, ordinal, valid, payload });
    }
  });
  [...state.duties.values()].forEach((duty, ordinal) => {
    const dates = [...duty.categories, ...duty.texts].map((entry) => entry.from);
    for (const valid of segments(Body.dutyLife(duty), dates)) {
      const payload = Body.dutyOn(duty, valid.from);
      if (payload === undefined) continue;
      facts.push({ kind: 'duty', subject, key: duty.dutyId, ordinal, valid, payload });
    }
  });
  return facts;
}

/** The facts an office's folded state holds: one per holding, in order of start. */
export function officeFacts(state: Office.OfficeState): ReadonlyArray<Fact> {
  if (state.status === 'unestablished') return [];
  return Office.holdingsOf(state).map((holding, ordinal): Fact => {
    const payload: HoldingPayload = { person: holding.person, capacity: holding.capacity };
    return {
      kind: 'holding',
      subject: state.officeId,
      key: String(ordinal),
      ordinal,
      valid: interval(holding.from, holding.to),
      payload,
    };
  });
}
