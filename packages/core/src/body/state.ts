/**
 * The state of one body, folded from its stream, and the small pure queries read models and
 * tests ask of it. A body is unestablished, active or ended. Its facts are kept as timelines in
 * valid time — names, each seat's roles and holders, each duty's category and text — so that a
 * retroactive decision slots in at its date and the past stays answerable: who sat on the body,
 * with which duties, on any date.
 *
 * @see docs/reference/domain.md "Questions the read models answer"
 */
import type {
  AuthorityId,
  BilingualName,
  BilingualText,
  BodyId,
  CalendarDate,
  DutyId,
  ObligationId,
  ReorganisationId,
  ReportDocument,
  ReportId,
  SeatHolder,
  SeatId,
  ValidInterval,
} from '../kernel/index.js';
import { contains } from '../kernel/index.js';
import type { DutyCategory, DutyProvenance } from './duty.js';
import type { BodyKind } from './kind.js';
import type { BodyOrigin, EndReason } from './lifecycle.js';
import type { ObligationKind, Recipient } from './obligation.js';
import type { Cadence, PeriodLabel } from './period.js';
import type { RoleSet } from './roles.js';
import { entryOn } from './timeline.js';

// -------------------------------------------------------------------------------------------------
// Facts
// -------------------------------------------------------------------------------------------------

/** A name of the body, in force from `from`. */
export interface NameEntry {
  readonly from: CalendarDate;
  readonly name: BilingualName;
}

/** A seat's roles, in force from `from`. */
export interface RolesEntry {
  readonly from: CalendarDate;
  readonly roles: RoleSet;
}

/** A seat's holder from `from` (one holding), or `null` while the seat is vacant. */
export interface HolderEntry {
  readonly from: CalendarDate;
  readonly holder: SeatHolder | null;
}

/** A seat on the body: its life, and timelines of its roles and holders. */
export interface Seat {
  readonly seatId: SeatId;
  readonly createdOn: CalendarDate;
  /** The date the seat ceased to exist: abolished, or closed when the body ended. */
  readonly abolishedOn?: CalendarDate;
  readonly roles: ReadonlyArray<RolesEntry>;
  readonly holders: ReadonlyArray<HolderEntry>;
}

/** A duty's category, in force from `from`. */
export interface CategoryEntry {
  readonly from: CalendarDate;
  readonly category: DutyCategory;
}

/** A duty's text, in force from `from`. */
export interface TextEntry {
  readonly from: CalendarDate;
  readonly text: BilingualText;
}

/** A duty of the body: where it came from, its validity, and timelines of category and text. */
export interface Duty {
  readonly dutyId: DutyId;
  readonly provenance: DutyProvenance;
  readonly assignedOn: CalendarDate;
  /** The date the duty ceased: revoked, or closed when the body ended. */
  readonly revokedOn?: CalendarDate;
  readonly categories: ReadonlyArray<CategoryEntry>;
  readonly texts: ReadonlyArray<TextEntry>;
}

/** A reporting obligation of the body and its validity. */
export interface Obligation {
  readonly obligationId: ObligationId;
  readonly kind: ObligationKind;
  readonly cadence: Cadence;
  readonly dueDaysAfterPeriodEnd: number;
  readonly recipients: readonly [Recipient, ...Recipient[]];
  readonly dutyId?: DutyId;
  readonly imposedOn: CalendarDate;
  /** The date the obligation ceased: lifted, or closed when the body ended. */
  readonly liftedOn?: CalendarDate;
}

/** A filed report or correction; a superseded one stays, marked by its successor. */
export interface Report {
  readonly reportId: ReportId;
  readonly obligationId: ObligationId;
  readonly period: PeriodLabel;
  readonly document: ReportDocument;
  /** The report this one corrects. */
  readonly supersedes?: ReportId;
  /** The correction that superseded this one. */
  readonly supersededBy?: ReportId;
}

/** Bodies this one absorbed in a reorganisation, on a date. */
export interface Absorption {
  readonly on: CalendarDate;
  readonly absorbed: readonly [BodyId, ...BodyId[]];
  readonly reorganisationId: ReorganisationId;
}

/**
 * The body's passing to another authority from `from`: jurisdiction over it (docs/reference/domain.md
 * rule 9) follows `authority` from that date; `previous` held it until then.
 */
export interface AuthorityTransfer {
  readonly from: CalendarDate;
  readonly authority: AuthorityId;
  readonly previous: AuthorityId;
}

