/**
 * The body's commands. Every command names its body; every command that changes the body cites
 * the instrument behind it (`basis`) and the date it takes effect (`effectiveOn`), so a command
 * without them does not decode. One decision may make many changes — rename the body, replace
 * several holders, add seats, amend duties — listed as {@link BodyChange}s that apply together or
 * not at all. Filing a report cites the report itself instead of an instrument.
 *
 * @see docs/reference/domain.md rules 1, 4, 7 and 8, and "One decision, many changes"
 */
import * as t from 'io-ts';
import {
  AuthorityId,
  BilingualName,
  BilingualText,
  BodyId,
  CalendarDate,
  DutyId,
  LegalBasis,
  ObligationId,
  ReportDocument,
  ReportId,
  SeatHolder,
  SeatId,
  nonEmptyArray,
  struct,
} from '../kernel/index.js';
import { discriminatedUnion, withSomeOf } from '../kernel/codec-combinators.js';
import { DutyCategory } from './duty.js';
import { BodyKind } from './kind.js';
import { DueDays, ObligationKind, Recipient } from './obligation.js';
import { Cadence, PeriodLabel } from './period.js';
import { RoleSet } from './roles.js';
import { CorrectBodyRecord } from './corrections/commands.js';

// -------------------------------------------------------------------------------------------------
// Changes one decision may make
// -------------------------------------------------------------------------------------------------

/** Gives the body a new name; earlier names stay searchable. */
export const Rename = struct('Rename', { change: t.literal('Rename'), name: BilingualName });
/** Gives the body a new name. */
export type Rename = t.TypeOf<typeof Rename>;

/** Adds a seat with its roles and its holder (an office, a person, or a person as an office). */
export const CreateSeat = struct('CreateSeat', {
  change: t.literal('CreateSeat'),
  seatId: SeatId,
  roles: RoleSet,
  holder: SeatHolder,
});
/** Adds a seat with its roles and its holder. */
export type CreateSeat = t.TypeOf<typeof CreateSeat>;

/** "X replaces Y in the same seat"; also fills a vacant seat. */
export const ReplaceSeatHolder = struct('ReplaceSeatHolder', {
  change: t.literal('ReplaceSeatHolder'),
  seatId: SeatId,
  holder: SeatHolder,
});
/** "X replaces Y in the same seat"; also fills a vacant seat. */
export type ReplaceSeatHolder = t.TypeOf<typeof ReplaceSeatHolder>;

/** Relieves a seat's holder; the seat stays, vacant. */
export const RelieveSeatHolder = struct('RelieveSeatHolder', {
  change: t.literal('RelieveSeatHolder'),
  seatId: SeatId,
});
/** Relieves a seat's holder; the seat stays, vacant. */
export type RelieveSeatHolder = t.TypeOf<typeof RelieveSeatHolder>;

/** Gives a seat a new set of roles. */
export const ChangeSeatRoles = struct('ChangeSeatRoles', {
  change: t.literal('ChangeSeatRoles'),
  seatId: SeatId,
  roles: RoleSet,
});
/** Gives a seat a new set of roles. */
export type ChangeSeatRoles = t.TypeOf<typeof ChangeSeatRoles>;

/** Abolishes a seat: from the effective date it no longer exists. */
export const AbolishSeat = struct('AbolishSeat', {
  change: t.literal('AbolishSeat'),
  seatId: SeatId,
});
/** Abolishes a seat. */
export type AbolishSeat = t.TypeOf<typeof AbolishSeat>;

/** Gives the body a duty of its own. */
export const AssignDuty = struct('AssignDuty', {
  change: t.literal('AssignDuty'),
  dutyId: DutyId,
  category: DutyCategory,
  text: BilingualText,
});
/** Gives the body a duty of its own. */
export type AssignDuty = t.TypeOf<typeof AssignDuty>;

/** Amends a duty's category, text, or both (at least one). */
export const AmendDuty = withSomeOf(
  struct(
    'AmendDuty',
    { change: t.literal('AmendDuty'), dutyId: DutyId },
    { category: DutyCategory, text: BilingualText },
  ),
  ['category', 'text'],
);
/** Amends a duty's category, text, or both. */
export type AmendDuty = t.TypeOf<typeof AmendDuty>;

/** Revokes a duty. */
export const RevokeDuty = struct('RevokeDuty', {
  change: t.literal('RevokeDuty'),
  dutyId: DutyId,
});
/** Revokes a duty. */
export type RevokeDuty = t.TypeOf<typeof RevokeDuty>;

