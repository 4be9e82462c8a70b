/**
 * Why the body decider refuses a command: one tagged value per reason, naming the docs/reference/domain.md rule
 * the command would have broken and carrying the facts that explain it. A refusal never comes
 * with events.
 *
 * @see docs/reference/domain.md rules 1, 2, 3, 4, 7 and 9
 */
import type {
  AuthorityId,
  BodyId,
  CalendarDate,
  DomainRule,
  DutyId,
  ObligationId,
  RefusalShape,
  ReportId,
  SeatId,
} from '../kernel/index.js';
import type { Cadence, PeriodLabel } from './period.js';
import type { CorrectionRefusal } from './corrections/refusals.js';

type Refused<Tag extends string, Rule extends DomainRule, Details> = RefusalShape<Tag> & {
  readonly rule: Rule;
} & Readonly<Details>;

// -------------------------------------------------------------------------------------------------
// Rule 1: established once; an ended body takes only late reports
// -------------------------------------------------------------------------------------------------

/** The body was already established; it is established once. */
export type AlreadyEstablished = Refused<'AlreadyEstablished', 1, { bodyId: BodyId }>;
/** Refuses establishing a body twice. */
export const alreadyEstablished = (bodyId: BodyId): AlreadyEstablished => ({
  _tag: 'AlreadyEstablished',
  rule: 1,
  message: `Body ${bodyId} is already established; a body is established once.`,
  bodyId,
});

/** The body has ended (merged or dissolved) and accepts no more changes. */
export type BodyHasEnded = Refused<'BodyHasEnded', 1, { bodyId: BodyId; endedOn: CalendarDate }>;
/** Refuses a change to a body that has ended. */
export const bodyHasEnded = (bodyId: BodyId, endedOn: CalendarDate): BodyHasEnded => ({
  _tag: 'BodyHasEnded',
  rule: 1,
  message: `Body ${bodyId} ended on ${endedOn}; it accepts only reports for periods that ended by then.`,
  bodyId,
  endedOn,
});

/** After its end, a body may file reports only for periods that ended by its end date. */
export type ReportPeriodAfterEnd = Refused<
  'ReportPeriodAfterEnd',
  1,
  { period: PeriodLabel; endedOn: CalendarDate }
>;
/** Refuses a report, filed after the body ended, for a period that had not ended by then. */
export const reportPeriodAfterEnd = (
  period: PeriodLabel,
  endedOn: CalendarDate,
): ReportPeriodAfterEnd => ({
  _tag: 'ReportPeriodAfterEnd',
  rule: 1,
  message: `The body ended on ${endedOn}; period ${period} had not ended by then, so no report can be filed for it.`,
  period,
  endedOn,
});

/** The command names another body than the one whose stream it was sent to. */
export type WrongBody = Refused<'WrongBody', 1, { bodyId: BodyId; commandBodyId: BodyId }>;
/** Refuses a command addressed to another body. */
export const wrongBody = (bodyId: BodyId, commandBodyId: BodyId): WrongBody => ({
  _tag: 'WrongBody',
  rule: 1,
  message: `The command names body ${commandBodyId}, but this stream is body ${bodyId}.`,
  bodyId,
  commandBodyId,
});

// -------------------------------------------------------------------------------------------------
// Rule 2 and rule 3: checked over the whole valid-time line
// -------------------------------------------------------------------------------------------------

/** Two seats would have the role of head on the same date. */
export type TwoHeads = Refused<
  'TwoHeads',
  2,
  { on: CalendarDate; seats: readonly [SeatId, SeatId] }
>;
/** Refuses a change that gives the body two heads on some date. */
export const twoHeads = (on: CalendarDate, seats: readonly [SeatId, SeatId]): TwoHeads => ({
  _tag: 'TwoHeads',
  rule: 2,
  message: `On ${on} seats ${seats[0]} and ${seats[1]} would both be head; a body has at most one head.`,
  on,
  seats,
});

/** One office or person would hold two seats of the body on the same date. */
export type HolderInTwoSeats = Refused<
  'HolderInTwoSeats',
  3,
  { on: CalendarDate; identity: string; seats: readonly [SeatId, SeatId] }
