/**
 * Reorganisation commands: a merger (n → 1 new), an absorption (n → an existing 1), a split
 * (1 → n new) and a succession (1 → 1 new, "on the basis of" the old one). Each ends bodies and/or
 * starts new ones on one effective date, under one instrument, and says which duties carry over.
 * Dissolution ends a body with no successor and is a body command (`DissolveBody`).
 *
 * @see docs/reference/domain.md rule 5
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
  ReorganisationId,
  nonEmptyArray,
  struct,
} from '../kernel/index.js';
import { BodyChange, BodyKind } from '../body/index.js';
import { discriminatedUnion } from '../kernel/codec-combinators.js';

/** A body that a reorganisation starts, with the seats, duties and obligations it starts with. */
export const NewBody = struct(
  'NewBody',
  { bodyId: BodyId, kind: BodyKind, name: BilingualName, authority: AuthorityId },
  { purpose: BilingualText, charter: t.readonlyArray(BodyChange) },
);
/** A body that a reorganisation starts. */
export type NewBody = t.TypeOf<typeof NewBody>;

/**
 * A duty that passes from an ended body to a resulting one, as the decision names it: the duty
 * `fromDuty` of `fromBody` becomes duty `dutyId` of the receiving body (`into`, required only in a
 * split, where there are several).
 */
export const CarriedDuty = struct(
  'CarriedDuty',
  { fromBody: BodyId, fromDuty: DutyId, dutyId: DutyId },
  { into: BodyId },
);
/** A duty that passes from an ended body to a resulting one. */
export type CarriedDuty = t.TypeOf<typeof CarriedDuty>;

const common = {
  reorganisationId: ReorganisationId,
  basis: LegalBasis,
  effectiveOn: CalendarDate,
};
const carried = { carriedDuties: t.readonlyArray(CarriedDuty) };

/** Merges two or more active bodies into one new body, which starts on the same date. */
export const MergeBodies = struct('MergeBodies', {
  type: t.literal('MergeBodies'),
  data: struct(
    'MergeBodiesData',
    { ...common, bodies: nonEmptyArray(BodyId), successor: NewBody },
    carried,
  ),
});
/** Merges two or more active bodies into one new body. */
export type MergeBodies = t.TypeOf<typeof MergeBodies>;

/** Ends one or more active bodies, absorbed into an existing active body that goes on. */
export const AbsorbBodies = struct('AbsorbBodies', {
  type: t.literal('AbsorbBodies'),
  data: struct(
    'AbsorbBodiesData',
    { ...common, bodies: nonEmptyArray(BodyId), into: BodyId },
    carried,
  ),
});
/** Ends bodies absorbed into an existing body. */
export type AbsorbBodies = t.TypeOf<typeof AbsorbBodies>;

/** Splits one active body into two or more new bodies, which start on the same date. */
export const SplitBody = struct('SplitBody', {
  type: t.literal('SplitBody'),
  data: struct(
    'SplitBodyData',
    { ...common, body: BodyId, successors: nonEmptyArray(NewBody) },
    carried,
  ),
});
/** Splits one body into several new ones. */
export type SplitBody = t.TypeOf<typeof SplitBody>;

/** Ends one active body and starts its successor "on the basis of" it, on the same date. */
export const SucceedBody = struct('SucceedBody', {
  type: t.literal('SucceedBody'),
  data: struct('SucceedBodyData', { ...common, body: BodyId, successor: NewBody }, carried),
});
/** Ends one body and starts its successor. */
export type SucceedBody = t.TypeOf<typeof SucceedBody>;

/** Every reorganisation command. */
export const Command = discriminatedUnion('ReorganisationCommand', 'type', [
  MergeBodies,
  AbsorbBodies,
  SplitBody,
  SucceedBody,
]);
/** Every reorganisation command. */
export type Command = t.TypeOf<typeof Command>;