/** What an established body knows about itself. */
export interface BodyFacts {
  readonly bodyId: BodyId;
  readonly kind: BodyKind;
  readonly authority: AuthorityId;
  readonly purpose?: BilingualText;
  readonly origin: BodyOrigin;
  readonly establishedOn: CalendarDate;
  /** Every name the body has borne, by the date each took effect. */
  readonly names: ReadonlyArray<NameEntry>;
  readonly seats: ReadonlyMap<SeatId, Seat>;
  readonly duties: ReadonlyMap<DutyId, Duty>;
  readonly obligations: ReadonlyMap<ObligationId, Obligation>;
  readonly reports: ReadonlyMap<ReportId, Report>;
  /** The report that counts for each obligation and period (the latest correction). */
  readonly counted: ReadonlyMap<ObligationId, ReadonlyMap<PeriodLabel, ReportId>>;
  readonly absorptions: ReadonlyArray<Absorption>;
  /** The body's transfers to other authorities, by the date each took effect. */
  readonly transfers: ReadonlyArray<AuthorityTransfer>;
}

// -------------------------------------------------------------------------------------------------
// State
// -------------------------------------------------------------------------------------------------

/** A body stream with no events yet. */
export interface UnestablishedBody {
  readonly status: 'unestablished';
}

/** A body in its life: it accepts changes. */
export interface ActiveBody extends BodyFacts {
  readonly status: 'active';
}

/** A body that has ended; it accepts only reports for periods that ended by its end. */
export interface EndedBody extends BodyFacts {
  readonly status: 'ended';
  readonly endedOn: CalendarDate;
  readonly endReason: EndReason;
  readonly successors: ReadonlyArray<BodyId>;
  readonly reorganisationId?: ReorganisationId;
}

/** An established body, active or ended. */
export type EstablishedBody = ActiveBody | EndedBody;

/** The state of a body stream. */
export type State = UnestablishedBody | ActiveBody | EndedBody;

/** The state of a stream with no events. */
export const initialState: State = { status: 'unestablished' };

// -------------------------------------------------------------------------------------------------
// Queries
// -------------------------------------------------------------------------------------------------

const interval = (from: CalendarDate, to: CalendarDate | undefined): ValidInterval =>
  to === undefined ? { from } : { from, to };

/** The body's life in valid time: from its establishment until its end, if it ended. */
export const bodyLife = (body: EstablishedBody): ValidInterval =>
  // Stryker disable next-line ConditionalExpression: an active body has no `endedOn`, so reading it gives `undefined` too
  interval(body.establishedOn, body.status === 'ended' ? body.endedOn : undefined);

/**
 * The authority the body answers to on `date`: its establishing authority, or the one it was last
 * transferred to on or before `date`.
 *
 * @see docs/reference/domain.md rule 9
 */
export const authorityOn = (body: BodyFacts, date: CalendarDate): AuthorityId =>
  entryOn(body.transfers, date)?.authority ?? body.authority;

/** A seat's life: from its creation until its abolition (or the body's end). */
export const seatLife = (seat: Seat): ValidInterval => interval(seat.createdOn, seat.abolishedOn);

/** A duty's validity: from its assignment until its revocation (or the body's end). */
export const dutyLife = (duty: Duty): ValidInterval => interval(duty.assignedOn, duty.revokedOn);

/** An obligation's validity: from its imposition until it is lifted (or the body ends). */
export const obligationLife = (obligation: Obligation): ValidInterval =>
  interval(obligation.imposedOn, obligation.liftedOn);

/** Who holds the seat on `date`: a holder, `null` when vacant, `undefined` when no such seat. */
export const holderOn = (seat: Seat, date: CalendarDate): SeatHolder | null | undefined =>
  // Stryker disable next-line OptionalChaining: a seat's first holder entry is dated its creation, so within its life one stands
  contains(seatLife(seat), date) ? (entryOn(seat.holders, date)?.holder ?? null) : undefined;

/** The seat's roles on `date`, or `undefined` when the seat does not exist on that date. */
export const rolesOn = (seat: Seat, date: CalendarDate): RoleSet | undefined =>
  // Stryker disable next-line OptionalChaining: a seat's first roles entry is dated its creation, so within its life one stands
  contains(seatLife(seat), date) ? entryOn(seat.roles, date)?.roles : undefined;