>;
/** Refuses a change that seats one office or person twice on some date. */
export const holderInTwoSeats = (
  on: CalendarDate,
  identity: string,
  seats: readonly [SeatId, SeatId],
): HolderInTwoSeats => ({
  _tag: 'HolderInTwoSeats',
  rule: 3,
  message: `On ${on} ${identity} would hold seats ${seats[0]} and ${seats[1]}; a holder has at most one seat in a body.`,
  on,
  identity,
  seats,
});

// -------------------------------------------------------------------------------------------------
// Rule 4: every fact within the body's life, and within its own
// -------------------------------------------------------------------------------------------------

/** The body has not been established. */
export type NotEstablished = Refused<'NotEstablished', 4, { bodyId?: BodyId }>;
/** Refuses a change to a body that does not exist yet (named when the command names it). */
export const notEstablished = (bodyId?: BodyId): NotEstablished => ({
  _tag: 'NotEstablished',
  rule: 4,
  message: `${bodyId === undefined ? 'The body' : `Body ${bodyId}`} has not been established; nothing can change before it exists.`,
  ...(bodyId === undefined ? {} : { bodyId }),
});

/** The change would take effect before the body was established. */
export type BeforeEstablishment = Refused<
  'BeforeEstablishment',
  4,
  { effectiveOn: CalendarDate; establishedOn: CalendarDate }
>;
/** Refuses a change dated before the body's establishment. */
export const beforeEstablishment = (
  effectiveOn: CalendarDate,
  establishedOn: CalendarDate,
): BeforeEstablishment => ({
  _tag: 'BeforeEstablishment',
  rule: 4,
  message: `${effectiveOn} is before the body was established on ${establishedOn}.`,
  effectiveOn,
  establishedOn,
});

/** Ending the body on this date would leave a recorded fact outside its life. */
export type EndBeforeLaterFact = Refused<
  'EndBeforeLaterFact',
  4,
  { effectiveOn: CalendarDate; factOn: CalendarDate; fact: string }
>;
/** Refuses ending a body before a fact already recorded for that date or later. */
export const endBeforeLaterFact = (
  effectiveOn: CalendarDate,
  factOn: CalendarDate,
  fact: string,
): EndBeforeLaterFact => ({
  _tag: 'EndBeforeLaterFact',
  rule: 4,
  message: `The body cannot end on ${effectiveOn}: ${fact} is recorded on ${factOn}, which would fall outside its life.`,
  effectiveOn,
  factOn,
  fact,
});

/** A seat with this id already exists in the body. */
export type SeatAlreadyExists = Refused<'SeatAlreadyExists', 4, { seatId: SeatId }>;
/** Refuses creating a seat whose id is taken. */
export const seatAlreadyExists = (seatId: SeatId): SeatAlreadyExists => ({
  _tag: 'SeatAlreadyExists',
  rule: 4,
  message: `Seat ${seatId} already exists in this body.`,
  seatId,
});

/** No seat with this id exists in the body. */
export type UnknownSeat = Refused<'UnknownSeat', 4, { seatId: SeatId }>;
/** Refuses a change to an unknown seat. */
export const unknownSeat = (seatId: SeatId): UnknownSeat => ({
  _tag: 'UnknownSeat',
  rule: 4,
  message: `Seat ${seatId} does not exist in this body.`,
  seatId,
});

/** The change falls outside the seat's own life. */
export type OutsideSeatLife = Refused<
  'OutsideSeatLife',
  4,
  { seatId: SeatId; effectiveOn: CalendarDate; createdOn: CalendarDate; abolishedOn?: CalendarDate }
>;
/** Refuses a change to a seat dated outside the seat's life. */
export const outsideSeatLife = (
  seatId: SeatId,
  effectiveOn: CalendarDate,
  createdOn: CalendarDate,
  abolishedOn: CalendarDate | undefined,
): OutsideSeatLife => ({
  _tag: 'OutsideSeatLife',
  rule: 4,
  message: `Seat ${seatId} exists from ${createdOn}${abolishedOn === undefined ? '' : ` until ${abolishedOn}`}; a change on ${effectiveOn} falls outside its life.`,
  seatId,
  effectiveOn,
  createdOn,
  ...(abolishedOn === undefined ? {} : { abolishedOn }),
});

/** The seat was already abolished. */
export type SeatAlreadyAbolished = Refused<
  'SeatAlreadyAbolished',
  4,
  { seatId: SeatId; abolishedOn: CalendarDate }
