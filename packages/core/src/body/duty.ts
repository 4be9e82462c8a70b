/**
 * Duties: the items of a body's mandate. Each has a category and a text, and says where it came
 * from — the body's own decision, or carried over from a predecessor in a reorganisation.
 *
 * @see docs/reference/domain.md rule 5 ("Duties named in the decision carry over, and say where they came from")
 */
import * as t from 'io-ts';
import type { BilingualText } from '../kernel/index.js';
import { BodyId, DutyId, ReorganisationId, oneOf, struct } from '../kernel/index.js';
import { discriminatedUnion } from '../kernel/codec-combinators.js';

/** What kind of work a duty asks of the body. */
export const DutyCategory = oneOf('DutyCategory', [
  'advise',
  'coordinate',
  'inspect',
  'opine',
  'review',
  'report',
  'other',
] as const);
/** What kind of work a duty asks of the body. */
export type DutyCategory = t.TypeOf<typeof DutyCategory>;

/** A duty given by a decision about this body itself. */
export const OwnDuty = struct('OwnDuty', { kind: t.literal('own') });
/** A duty given by a decision about this body itself. */
export type OwnDuty = t.TypeOf<typeof OwnDuty>;

/** A duty carried over from a predecessor's duty in a reorganisation. */
export const CarriedOverDuty = struct('CarriedOverDuty', {
  kind: t.literal('carried-over'),
  fromBody: BodyId,
  fromDuty: DutyId,
  reorganisationId: ReorganisationId,
});
/** A duty carried over from a predecessor's duty in a reorganisation. */
export type CarriedOverDuty = t.TypeOf<typeof CarriedOverDuty>;

/** Where a duty came from: the body's own decision, or a predecessor's duty. */
export const DutyProvenance = discriminatedUnion('DutyProvenance', 'kind', [
  OwnDuty,
  CarriedOverDuty,
]);
/** Where a duty came from. */
export type DutyProvenance = t.TypeOf<typeof DutyProvenance>;

/** The provenance of a duty given by the body's own decision. */
export const ownDuty: OwnDuty = { kind: 'own' };

/** True when two duty texts are the same in both languages. */
export const sameDutyText = (a: BilingualText, b: BilingualText): boolean =>
  a.vi === b.vi && a.en === b.en;