/** One seat as it stood on a date. */
export interface SeatOnDate {
  readonly seatId: SeatId;
  readonly roles: RoleSet;
  /** The holder, or `null` when the seat was vacant. */
  readonly holder: SeatHolder | null;
}

/** The seats that exist on `date` (vacant ones included), in order of creation. */
export function activeSeatsOn(state: State, date: CalendarDate): ReadonlyArray<SeatOnDate> {
  if (state.status === 'unestablished') return [];
  const seats: SeatOnDate[] = [];
  for (const seat of state.seats.values()) {
    const roles = rolesOn(seat, date);
    if (roles !== undefined)
      seats.push({ seatId: seat.seatId, roles, holder: holderOn(seat, date) ?? null });
  }
  return seats;
}

/** One duty as it stood on a date. */
export interface DutyOnDate {
  readonly dutyId: DutyId;
  readonly category: DutyCategory;
  readonly text: BilingualText;
  readonly provenance: DutyProvenance;
}

/** The duty as it stood on `date`, or `undefined` when it was not in force. */
export function dutyOn(duty: Duty, date: CalendarDate): DutyOnDate | undefined {
  const category = entryOn(duty.categories, date)?.category;
  const text = entryOn(duty.texts, date)?.text;
  // Stryker disable next-line ConditionalExpression: a duty's first category and text are dated its assignment, so both stand while it is in force
  return contains(dutyLife(duty), date) && category !== undefined && text !== undefined
    ? { dutyId: duty.dutyId, category, text, provenance: duty.provenance }
    : undefined;
}

/** The duties in force on `date`, in order of assignment. */
export function dutiesOn(state: State, date: CalendarDate): ReadonlyArray<DutyOnDate> {
  if (state.status === 'unestablished') return [];
  return [...state.duties.values()].flatMap((duty) => dutyOn(duty, date) ?? []);
}

/** The reporting obligations in force on `date`, in order of imposition. */
export function obligationsOn(state: State, date: CalendarDate): ReadonlyArray<Obligation> {
  if (state.status === 'unestablished') return [];
  return [...state.obligations.values()].filter((o) => contains(obligationLife(o), date));
}

/** The body's name on `date`, or `undefined` outside its life. */
export function nameOn(state: State, date: CalendarDate): BilingualName | undefined {
  // Stryker disable next-line ConditionalExpression,StringLiteral: an unestablished state has no `establishedOn`, so `contains` below is false for it anyway
  if (state.status === 'unestablished') return undefined;
  if (!contains(bodyLife(state), date)) return undefined;
  // Stryker disable next-line OptionalChaining: the first name is dated the establishment, so within the life one stands
  return entryOn(state.names, date)?.name;
}

/** A name the body bore, and when. */
export interface NameValidity {
  readonly name: BilingualName;
  readonly validity: ValidInterval;
}

/** Every name the body has borne with its validity, oldest first, so old names stay searchable. */
export function nameHistory(state: State): ReadonlyArray<NameValidity> {
  if (state.status === 'unestablished') return [];
  // Stryker disable next-line ConditionalExpression: an active body has no `endedOn`, so reading it gives `undefined` too
  const end = state.status === 'ended' ? state.endedOn : undefined;
  return state.names.map((entry, i) => ({
    name: entry.name,
    validity: interval(entry.from, state.names[i + 1]?.from ?? end),
  }));
}

/** The report that counts for an obligation and period: the latest correction, if any. */
export function countedReport(
  state: State,
  obligationId: ObligationId,
  period: PeriodLabel,
): Report | undefined {
  if (state.status === 'unestablished') return undefined;
  const reportId = state.counted.get(obligationId)?.get(period);
  // Stryker disable next-line ConditionalExpression: `get(undefined)` on the reports, keyed by ids, is `undefined` too
  return reportId === undefined ? undefined : state.reports.get(reportId);
}

/** True when two holders are the same (same office or person, same named capacity). */
export const sameHolder = (a: SeatHolder | null, b: SeatHolder | null): boolean =>
  a === null || b === null
    ? a === b
    : a.follows === 'office'
      ? // Stryker disable next-line ConditionalExpression: a person holder has no `office`, so the next test fails for it anyway
        b.follows === 'office' && a.office === b.office && a.namedPerson === b.namedPerson
      : // Stryker disable next-line ConditionalExpression: an office holder has no `person`, so the next test fails for it anyway
        b.follows === 'person' &&
        a.person === b.person &&
        a.asOffice === b.asOffice &&
        a.acting === b.acting;