>;
/** Refuses abolishing a seat twice. */
export const seatAlreadyAbolished = (
  seatId: SeatId,
  abolishedOn: CalendarDate,
): SeatAlreadyAbolished => ({
  _tag: 'SeatAlreadyAbolished',
  rule: 4,
  message: `Seat ${seatId} was already abolished on ${abolishedOn}.`,
  seatId,
  abolishedOn,
});

/** Abolishing the seat on this date would leave a later change to it outside its life. */
export type SeatHasLaterChanges = Refused<
  'SeatHasLaterChanges',
  4,
  { seatId: SeatId; effectiveOn: CalendarDate; changedOn: CalendarDate }
>;
/** Refuses abolishing a seat before a change already recorded for it. */
export const seatHasLaterChanges = (
  seatId: SeatId,
  effectiveOn: CalendarDate,
  changedOn: CalendarDate,
): SeatHasLaterChanges => ({
  _tag: 'SeatHasLaterChanges',
  rule: 4,
  message: `Seat ${seatId} cannot be abolished on ${effectiveOn}: it changes on ${changedOn}.`,
  seatId,
  effectiveOn,
  changedOn,
});

/** The seat has no holder to relieve on that date. */
export type SeatAlreadyVacant = Refused<
  'SeatAlreadyVacant',
  4,
  { seatId: SeatId; effectiveOn: CalendarDate }
>;
/** Refuses relieving the holder of a seat that is vacant. */
export const seatAlreadyVacant = (
  seatId: SeatId,
  effectiveOn: CalendarDate,
): SeatAlreadyVacant => ({
  _tag: 'SeatAlreadyVacant',
  rule: 4,
  message: `Seat ${seatId} is vacant on ${effectiveOn}; there is no holder to relieve.`,
  seatId,
  effectiveOn,
});

/** A duty with this id already exists in the body. */
export type DutyAlreadyExists = Refused<'DutyAlreadyExists', 4, { dutyId: DutyId }>;
/** Refuses assigning a duty whose id is taken. */
export const dutyAlreadyExists = (dutyId: DutyId): DutyAlreadyExists => ({
  _tag: 'DutyAlreadyExists',
  rule: 4,
  message: `Duty ${dutyId} already exists in this body.`,
  dutyId,
});

/** No duty with this id exists in the body. */
export type UnknownDuty = Refused<'UnknownDuty', 4, { dutyId: DutyId }>;
/** Refuses a change to, or a reference to, an unknown duty. */
export const unknownDuty = (dutyId: DutyId): UnknownDuty => ({
  _tag: 'UnknownDuty',
  rule: 4,
  message: `Duty ${dutyId} does not exist in this body.`,
  dutyId,
});

/** The change falls outside the duty's validity. */
export type OutsideDutyLife = Refused<
  'OutsideDutyLife',
  4,
  { dutyId: DutyId; effectiveOn: CalendarDate; assignedOn: CalendarDate; revokedOn?: CalendarDate }
>;
/** Refuses a change to (or a reference to) a duty on a date it is not in force. */
export const outsideDutyLife = (
  dutyId: DutyId,
  effectiveOn: CalendarDate,
  assignedOn: CalendarDate,
  revokedOn: CalendarDate | undefined,
): OutsideDutyLife => ({
  _tag: 'OutsideDutyLife',
  rule: 4,
  message: `Duty ${dutyId} is in force from ${assignedOn}${revokedOn === undefined ? '' : ` until ${revokedOn}`}; ${effectiveOn} falls outside it.`,
  dutyId,
  effectiveOn,
  assignedOn,
  ...(revokedOn === undefined ? {} : { revokedOn }),
});

/** The duty was already revoked. */
export type DutyAlreadyRevoked = Refused<
  'DutyAlreadyRevoked',
  4,
  { dutyId: DutyId; revokedOn: CalendarDate }
>;
/** Refuses revoking a duty twice. */
export const dutyAlreadyRevoked = (
  dutyId: DutyId,
  revokedOn: CalendarDate,
): DutyAlreadyRevoked => ({
  _tag: 'DutyAlreadyRevoked',
  rule: 4,
  message: `Duty ${dutyId} was already revoked on ${revokedOn}.`,
  dutyId,
  revokedOn,
});

/** Revoking the duty on this date would leave a later amendment or reference outside its life. */
export type DutyHasLaterChanges = Refused<
  'DutyHasLaterChanges',
  4,
  { dutyId: DutyId; effectiveOn: CalendarDate; changedOn: CalendarDate }
