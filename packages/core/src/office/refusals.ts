/**
 * Why an office refuses a command: each refusal is a readonly tagged value built by the small
 * constructor beside it, naming the office, persons and dates involved.
 */
import type {
  AuthorityId,
  CalendarDate,
  EventId,
  OfficeId,
  PersonId,
  RefusalShape,
} from '../kernel/index.js';
import type { Capacity } from './capacity.js';
import type { Holding } from './state.js';

/** The stream already holds an office: an office is established once. */
export interface OfficeAlreadyEstablished extends RefusalShape<'OfficeAlreadyEstablished'> {
  readonly officeId: OfficeId;
}
/** The stream already holds an office: an office is established once. */
export const officeAlreadyEstablished = (officeId: OfficeId): OfficeAlreadyEstablished => ({
  _tag: 'OfficeAlreadyEstablished',
  officeId,
  message: `Office ${officeId} cannot be established: this stream already holds an office.`,
});

/** No office with this id has been established in the stream. */
export interface OfficeNotFound extends RefusalShape<'OfficeNotFound'> {
  readonly officeId: OfficeId;
}
/** No office with this id has been established in the stream. */
export const officeNotFound = (officeId: OfficeId): OfficeNotFound => ({
  _tag: 'OfficeNotFound',
  officeId,
  message: `Office ${officeId} has not been established.`,
});

/** The office was abolished: it accepts nothing more. */
export interface OfficeAlreadyAbolished extends RefusalShape<'OfficeAlreadyAbolished'> {
  readonly officeId: OfficeId;
  readonly abolishedOn: CalendarDate;
}
/** The office was abolished: it accepts nothing more. */
export const officeAlreadyAbolished = (
  officeId: OfficeId,
  abolishedOn: CalendarDate,
): OfficeAlreadyAbolished => ({
  _tag: 'OfficeAlreadyAbolished',
  officeId,
  abolishedOn,
  message: `Office ${officeId} was abolished on ${abolishedOn} and accepts nothing more.`,
});

/** The instrument's issuer had no jurisdiction, on its signing date, over the office's authority. */
export interface NoJurisdiction extends RefusalShape<'NoJurisdiction'> {
  readonly rule: 9;
  readonly officeId: OfficeId;
  readonly issuer: AuthorityId;
  readonly authority: AuthorityId;
  readonly signedOn: CalendarDate;
}
/** The instrument's issuer had no jurisdiction, on its signing date, over the office's authority. */
export const noJurisdiction = (
  officeId: OfficeId,
  issuer: AuthorityId,
  authority: AuthorityId,
  signedOn: CalendarDate,
): NoJurisdiction => ({
  _tag: 'NoJurisdiction',
  rule: 9,
  officeId,
  issuer,
  authority,
  signedOn,
  message: `${issuer} had no jurisdiction on ${signedOn} over office ${officeId}: only ${authority}, its successor or an authority above has.`,
});

/** The change would take effect before the office was established. */
export interface OutsideOfficeLife extends RefusalShape<'OutsideOfficeLife'> {
  readonly officeId: OfficeId;
  readonly on: CalendarDate;
  readonly establishedOn: CalendarDate;
}
/** The change would take effect before the office was established. */
export const outsideOfficeLife = (
  officeId: OfficeId,
  on: CalendarDate,
  establishedOn: CalendarDate,
): OutsideOfficeLife => ({
  _tag: 'OutsideOfficeLife',
  officeId,
  on,
  establishedOn,
  message: `Office ${officeId} cannot change on ${on}: it was established on ${establishedOn}.`,
});

/**
 * An appointment, or a correction of a holding's dates, would give the office two holders in one
 * capacity at once.
 */
export interface HoldingsOverlap extends RefusalShape<'HoldingsOverlap'> {
  readonly rule: 6;
  readonly officeId: OfficeId;
  readonly person: PersonId;
  readonly capacity: Capacity;
  readonly on: CalendarDate;
  /** The holding the appointed or corrected one would overlap. */
  readonly existing: Holding;
}
/**
 * An appointment, or a correction of a holding's dates, would give the office two holders in one
 * capacity at once.
 */
export const holdingsOverlap = (
  officeId: OfficeId,
  person: PersonId,
  capacity: Capacity,
  on: CalendarDate,
  existing: Holding,
): HoldingsOverlap => ({
  _tag: 'HoldingsOverlap',
  rule: 6,
  officeId,
  person,
  capacity,
  on,
  existing,
  message: `${person}'s ${capacity} holding of ${officeId} from ${on} would overlap ${existing.person}'s holding from ${existing.from}${existing.to === undefined ? '' : ` to ${existing.to}`}: an office has one ${capacity} holder at a time.`,
});

