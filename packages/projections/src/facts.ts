/**
 * Facts: the rows of the bitemporal read models, derived from a folded state. Each fact holds one
 * thing that is true over a half-open interval of valid time — a seat's roles and holder between
 * two change points, a duty's category and text, a reporting obligation over its life, a report
 * from its submission, an office holding, a body's summary — so that a question about a valid date
 * only reads the rows whose interval contains it. The same derivation feeds every storage (memory,
 * SQLite), which differ only in how they keep the rows.
 *
 * @see docs/reference/domain.md "Time"
 */
import { Body, Office, contains, unsafeCalendarDate } from '@mandate/core';
import type { CalendarDate, Instant, ValidInterval } from '@mandate/core';
import type { BodyEnd } from './views.js';

/**
 * The kinds of fact, one table each: a body's summary, its seats, duties, reporting obligations
 * and filed reports; an office's holdings; one change per event (what an instrument changed); a
 * recorded instrument and its relations; a person's record; and the folded names bodies, persons
 * and instruments are found by.
 */
export type FactKind =
  | 'body'
  | 'seat'
  | 'duty'
  | 'obligation'
  | 'report'
  | 'holding'
  | 'change'
  | 'instrument'
  | 'person'
  | 'name';

/** The fact kinds derived from a body's folded state (a change is appended per event instead). */
export const BODY_FACT_KINDS: ReadonlyArray<FactKind> = [
  'body',
  'seat',
  'duty',
  'obligation',
  'report',
];
/** The fact kinds derived from an office stream. */
export const OFFICE_FACT_KINDS: ReadonlyArray<FactKind> = ['holding'];

/** The first date of the calendar: facts that hold whatever the valid date start here. */
export const BEGINNING_OF_TIME: CalendarDate = unsafeCalendarDate('1900-01-01');