>;
/** Refuses revoking a duty before an amendment of it, or an obligation tied to it, took effect. */
export const dutyHasLaterChanges = (
  dutyId: DutyId,
  effectiveOn: CalendarDate,
  changedOn: CalendarDate,
): DutyHasLaterChanges => ({
  _tag: 'DutyHasLaterChanges',
  rule: 4,
  message: `Duty ${dutyId} cannot be revoked on ${effectiveOn}: it is amended or referred to on ${changedOn}.`,
  dutyId,
  effectiveOn,
  changedOn,
});

/** An obligation with this id already exists in the body. */
export type ObligationAlreadyExists = Refused<
  'ObligationAlreadyExists',
  4,
  { obligationId: ObligationId }
>;
/** Refuses imposing an obligation whose id is taken. */
export const obligationAlreadyExists = (obligationId: ObligationId): ObligationAlreadyExists => ({
  _tag: 'ObligationAlreadyExists',
  rule: 4,
  message: `Reporting obligation ${obligationId} already exists in this body.`,
  obligationId,
});

/** No obligation with this id exists in the body. */
export type UnknownObligation = Refused<'UnknownObligation', 4, { obligationId: ObligationId }>;
/** Refuses lifting an unknown obligation. */
export const unknownObligation = (obligationId: ObligationId): UnknownObligation => ({
  _tag: 'UnknownObligation',
  rule: 4,
  message: `Reporting obligation ${obligationId} does not exist in this body.`,
  obligationId,
});

/** The change falls outside the obligation's validity. */
export type OutsideObligationLife = Refused<
  'OutsideObligationLife',
  4,
  { obligationId: ObligationId; effectiveOn: CalendarDate; imposedOn: CalendarDate }
>;
/** Refuses lifting an obligation on or before the date it was imposed. */
export const outsideObligationLife = (
  obligationId: ObligationId,
  effectiveOn: CalendarDate,
  imposedOn: CalendarDate,
): OutsideObligationLife => ({
  _tag: 'OutsideObligationLife',
  rule: 4,
  message: `Reporting obligation ${obligationId} is in force from ${imposedOn}; it can only be lifted after that, not on ${effectiveOn}.`,
  obligationId,
  effectiveOn,
  imposedOn,
});

/** The obligation was already lifted. */
export type ObligationAlreadyLifted = Refused<
  'ObligationAlreadyLifted',
  4,
  { obligationId: ObligationId; liftedOn: CalendarDate }
>;
/** Refuses lifting an obligation twice. */
export const obligationAlreadyLifted = (
  obligationId: ObligationId,
  liftedOn: CalendarDate,
): ObligationAlreadyLifted => ({
  _tag: 'ObligationAlreadyLifted',
  rule: 4,
  message: `Reporting obligation ${obligationId} was already lifted on ${liftedOn}.`,
  obligationId,
  liftedOn,
});

// -------------------------------------------------------------------------------------------------
// Rule 7: reports
// -------------------------------------------------------------------------------------------------

/** Lifting the obligation on this date would leave a filed report outside its validity. */
export type ObligationHasLaterReports = Refused<
  'ObligationHasLaterReports',
  7,
  { obligationId: ObligationId; effectiveOn: CalendarDate; reportId: ReportId; period: PeriodLabel }
>;
/** Refuses lifting an obligation before a period for which a report was already filed. */
export const obligationHasLaterReports = (
  obligationId: ObligationId,
  effectiveOn: CalendarDate,
  reportId: ReportId,
  period: PeriodLabel,
): ObligationHasLaterReports => ({
  _tag: 'ObligationHasLaterReports',
  rule: 7,
  message: `Reporting obligation ${obligationId} cannot be lifted on ${effectiveOn}: report ${reportId} was filed under it for period ${period}, which starts on or after that date.`,
  obligationId,
  effectiveOn,
  reportId,
  period,
});

/** A report with this id was already filed. */
export type ReportAlreadyExists = Refused<'ReportAlreadyExists', 7, { reportId: ReportId }>;
/** Refuses filing a report (or correction) whose id is taken. */
export const reportAlreadyExists = (reportId: ReportId): ReportAlreadyExists => ({
  _tag: 'ReportAlreadyExists',
  rule: 7,
  message: `Report ${reportId} was already filed with this body.`,
  reportId,
});