/**
 * An appointment, or a correction of a holding's dates, would make one person the office's acting
 * and substantive holder at once: a substantive appointment ends the person's own open acting
 * holding, but no other overlap.
 */
export interface ActingAndSubstantiveAtOnce extends RefusalShape<'ActingAndSubstantiveAtOnce'> {
  readonly rule: 16;
  readonly officeId: OfficeId;
  readonly person: PersonId;
  readonly capacity: Capacity;
  readonly on: CalendarDate;
  /** The person's holding in the other capacity that the appointed or corrected one would overlap. */
  readonly existing: Holding;
}
/**
 * An appointment, or a correction of a holding's dates, would make one person the office's acting
 * and substantive holder at once.
 */
export const actingAndSubstantiveAtOnce = (
  officeId: OfficeId,
  person: PersonId,
  capacity: Capacity,
  on: CalendarDate,
  existing: Holding,
): ActingAndSubstantiveAtOnce => ({
  _tag: 'ActingAndSubstantiveAtOnce',
  rule: 16,
  officeId,
  person,
  capacity,
  on,
  existing,
  message: `${person} would hold ${officeId} as ${capacity} holder from ${on} while their own ${existing.capacity} holding from ${existing.from}${existing.to === undefined ? ' (open)' : ` to ${existing.to}`} stands: no one is acting and substantive in one office at once.`,
});

/**
 * An acting holding would run on across the start of a substantive holding, which ends it: a
 * substantive appointment on a date the record says an acting holder still served past, an
 * acting appointment open across a later substantive one, or a correction of either holding's
 * dates that would leave them so.
 */
export interface ActingOutlastsAppointment extends RefusalShape<'ActingOutlastsAppointment'> {
  readonly rule: 16;
  readonly officeId: OfficeId;
  /** The acting holding, as recorded or as the command would open or correct it. */
  readonly acting: Holding;
  /** The substantive holding whose start ends every acting holding then open. */
  readonly substantive: Holding;
}
/** An acting holding would run on across the start of a substantive holding, which ends it. */
export const actingOutlastsAppointment = (
  officeId: OfficeId,
  acting: Holding,
  substantive: Holding,
): ActingOutlastsAppointment => ({
  _tag: 'ActingOutlastsAppointment',
  rule: 16,
  officeId,
  acting,
  substantive,
  message: `${acting.person}'s acting holding of ${officeId} from ${acting.from}${acting.to === undefined ? ' (open)' : ` to ${acting.to}`} would run past ${substantive.person}'s substantive appointment from ${substantive.from}, which ends it.`,
});

/** The person has never held the office in that capacity. */
export interface NoSuchHolding extends RefusalShape<'NoSuchHolding'> {
  readonly officeId: OfficeId;
  readonly person: PersonId;
  readonly capacity: Capacity;
}
/** The person has never held the office in that capacity. */
export const noSuchHolding = (
  officeId: OfficeId,
  person: PersonId,
  capacity: Capacity,
): NoSuchHolding => ({
  _tag: 'NoSuchHolding',
  officeId,
  person,
  capacity,
  message: `${person} holds no ${capacity} holding of ${officeId} to end.`,
});

/** The person's holdings of the office in that capacity have all ended already. */
export interface HoldingAlreadyEnded extends RefusalShape<'HoldingAlreadyEnded'> {
  readonly officeId: OfficeId;
  readonly person: PersonId;
  readonly capacity: Capacity;
  readonly endedOn: CalendarDate;
}
/** The person's holdings of the office in that capacity have all ended already. */
export const holdingAlreadyEnded = (
  officeId: OfficeId,
  person: PersonId,
  capacity: Capacity,
  endedOn: CalendarDate,
): HoldingAlreadyEnded => ({
  _tag: 'HoldingAlreadyEnded',
  officeId,
  person,
  capacity,
  endedOn,
  message: `${person}'s ${capacity} holding of ${officeId} already ended on ${endedOn}.`,
});