/** One row of a read model: what holds, about whom, over which valid interval. */
export interface Fact {
  readonly kind: FactKind;
  /** The body, office, person or instrument (by key) the fact is about. */
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

/** A reporting obligation's terms and life. */
export type ObligationPayload = Body.Obligation;

/** A filed report or correction, with the correction that superseded it, if any. */
export type ReportPayload = Body.Report;

/** What a seat fact refers to: the named person, or the office an ex-officio seat follows. */
const holderRef = (holder: Body.HolderEntry['holder']): { readonly ref?: string } =>
  holder === null ? {} : { ref: holder.follows === 'person' ? holder.person : holder.office };

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

/** Which of a subject's facts are derived anew: those of one key of a kind, or all of a kind. */
export interface FactScope {
  readonly kind: FactKind;
  /** The seat, duty, obligation or report (the body itself for its summary); all when absent. */
  readonly key?: string;
}

/** Facts derived anew, and the scopes they replace. */
export interface DerivedFacts {
  readonly scopes: ReadonlyArray<FactScope>;
  readonly facts: ReadonlyArray<Fact>;
}

const summaryFact = (state: Body.EstablishedBody): Fact => ({
  kind: 'body',
  subject: state.bodyId,
  key: state.bodyId,
  ordinal: 0,
  valid: { from: BEGINNING_OF_TIME },
  payload: summaryOf(state),
});

function seatFacts(subject: string, seat: Body.Seat, ordinal: number): Fact[] {
  const dates = [...seat.roles, ...seat.holders].map((entry) => entry.from);
  return segments(Body.seatLife(seat), dates).flatMap((valid): Fact[] => {
    const roles = Body.rolesOn(seat, valid.from);
    if (roles === undefined) return [];
    const holder = Body.holderOn(seat, valid.from) ?? null;
    const payload: SeatPayload = { seatId: seat.seatId, roles, holder };
    const key = seat.seatId;
    return [{ kind: 'seat', subject, key, ordinal, ...holderRef(holder), valid, payload }];
  });
}

function dutyFacts(subject: string, duty: Body.Duty, ordinal: number): Fact[] {
  const dates = [...duty.categories, ...duty.texts].map((entry) => entry.from);
  return segments(Body.dutyLife(duty), dates).flatMap((valid): Fact[] => {
    const payload = Body.dutyOn(duty, valid.from);
    return payload === undefined
      ? []
      : [{ kind: 'duty', subject, key: duty.dutyId, ordinal, valid, payload }];
  });
}

const obligationFacts = (subject: string, obligation: Body.Obligation, ordinal: number): Fact[] => {
  const payload: ObligationPayload = obligation;
  const valid = Body.obligationLife(obligation);
  return [{ kind: 'obligation', subject, key: obligation.obligationId, ordinal, valid, payload }];
};

const reportFacts = (subject: string, report: Body.Report, ordinal: number): Fact[] => {
  const payload: ReportPayload = report;
  const valid = { from: report.document.submittedOn };
  return [{ kind: 'report', subject, key: report.reportId, ordinal, valid, payload }];
};

/** A body's keyed parts (seats, duties, obligations, reports): where they are and their facts. */
interface KeyedPart<Entry> {
  readonly kind: FactKind;
  readonly entries: (state: Body.EstablishedBody) => ReadonlyMap<string, Entry>;
  readonly facts: (subject: string, entry: Entry, ordinal: number) => Fact[];
}

const part = <Entry>(p: KeyedPart<Entry>): KeyedPart<unknown> => p as KeyedPart<unknown>;

/** In the order `bodyFacts` lists them; each part's ordinal is its entry's place in its map. */
const KEYED_PARTS: ReadonlyArray<KeyedPart<unknown>> = [
  part({ kind: 'seat', entries: (s) => s.seats, facts: seatFacts }),
  part({ kind: 'duty', entries: (s) => s.duties, facts: dutyFacts }),
  part({ kind: 'obligation', entries: (s) => s.obligations, facts: obligationFacts }),
  part({ kind: 'report', entries: (s) => s.reports, facts: reportFacts }),
];

/** The fields a body's summary is made of. */
const SUMMARY_FIELDS = [
  'kind',
  'authority',
  'purpose',
  'establishedOn',
  'names',
  'origin',
  'status',
  'endedOn',
  'endReason',
  'successors',
  'reorganisationId',
  'absorptions',
] as const;

const field = (state: Body.EstablishedBody, name: (typeof SUMMARY_FIELDS)[number]): unknown =>
  (state as Partial<Record<(typeof SUMMARY_FIELDS)[number], unknown>>)[name];

/**
 * The facts a body's folded state holds: its summary, seat segments (referring to their holder),
 * duty segments, obligations over their life, and reports from their submission on, in the order
 * filed.
 */
export function bodyFacts(state: Body.State): ReadonlyArray<Fact> {
  if (state.status === 'unestablished') return [];
  const subject = state.bodyId;
  return [
    summaryFact(state),
    ...KEYED_PARTS.flatMap(({ entries, facts }) =>
      [...entries(state).values()].flatMap((entry, ordinal) => facts(subject, entry, ordinal)),
    ),
  ];
}

/**
 * The facts of a body that may differ between its state `before` an event and `after` it, with
 * the scopes they replace — in time proportional to what the event changed, not to the body's
 * size. It relies on `evolve` copying on write: a seat, duty, obligation or report the event left
 * alone is the same object in both states, and so is every untouched map.
 */
export function changedBodyFacts(before: Body.State, after: Body.State): DerivedFacts {
  if (after.status === 'unestablished') return { scopes: [], facts: [] };
  const subject = after.bodyId;
  if (before.status === 'unestablished')
    return {
      scopes: BODY_FACT_KINDS.map((kind) => ({ kind })),
      facts: bodyFacts(after),
    };
  const scopes: FactScope[] = [];
  const facts: Fact[] = [];
  if (SUMMARY_FIELDS.some((name) => field(before, name) !== field(after, name))) {
    scopes.push({ kind: 'body', key: subject });
    facts.push(summaryFact(after));
  }
  for (const { kind, entries, facts: factsOf } of KEYED_PARTS) {
    const [was, is] = [entries(before), entries(after)];
    if (was === is) continue;
    let ordinal = 0;
    for (const [key, entry] of is) {
      if (was.get(key) !== entry) {
        scopes.push({ kind, key });
        facts.push(...factsOf(subject, entry, ordinal));
      }
      ordinal += 1;
    }
    for (const key of was.keys()) if (!is.has(key)) scopes.push({ kind, key });
  }
  return { scopes, facts };
}

/** The facts an office's folded state holds: one per holding (referring to its holder), in order of start. */
export function officeFacts(state: Office.OfficeState): ReadonlyArray<Fact> {
  if (state.status === 'unestablished') return [];
  return Office.holdingsOf(state).map((holding, ordinal): Fact => {
    const payload: HoldingPayload = { person: holding.person, capacity: holding.capacity };
    return {
      kind: 'holding',
      subject: state.officeId,
      key: String(ordinal),
      ordinal,
      ref: holding.person,
      valid: interval(holding.from, holding.to),
      payload,
    };
  });
}
