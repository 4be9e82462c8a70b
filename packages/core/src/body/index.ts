/**
 * The body aggregate: a governance body's life — establishment, seats and their holders, duties,
 * reporting obligations and reports, and its end — as one stream and one consistency boundary.
 * Imported as a namespace: `import { Body } from '@mandate/core'`.
 */
export { BodyKind } from './kind.js';
export { Role, RoleSet, roleSet, hasRole } from './roles.js';
export { DutyCategory, DutyProvenance, OwnDuty, CarriedOverDuty, ownDuty } from './duty.js';
export {
  ObligationKind,
  Recipient,
  AuthorityRecipient,
  BodyRecipient,
  DueDays,
  MAX_DUE_DAYS,
} from './obligation.js';
export {
  Cadence,
  PeriodLabel,
  MIN_PERIOD_YEAR,
  MAX_PERIOD_YEAR,
  isPeriodLabel,
  periodInterval,
  periodCadence,
  periodFitsCadence,
  periodOf,
  periodsBetween,
  dueDate,
} from './period.js';
export type { BoundedInterval } from './period.js';
export {
  BodyOrigin,
  DecisionOrigin,
  ReorganisationOrigin,
  CreatingReorganisation,
  EndReason,
} from './lifecycle.js';
export {
  Rename,
  CreateSeat,
  ReplaceSeatHolder,
  RelieveSeatHolder,
  ChangeSeatRoles,
  AbolishSeat,
  AssignDuty,
  AmendDuty,
  RevokeDuty,
  ImposeReportingObligation,
  LiftReportingObligation,
  BodyChange,
  EstablishBody,
  AmendBody,
  DissolveBody,
  TransferBody,
  FileReport,
  CorrectReport,
  Command,
} from './commands.js';
export {
  CorrectBodyRecord,
  Correction,
  DateCorrection,
  NameCorrection,
  RolesCorrection,
  HolderCorrection,
} from './corrections/commands.js';
export {
  Boundary,
  EstablishmentDateCorrected,
  RenameDateCorrected,
  EndDateCorrected,
  BodyNameCorrected,
  SeatRolesCorrected,
  SeatRolesChangeDateCorrected,
  SeatHoldingCorrected,
  SeatDateCorrected,
  DutyDateCorrected,
  DutyAmendmentDateCorrected,
  ObligationDateCorrected,
} from './corrections/events.js';
export type { RecordCorrected } from './corrections/events.js';
export type {
  CorrectionRefusal,
  UnknownEvent,
  NothingRecordedBy,
  CorrectionOutsideLife,
  CorrectionCrossesChange,
  CorrectionStrandsReport,
  EndedByReorganisation,
} from './corrections/refusals.js';
export {
  BodyEstablished,
  BodyRenamed,
  SeatCreated,
  SeatHolderReplaced,
  SeatHolderRelieved,
  SeatRolesChanged,
  SeatAbolished,
  DutyAssigned,
  DutyAmended,
  DutyRevoked,
  ReportingObligationImposed,
  ReportingObligationLifted,
  ReportFiled,
  ReportCorrected,
  BodyEnded,
  BodiesAbsorbed,
  BodyTransferred,
  Event,
  EventVersions,
  bodyEstablished,
  bodyRenamed,
  seatCreated,
  seatHolderReplaced,
  seatHolderRelieved,
  seatRolesChanged,
  seatAbolished,
  dutyAssigned,
  dutyAmended,
  dutyRevoked,
  reportingObligationImposed,
  reportingObligationLifted,
  reportFiled,
  reportCorrected,
  bodyEnded,
  bodiesAbsorbed,
  bodyTransferred,
} from './events.js';
export {
  initialState,
  bodyLife,
  seatLife,
  dutyLife,
  obligationLife,
  holderOn,
  rolesOn,
  activeSeatsOn,
  dutyOn,
  dutiesOn,
  obligationsOn,
  nameOn,
  nameHistory,
  countedReport,
  sameHolder,
  authorityOn,
} from './state.js';
export type {
  State,
  UnestablishedBody,
  ActiveBody,
  EndedBody,
  EstablishedBody,
  BodyFacts,
  NameEntry,
  RolesEntry,
  HolderEntry,
  Seat,
  CategoryEntry,
  TextEntry,
  Duty,
  Obligation,
  Report,
  Absorption,
  AuthorityTransfer,
  SeatOnDate,
  DutyOnDate,
  NameValidity,
} from './state.js';
export { complianceOn, obligationCompliance, periodsOn } from './compliance.js';
export type {
  ComplianceInput,
  Filing,
  FiledPeriod,
  ObligationCompliance,
  PeriodCompliance,
  PeriodStatus,
  UnfiledPeriod,
} from './compliance.js';
export { evolve, evolveFacts } from './evolve.js';
export type { FactEvent } from './evolve.js';
export { foldHistory } from './fold.js';
export {
  decide,
  decideChanges,
  decideEnd,
  decideEstablishment,
  decideAbsorption,
} from './decide.js';
export type { BodyContext, Ending, Establishment, Absorbing } from './decide.js';
export type { Refusal } from './refusals.js';
export { decider, isTerminal } from './decider.js';
export { contradiction } from './stream-fit.js';