/** A holding must end after the day it began. */
export interface EndNotAfterStart extends RefusalShape<'EndNotAfterStart'> {
  readonly officeId: OfficeId;
  readonly person: PersonId;
  readonly capacity: Capacity;
  readonly since: CalendarDate;
  readonly on: CalendarDate;
}
/** A holding must end after the day it began. */
export const endNotAfterStart = (
  officeId: OfficeId,
  person: PersonId,
  capacity: Capacity,
  since: CalendarDate,
  on: CalendarDate,
): EndNotAfterStart => ({
  _tag: 'EndNotAfterStart',
  officeId,
  person,
  capacity,
  since,
  on,
  message: `${person}'s ${capacity} holding of ${officeId} began on ${since}; it cannot end on ${on}.`,
});

/** The office is established, renamed or held on or after the abolition date. */
export interface AbolitionTooEarly extends RefusalShape<'AbolitionTooEarly'> {
  readonly officeId: OfficeId;
  readonly on: CalendarDate;
  /** The latest date the office's history records: an establishment, a rename, a holding's start or end. */
  readonly latestFactOn: CalendarDate;
}
/** The office is established, renamed or held on or after the abolition date. */
export const abolitionTooEarly = (
  officeId: OfficeId,
  on: CalendarDate,
  latestFactOn: CalendarDate,
): AbolitionTooEarly => ({
  _tag: 'AbolitionTooEarly',
  officeId,
  on,
  latestFactOn,
  message: `Office ${officeId} cannot be abolished on ${on}: its history runs to ${latestFactOn} (an establishment, rename or holding).`,
});

/** The office's stream holds no event with the id a correction names. */
export interface UnknownEvent extends RefusalShape<'UnknownEvent'> {
  readonly rule: 14;
  readonly officeId: OfficeId;
  readonly corrects: EventId;
}
/** The office's stream holds no event with the id a correction names. */
export const unknownEvent = (officeId: OfficeId, corrects: EventId): UnknownEvent => ({
  _tag: 'UnknownEvent',
  rule: 14,
  officeId,
  corrects,
  message: `Office ${officeId} has recorded no event ${corrects} to correct.`,
});

/** The event a correction names records no holding that is still on record as it recorded it. */
export interface NoHoldingRecordedBy extends RefusalShape<'NoHoldingRecordedBy'> {
  readonly rule: 14;
  readonly officeId: OfficeId;
  readonly corrects: EventId;
  readonly type: string;
}
/** The event a correction names records no holding that is still on record as it recorded it. */
export const noHoldingRecordedBy = (
  officeId: OfficeId,
  corrects: EventId,
  type: string,
): NoHoldingRecordedBy => ({
  _tag: 'NoHoldingRecordedBy',
  rule: 14,
  officeId,
  corrects,
  type,
  message: `Event ${corrects} (${type}) of office ${officeId} records no holding as it stands now: name the appointment, end or latest correction of the holding to correct.`,
});

/** A corrected holding must lie within the office's life, and end after it begins. */
export interface CorrectionOutsideOfficeLife extends RefusalShape<'CorrectionOutsideOfficeLife'> {
  readonly rule: 14;
  readonly officeId: OfficeId;
  readonly holding: { readonly from: CalendarDate; readonly to?: CalendarDate };
  readonly life: { readonly from: CalendarDate; readonly to?: CalendarDate };
}
/** A corrected holding must lie within the office's life, and end after it begins. */
export const correctionOutsideOfficeLife = (
  officeId: OfficeId,
  holding: { readonly from: CalendarDate; readonly to?: CalendarDate },
  life: { readonly from: CalendarDate; readonly to?: CalendarDate },
): CorrectionOutsideOfficeLife => ({
  _tag: 'CorrectionOutsideOfficeLife',
  rule: 14,
  officeId,
  holding,
  life,
  message: `A holding of ${officeId} from ${holding.from}${holding.to === undefined ? ' on' : ` to ${holding.to}`} is not a non-empty interval within the office's life from ${life.from}${life.to === undefined ? '' : ` to ${life.to}`}.`,
});

/** Why an office refused a command. */
export type Refusal =
  | OfficeAlreadyEstablished
  | OfficeNotFound
  | OfficeAlreadyAbolished
  | NoJurisdiction
  | OutsideOfficeLife
  | HoldingsOverlap
  | ActingAndSubstantiveAtOnce
  | ActingOutlastsAppointment
  | NoSuchHolding
  | HoldingAlreadyEnded
  | EndNotAfterStart
  | AbolitionTooEarly
  | UnknownEvent
  | NoHoldingRecordedBy
  | CorrectionOutsideOfficeLife;