/** Imposes a recurring duty to report or review, optionally tied to one of the body's duties. */
export const ImposeReportingObligation = struct(
  'ImposeReportingObligation',
  {
    change: t.literal('ImposeReportingObligation'),
    obligationId: ObligationId,
    kind: ObligationKind,
    cadence: Cadence,
    dueDaysAfterPeriodEnd: DueDays,
    recipients: nonEmptyArray(Recipient),
  },
  { dutyId: DutyId },
);
/** Imposes a recurring duty to report or review. */
export type ImposeReportingObligation = t.TypeOf<typeof ImposeReportingObligation>;

/** Lifts a reporting obligation. */
export const LiftReportingObligation = struct('LiftReportingObligation', {
  change: t.literal('LiftReportingObligation'),
  obligationId: ObligationId,
});
/** Lifts a reporting obligation. */
export type LiftReportingObligation = t.TypeOf<typeof LiftReportingObligation>;

/** One change a decision makes to a body; a decision's changes apply together or not at all. */
export const BodyChange = discriminatedUnion('BodyChange', 'change', [
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
]);
/** One change a decision makes to a body. */
export type BodyChange = t.TypeOf<typeof BodyChange>;

// -------------------------------------------------------------------------------------------------
// Commands
// -------------------------------------------------------------------------------------------------

/**
 * Establishes a body. The same decision may seat its members and give its duties and
 * obligations (`charter`): those changes take effect with the body, all or nothing.
 */
export const EstablishBody = struct('EstablishBody', {
  type: t.literal('EstablishBody'),
  data: struct(
    'EstablishBodyData',
    {
      bodyId: BodyId,
      kind: BodyKind,
      name: BilingualName,
      authority: AuthorityId,
      basis: LegalBasis,
      effectiveOn: CalendarDate,
    },
    { purpose: BilingualText, charter: t.readonlyArray(BodyChange) },
  ),
});
/** Establishes a body, possibly with a charter of seats, duties and obligations. */
export type EstablishBody = t.TypeOf<typeof EstablishBody>;

/** Makes one decision's changes to a body, all of them or none. */
export const AmendBody = struct('AmendBody', {
  type: t.literal('AmendBody'),
  data: struct('AmendBodyData', {
    bodyId: BodyId,
    basis: LegalBasis,
    effectiveOn: CalendarDate,
    changes: nonEmptyArray(BodyChange),
  }),
});
/** Makes one decision's changes to a body, all of them or none. */
export type AmendBody = t.TypeOf<typeof AmendBody>;

/** Dissolves a body: it ends on the effective date, closing its seats, duties and obligations. */
export const DissolveBody = struct('DissolveBody', {
  type: t.literal('DissolveBody'),
  data: struct('DissolveBodyData', {
    bodyId: BodyId,
    basis: LegalBasis,
    effectiveOn: CalendarDate,
  }),
});
/** Dissolves a body. */
export type DissolveBody = t.TypeOf<typeof DissolveBody>;

/**
 * Transfers a body to another authority from `effectiveOn`: the body keeps its identity, and
 * jurisdiction over it follows `to` from that date (docs/reference/domain.md rule 9).
 */
export const TransferBody = struct('TransferBody', {
  type: t.literal('TransferBody'),
  data: struct('TransferBodyData', {
    bodyId: BodyId,
    to: AuthorityId,
    basis: LegalBasis,
    effectiveOn: CalendarDate,
  }),
});
/** Transfers a body to another authority. */
export type TransferBody = t.TypeOf<typeof TransferBody>;

/** Files a report (or review) for one period of an obligation; the report is its own source. */
export const FileReport = struct('FileReport', {
  type: t.literal('FileReport'),
  data: struct('FileReportData', {
    bodyId: BodyId,
    reportId: ReportId,
    obligationId: ObligationId,
    period: PeriodLabel,
    document: ReportDocument,
  }),
});
/** Files a report for one period of an obligation. */
export type FileReport = t.TypeOf<typeof FileReport>;

/** Files a correction (đính chính) superseding the report that counts for its period. */
export const CorrectReport = struct('CorrectReport', {
  type: t.literal('CorrectReport'),
  data: struct('CorrectReportData', {
    bodyId: BodyId,
    reportId: ReportId,
    supersedes: ReportId,
    document: ReportDocument,
  }),
});
/** Files a correction superseding the report that counts for its period. */
export type CorrectReport = t.TypeOf<typeof CorrectReport>;

/** Every command the body decider accepts. */
export const Command = discriminatedUnion('Command', 'type', [
  EstablishBody,
  AmendBody,
  DissolveBody,
  TransferBody,
  FileReport,
  CorrectReport,
  CorrectBodyRecord,
]);
/** Every command the body decider accepts. */
export type Command = t.TypeOf<typeof Command>;