/** The report document says another body filed it. */
export type ReportFiledByAnotherBody = Refused<
  'ReportFiledByAnotherBody',
  7,
  { bodyId: BodyId; filedBy: BodyId }
>;
/** Refuses a report whose document was filed by another body. */
export const reportFiledByAnotherBody = (
  bodyId: BodyId,
  filedBy: BodyId,
): ReportFiledByAnotherBody => ({
  _tag: 'ReportFiledByAnotherBody',
  rule: 7,
  message: `The report was filed by ${filedBy}, not by body ${bodyId}; a report answers its own body's obligation.`,
  bodyId,
  filedBy,
});

/** The report names an obligation this body does not have. */
export type ReportForUnknownObligation = Refused<
  'ReportForUnknownObligation',
  7,
  { obligationId: ObligationId }
>;
/** Refuses a report for an obligation that is not this body's. */
export const reportForUnknownObligation = (
  obligationId: ObligationId,
): ReportForUnknownObligation => ({
  _tag: 'ReportForUnknownObligation',
  rule: 7,
  message: `Reporting obligation ${obligationId} is not an obligation of this body.`,
  obligationId,
});

/** The report's period is not a period of the obligation's cadence. */
export type PeriodDoesNotFitCadence = Refused<
  'PeriodDoesNotFitCadence',
  7,
  { period: PeriodLabel; cadence: Cadence }
>;
/** Refuses a report whose period does not fit the obligation's cadence. */
export const periodDoesNotFitCadence = (
  period: PeriodLabel,
  cadence: Cadence,
): PeriodDoesNotFitCadence => ({
  _tag: 'PeriodDoesNotFitCadence',
  rule: 7,
  message: `Period ${period} is not a ${cadence} period.`,
  period,
  cadence,
});

/** The obligation was not in force at any time during the report's period. */
export type ObligationNotInForce = Refused<
  'ObligationNotInForce',
  7,
  { obligationId: ObligationId; period: PeriodLabel }
>;
/** Refuses a report for a period during which the obligation was never in force. */
export const obligationNotInForce = (
  obligationId: ObligationId,
  period: PeriodLabel,
): ObligationNotInForce => ({
  _tag: 'ObligationNotInForce',
  rule: 7,
  message: `Reporting obligation ${obligationId} was not in force during period ${period}.`,
  obligationId,
  period,
});

/** The report is dated before its period began, or before the body existed. */
export type ReportSubmittedTooEarly = Refused<
  'ReportSubmittedTooEarly',
  7,
  { submittedOn: CalendarDate; earliest: CalendarDate }
>;
/** Refuses a report submitted before its period began or before the body was established. */
export const reportSubmittedTooEarly = (
  submittedOn: CalendarDate,
  earliest: CalendarDate,
): ReportSubmittedTooEarly => ({
  _tag: 'ReportSubmittedTooEarly',
  rule: 7,
  message: `A report for this period cannot be submitted before ${earliest}; this one is dated ${submittedOn}.`,
  submittedOn,
  earliest,
});

/** A report already counts for this obligation and period. */
export type ReportAlreadyFiled = Refused<
  'ReportAlreadyFiled',
  7,
  { obligationId: ObligationId; period: PeriodLabel; counted: ReportId }
>;
/** Refuses a second report for an obligation and period; a correction must be filed instead. */
export const reportAlreadyFiled = (
  obligationId: ObligationId,
  period: PeriodLabel,
  counted: ReportId,
): ReportAlreadyFiled => ({
  _tag: 'ReportAlreadyFiled',
  rule: 7,
  message: `Report ${counted} already counts for ${obligationId}, period ${period}; file a CorrectReport superseding it instead.`,
  obligationId,
  period,
  counted,
});

/** No report with this id was filed with this body. */
export type UnknownReport = Refused<'UnknownReport', 7, { reportId: ReportId }>;
/** Refuses correcting an unknown report. */
export const unknownReport = (reportId: ReportId): UnknownReport => ({
  _tag: 'UnknownReport',
  rule: 7,
  message: `Report ${reportId} was not filed with this body.`,
  reportId,
});

/** A correction must supersede the report that currently counts for its period. */
export type NotTheCountedReport = Refused<
  'NotTheCountedReport',
  7,
  { supersedes: ReportId; counted: ReportId }
