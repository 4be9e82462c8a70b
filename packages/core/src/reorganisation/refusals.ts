/**
 * Why a reorganisation is refused. A reorganisation also passes on any refusal of the body
 * decider for one of the bodies it touches (no jurisdiction, a fact after the end date...).
 *
 * @see docs/reference/domain.md rules 5 and 9
 */
import type { Refusal as BodyRefusal } from '../body/index.js';
import type { BodyId, CalendarDate, DutyId, RefusalShape } from '../kernel/index.js';

/** A merger needs two distinct bodies; a split needs two successors. */
export interface TooFewBodies extends RefusalShape<'TooFewBodies'> {
  readonly needed: number;
  readonly given: number;
}

/** The same body is named twice, or as both an original and a result. */
export interface BodyNamedTwice extends RefusalShape<'BodyNamedTwice'> {
  readonly bodyId: BodyId;
}

/** A body the reorganisation would start already exists. */
export interface SuccessorExists extends RefusalShape<'SuccessorExists'> {
  readonly bodyId: BodyId;
}

/** A body the reorganisation ends or keeps is not active on the effective date. */
export interface NotActiveOnDate extends RefusalShape<'NotActiveOnDate'> {
  readonly bodyId: BodyId;
  readonly on: CalendarDate;
}

/** A carried duty does not name a duty in force in an ended body on the effective date. */
export interface DutyNotCarriable extends RefusalShape<'DutyNotCarriable'> {
  readonly fromBody: BodyId;
  readonly fromDuty: DutyId;
}

/** A carried duty's receiving body is missing (in a split) or not a result of this reorganisation. */
export interface CarriedDutyTarget extends RefusalShape<'CarriedDutyTarget'> {
  readonly fromDuty: DutyId;
  readonly into?: BodyId;
}

/** Two carried duties would get the same id in one receiving body. */
export interface CarriedDutyIdTaken extends RefusalShape<'CarriedDutyIdTaken'> {
  readonly bodyId: BodyId;
  readonly dutyId: DutyId;
}

/** Every reason a reorganisation can be refused. */
export type Refusal =
  | TooFewBodies
  | BodyNamedTwice
  | SuccessorExists
  | NotActiveOnDate
  | DutyNotCarriable
  | CarriedDutyTarget
  | CarriedDutyIdTaken
  | BodyRefusal;

/** Refuses a merger of fewer than two bodies or a split into fewer than two. */
export const tooFewBodies = (what: string, needed: number, given: number): TooFewBodies => ({
  _tag: 'TooFewBodies',
  rule: 5,
  needed,
  given,
  message: `A ${what} needs at least ${needed} distinct bodies; ${given} given.`,
});

/** Refuses a body named twice. */
export const bodyNamedTwice = (bodyId: BodyId): BodyNamedTwice => ({
  _tag: 'BodyNamedTwice',
  rule: 5,
  bodyId,
  message: `Body ${bodyId} is named more than once in the reorganisation.`,
});

/** Refuses starting a body that already exists. */
export const successorExists = (bodyId: BodyId): SuccessorExists => ({
  _tag: 'SuccessorExists',
  rule: 5,
  bodyId,
  message: `Body ${bodyId} already exists; a reorganisation starts only new bodies.`,
});

/** Refuses a reorganisation of a body not active on its date. */
export const notActiveOnDate = (bodyId: BodyId, on: CalendarDate): NotActiveOnDate => ({
  _tag: 'NotActiveOnDate',
  rule: 5,
  bodyId,
  on,
  message: `Body ${bodyId} is not active on ${on}.`,
});

/** Refuses carrying over a duty that was not in force. */
export const dutyNotCarriable = (fromBody: BodyId, fromDuty: DutyId): DutyNotCarriable => ({
  _tag: 'DutyNotCarriable',
  rule: 5,
  fromBody,
  fromDuty,
  message: `Duty ${fromDuty} is not a duty of an ended body ${fromBody} in force on the effective date.`,
});

/** Refuses a carried duty whose receiving body is missing or wrong. */
export const carriedDutyTarget = (fromDuty: DutyId, into?: BodyId): CarriedDutyTarget => ({
  _tag: 'CarriedDutyTarget',
  rule: 5,
  fromDuty,
  ...(into === undefined ? {} : { into }),
  message:
    into === undefined
      ? `Carried duty ${fromDuty} must say which resulting body receives it.`
      : `Carried duty ${fromDuty} names ${into}, which is not a result of this reorganisation.`,
});

/** Refuses two carried duties with the same id in one body. */
export const carriedDutyIdTaken = (bodyId: BodyId, dutyId: DutyId): CarriedDutyIdTaken => ({
  _tag: 'CarriedDutyIdTaken',
  rule: 5,
  bodyId,
  dutyId,
  message: `Body ${bodyId} already has (or would get twice) a duty with id ${dutyId}.`,
});
