/**
 * How a body begins and ends: established by a decision of its own, or as the result of a
 * reorganisation (merger, split, succession) that names its predecessors; ended by a merger,
 * absorption, split, succession or dissolution.
 *
 * @see docs/reference/domain.md rules 1 and 5
 */
import * as t from 'io-ts';
import { BodyId, ReorganisationId, nonEmptyArray, oneOf, struct } from '../kernel/index.js';
import { discriminatedUnion } from '../kernel/codec-combinators.js';

/** The reorganisations that create a new body. */
export const CreatingReorganisation = oneOf('CreatingReorganisation', [
  'merger',
  'split',
  'succession',
] as const);
/** The reorganisations that create a new body. */
export type CreatingReorganisation = t.TypeOf<typeof CreatingReorganisation>;

/** A body established by a decision about it alone. */
export const DecisionOrigin = struct('DecisionOrigin', { kind: t.literal('decision') });

/** A body established as the result of a reorganisation of its predecessors. */
export const ReorganisationOrigin = struct('ReorganisationOrigin', {
  kind: t.literal('reorganisation'),
  reorganisationId: ReorganisationId,
  reorganisation: CreatingReorganisation,
  predecessors: nonEmptyArray(BodyId),
});

/** How a body came to be: its own decision, or a reorganisation of its predecessors. */
export const BodyOrigin = discriminatedUnion('BodyOrigin', 'kind', [
  DecisionOrigin,
  ReorganisationOrigin,
]);
/** How a body came to be. */
export type BodyOrigin = t.TypeOf<typeof BodyOrigin>;

/** Why a body ended. */
export const EndReason = oneOf('EndReason', [
  'merger',
  'absorption',
  'split',
  'succession',
  'dissolution',
] as const);
/** Why a body ended. */
export type EndReason = t.TypeOf<typeof EndReason>;