>;
/** Refuses a correction of a report that has itself been superseded. */
export const notTheCountedReport = (
  supersedes: ReportId,
  counted: ReportId,
): NotTheCountedReport => ({
  _tag: 'NotTheCountedReport',
  rule: 7,
  message: `Report ${supersedes} no longer counts for its period (${counted} does); a correction supersedes the counted report.`,
  supersedes,
  counted,
});

/** A correction cannot be dated before the report it corrects. */
export type CorrectionPredatesReport = Refused<
  'CorrectionPredatesReport',
  7,
  { submittedOn: CalendarDate; supersededSubmittedOn: CalendarDate }
>;
/** Refuses a correction dated before the report it supersedes. */
export const correctionPredatesReport = (
  submittedOn: CalendarDate,
  supersededSubmittedOn: CalendarDate,
): CorrectionPredatesReport => ({
  _tag: 'CorrectionPredatesReport',
  rule: 7,
  message: `A correction dated ${submittedOn} cannot supersede a report submitted on ${supersededSubmittedOn}.`,
  submittedOn,
  supersededSubmittedOn,
});

// -------------------------------------------------------------------------------------------------
// Rule 9: jurisdiction
// -------------------------------------------------------------------------------------------------

/** The issuing authority has no jurisdiction over the body. */
export type NoJurisdiction = Refused<
  'NoJurisdiction',
  9,
  { issuer: AuthorityId; authority: AuthorityId; signedOn: CalendarDate }
>;
/** Refuses an instrument whose issuer may not change what `authority` established. */
export const noJurisdiction = (
  issuer: AuthorityId,
  authority: AuthorityId,
  signedOn: CalendarDate,
): NoJurisdiction => ({
  _tag: 'NoJurisdiction',
  rule: 9,
  message: `${issuer} had no jurisdiction on ${signedOn} over bodies established by ${authority}.`,
  issuer,
  authority,
  signedOn,
});

/** A transfer must come after the body's last one in valid time. */
export type TransferNotAfterLast = Refused<
  'TransferNotAfterLast',
  9,
  { on: CalendarDate; lastTransferOn: CalendarDate }
>;
/** Refuses a transfer dated on or before the body's last transfer. */
export const transferNotAfterLast = (
  on: CalendarDate,
  lastTransferOn: CalendarDate,
): TransferNotAfterLast => ({
  _tag: 'TransferNotAfterLast',
  rule: 9,
  message: `A transfer on ${on} must come after the body's last transfer, on ${lastTransferOn}.`,
  on,
  lastTransferOn,
});

/** The authority a body is transferred to does not exist on the transfer's date. */
export type TransferToInactiveAuthority = Refused<
  'TransferToInactiveAuthority',
  9,
  { authority: AuthorityId; on: CalendarDate }
>;
/** Refuses a transfer to an authority not registered, or ended, on its date. */
export const transferToInactiveAuthority = (
  authority: AuthorityId,
  on: CalendarDate,
): TransferToInactiveAuthority => ({
  _tag: 'TransferToInactiveAuthority',
  rule: 9,
  message: `Authority ${authority} does not exist on ${on}: a body cannot pass to it then.`,
  authority,
  on,
});

/** Every reason the body decider refuses a command. */
export type Refusal =
  | AlreadyEstablished
  | BodyHasEnded
  | ReportPeriodAfterEnd
  | WrongBody
  | TwoHeads
  | HolderInTwoSeats
  | NotEstablished
  | BeforeEstablishment
  | EndBeforeLaterFact
  | SeatAlreadyExists
  | UnknownSeat
  | OutsideSeatLife
  | SeatAlreadyAbolished
  | SeatHasLaterChanges
  | SeatAlreadyVacant
  | DutyAlreadyExists
  | UnknownDuty
  | OutsideDutyLife
  | DutyAlreadyRevoked
  | DutyHasLaterChanges
  | ObligationAlreadyExists
  | UnknownObligation
  | OutsideObligationLife
  | ObligationAlreadyLifted
  | ObligationHasLaterReports
  | ReportAlreadyExists
  | ReportFiledByAnotherBody
  | ReportForUnknownObligation
  | PeriodDoesNotFitCadence
  | ObligationNotInForce
  | ReportSubmittedTooEarly
  | ReportAlreadyFiled
  | UnknownReport
  | NotTheCountedReport
  | CorrectionPredatesReport
  | TransferNotAfterLast
  | TransferToInactiveAuthority
  | NoJurisdiction
  | CorrectionRefusal;
