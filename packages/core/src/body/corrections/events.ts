/**
 * The events that correct what a body's stream recorded. Each names the event that first recorded
 * the fact (`corrects`), carries its own source (the correcting instrument) and the value it
 * replaces (`previous`); `effectiveOn` is the date of the fact as corrected. The corrected event
 * stays in the stream; read models answer with it as known before the correction's recording and
 * with the correction after. All are at schema version 1.
 *
 * @see docs/reference/domain.md rule 14
 */
import * as t from 'io-ts';
import {
  BilingualName,
  BodyId,
  CalendarDate,
  DutyId,
  EventId,
  ObligationId,
  SeatHolder,
  SeatId,
  Source,
  oneOf,
  struct,
} from '../../kernel/index.js';
import { RoleSet } from '../roles.js';

const common = { bodyId: BodyId, effectiveOn: CalendarDate, source: Source, corrects: EventId };

/** Declares a correction event codec: `{ type, data }` with the common fields in `data`. */
function correction<T extends string, R extends t.Props>(type: T, required: R) {
  return struct(type, {
    type: t.literal(type),
    data: struct(`${type}Data`, { ...common, ...required }),
  });
}

/** A seat's holder, or `null` for a vacant seat. */
export const HolderOrVacant = t.union([SeatHolder, t.null], 'SeatHolderOrVacant');

/** Which end of a life a date correction moves: its start or its end. */
export const Boundary = oneOf('Boundary', ['start', 'end']);
/** Which end of a life a date correction moves. */
export type Boundary = t.TypeOf<typeof Boundary>;

/** The body was established on `effectiveOn`, not on `previous`; its first name moves with it. */
export const EstablishmentDateCorrected = correction('EstablishmentDateCorrected', {
  previous: CalendarDate,
});
/** The body's establishment date was corrected. */
export type EstablishmentDateCorrected = t.TypeOf<typeof EstablishmentDateCorrected>;

/** The name in force from `effectiveOn` was `name`, not `previous`. */
export const BodyNameCorrected = correction('BodyNameCorrected', {
  previous: BilingualName,
  name: BilingualName,
});
/** A name the body bore was corrected. */
export type BodyNameCorrected = t.TypeOf<typeof BodyNameCorrected>;

/**
 * The rename recorded as taking effect on `previous` took effect on `effectiveOn`; the name it
 * gave moves with it.
 */
export const RenameDateCorrected = correction('RenameDateCorrected', {
  previous: CalendarDate,
});
/** A rename's date was corrected. */
export type RenameDateCorrected = t.TypeOf<typeof RenameDateCorrected>;

/**
 * The dissolution recorded as ending the body on `previous` ended it on `effectiveOn`; every seat,
 * duty and obligation the end closed closes on the corrected date. An end by reorganisation is not
 * corrected on one body (refused `EndedByReorganisation`).
 */
export const EndDateCorrected = correction('EndDateCorrected', {
  previous: CalendarDate,
});
/** A body's dissolution date was corrected. */
export type EndDateCorrected = t.TypeOf<typeof EndDateCorrected>;

/** The seat's roles in force from `effectiveOn` were `roles`, not `previous`. */
export const SeatRolesCorrected = correction('SeatRolesCorrected', {
  seatId: SeatId,
  previous: RoleSet,
  roles: RoleSet,
});
/** A seat's recorded roles were corrected. */
export type SeatRolesCorrected = t.TypeOf<typeof SeatRolesCorrected>;

/**
 * The seat's change of roles recorded as taking effect on `previous` took effect on
 * `effectiveOn`; the roles it gave move with it.
 */
export const SeatRolesChangeDateCorrected = correction('SeatRolesChangeDateCorrected', {
  seatId: SeatId,
  previous: CalendarDate,
});
/** The date of a seat's change of roles was corrected. */
export type SeatRolesChangeDateCorrected = t.TypeOf<typeof SeatRolesChangeDateCorrected>;

/**
 * The holder of the seat from `effectiveOn` — as its creation, a replacement or a relief recorded
 * it — was `holder` (`null`: the seat was vacant), not `previous`.
 */
export const SeatHoldingCorrected = correction('SeatHoldingCorrected', {
  seatId: SeatId,
  previous: HolderOrVacant,
  holder: HolderOrVacant,
});
/** The holder recorded for one holding of a seat was corrected. */
export type SeatHoldingCorrected = t.TypeOf<typeof SeatHoldingCorrected>;

/**
 * The seat was created (`start`) or abolished (`end`) on `effectiveOn`, not on `previous`; a
 * moved creation moves the seat's first roles and holder with it.
 */
export const SeatDateCorrected = correction('SeatDateCorrected', {
  seatId: SeatId,
  boundary: Boundary,
  previous: CalendarDate,
});
/** A seat's creation or abolition date was corrected. */
export type SeatDateCorrected = t.TypeOf<typeof SeatDateCorrected>;

/**
 * The duty was assigned (`start`) or revoked (`end`) on `effectiveOn`, not on `previous`; a moved
 * assignment moves the duty's first category and text with it.
 */
export const DutyDateCorrected = correction('DutyDateCorrected', {
  dutyId: DutyId,
  boundary: Boundary,
  previous: CalendarDate,
});
/** A duty's assignment or revocation date was corrected. */
export type DutyDateCorrected = t.TypeOf<typeof DutyDateCorrected>;

/**
 * The duty's amendment recorded as taking effect on `previous` took effect on `effectiveOn`; the
 * category and text it gave move with it.
 */
export const DutyAmendmentDateCorrected = correction('DutyAmendmentDateCorrected', {
  dutyId: DutyId,
  previous: CalendarDate,
});
/** The date of a duty's amendment was corrected. */
export type DutyAmendmentDateCorrected = t.TypeOf<typeof DutyAmendmentDateCorrected>;

/** The obligation was imposed (`start`) or lifted (`end`) on `effectiveOn`, not on `previous`. */
export const ObligationDateCorrected = correction('ObligationDateCorrected', {
  obligationId: ObligationId,
  boundary: Boundary,
  previous: CalendarDate,
});
/** An obligation's imposition or lifting date was corrected. */
export type ObligationDateCorrected = t.TypeOf<typeof ObligationDateCorrected>;

/** Every event that corrects a body's record. */
export type RecordCorrected =
  | EstablishmentDateCorrected
  | RenameDateCorrected
  | EndDateCorrected
  | BodyNameCorrected
  | SeatRolesCorrected
  | SeatRolesChangeDateCorrected
  | SeatHoldingCorrected
  | SeatDateCorrected
  | DutyDateCorrected
  | DutyAmendmentDateCorrected
  | ObligationDateCorrected;

/** The schema version of every correction event type (docs/reference/domain.md rule 12). */
export const CorrectionEventVersions = {
  EstablishmentDateCorrected: 1,
  RenameDateCorrected: 1,
  EndDateCorrected: 1,
  BodyNameCorrected: 1,
  SeatRolesCorrected: 1,
  SeatRolesChangeDateCorrected: 1,
  SeatHoldingCorrected: 1,
  SeatDateCorrected: 1,
  DutyDateCorrected: 1,
  DutyAmendmentDateCorrected: 1,
  ObligationDateCorrected: 1,
} as const satisfies { readonly [K in RecordCorrected['type']]: number };
