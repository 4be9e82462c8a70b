/**
 * The command that corrects (đính chính) one fact a body's stream recorded, naming the event that
 * first recorded it by id. What can be corrected: a date (of the establishment, a rename, a seat's
 * creation, change of roles or abolition, a duty's assignment, amendment or revocation, an
 * obligation's imposition or lifting, the body's dissolution), a name (given at establishment or by
 * a rename), a seat's roles (given at its creation or by a change of roles), or a seat's holder
 * (given at its creation, by a replacement or by a relief). The correcting instrument — the
 * decision or erratum — is the command's basis.
 *
 * @see docs/reference/domain.md rule 14
 */
import * as t from 'io-ts';
import {
  BilingualName,
  BodyId,
  CalendarDate,
  EventId,
  LegalBasis,
  SeatHolder,
  struct,
} from '../../kernel/index.js';
import { discriminatedUnion } from '../../kernel/codec-combinators.js';
import { RoleSet } from '../roles.js';

/** The date the named event recorded was wrong: the fact took effect on `effectiveOn`. */
export const DateCorrection = struct('DateCorrection', {
  correct: t.literal('Date'),
  effectiveOn: CalendarDate,
});
/** The date the named event recorded was wrong. */
export type DateCorrection = t.TypeOf<typeof DateCorrection>;

/** The name the named event gave the body was wrong: it was `name`. */
export const NameCorrection = struct('NameCorrection', {
  correct: t.literal('Name'),
  name: BilingualName,
});
/** The name the named event gave the body was wrong. */
export type NameCorrection = t.TypeOf<typeof NameCorrection>;

/** The roles the named event gave a seat were wrong: they were `roles`. */
export const RolesCorrection = struct('RolesCorrection', {
  correct: t.literal('Roles'),
  roles: RoleSet,
});
/** The roles the named event gave a seat were wrong. */
export type RolesCorrection = t.TypeOf<typeof RolesCorrection>;

/** The holder the named event gave a seat was wrong: it was `holder`, or nobody (`null`). */
export const HolderCorrection = struct('HolderCorrection', {
  correct: t.literal('Holder'),
  holder: t.union([SeatHolder, t.null], 'SeatHolderOrVacant'),
});
/** The holder the named event gave a seat was wrong. */
export type HolderCorrection = t.TypeOf<typeof HolderCorrection>;

/** What a correction says the named event should have recorded. */
export const Correction = discriminatedUnion('Correction', 'correct', [
  DateCorrection,
  NameCorrection,
  RolesCorrection,
  HolderCorrection,
]);
/** What a correction says the named event should have recorded. */
export type Correction = t.TypeOf<typeof Correction>;

/**
 * Corrects the fact the body event `corrects` first recorded — always the original event, never
 * an earlier correction of it — on the basis of the correcting instrument. Accepted on an ended
 * body too.
 */
export const CorrectBodyRecord = struct('CorrectBodyRecord', {
  type: t.literal('CorrectBodyRecord'),
  data: struct('CorrectBodyRecordData', {
    bodyId: BodyId,
    corrects: EventId,
    basis: LegalBasis,
    correction: Correction,
  }),
});
/** Corrects the fact one body event first recorded. */
export type CorrectBodyRecord = t.TypeOf<typeof CorrectBodyRecord>;
