/** Offices: public posts outside any body, their holders (substantive or acting), and ex-officio resolution. */
export { Capacity } from './capacity.js';
export {
  AbolishOffice,
  AppointOfficeHolder,
  Command,
  CorrectOfficeHolding,
  EndOfficeHolding,
  EstablishOffice,
  RenameOffice,
} from './commands.js';
export type { OfficeContext } from './decide.js';
export { decider } from './decider.js';
export {
  Event,
  EventVersions,
  HoldingDates,
  OfficeAbolished,
  OfficeEstablished,
  OfficeHolderAppointed,
  OfficeHolderEnded,
  OfficeHoldingCorrected,
  OfficeRenamed,
} from './events.js';
export type {
  AbolitionTooEarly,
  ActingAndSubstantiveAtOnce,
  ActingOutlastsAppointment,
  CorrectionOutsideOfficeLife,
  EndNotAfterStart,
  HoldingAlreadyEnded,
  HoldingsOverlap,
  NoHoldingRecordedBy,
  NoJurisdiction,
  NoSuchHolding,
  OfficeAlreadyAbolished,
  OfficeAlreadyEstablished,
  OfficeNotFound,
  OutsideOfficeLife,
  Refusal,
  UnknownEvent,
} from './refusals.js';
export { holdsOfficeOn, resolveSeatHolder } from './resolve-seat-holder.js';
export type {
  NamedResolution,
  OfficeLookup,
  OfficeResolution,
  SeatResolution,
  VacantResolution,
} from './resolve-seat-holder.js';
export { holderOn, holdingsOf, initialState, nameOn } from './state.js';
export type {
  AbolishedOffice,
  EstablishedOffice,
  Holding,
  OfficeFacts,
  OfficeHolder,
  OfficeState,
  UnestablishedOffice,
} from './state.js';
export { contradiction } from './stream-fit.js';
