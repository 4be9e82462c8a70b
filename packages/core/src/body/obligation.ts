/**
 * Reporting obligations: a recurring duty to report or to review, owed to recipients — an
 * authority (the PPC) or another body (the National Committee on E-Government) — on a cadence,
 * due a number of days after each period ends.
 *
 * @see docs/reference/domain.md rule 7
 */
import * as t from 'io-ts';
import { AuthorityId, BodyId, intBetween, oneOf, struct } from '../kernel/index.js';
import { discriminatedUnion } from '../kernel/codec-combinators.js';

/** What an obligation asks for: a report, or a preliminary review (sơ kết). */
export const ObligationKind = oneOf('ObligationKind', ['report', 'preliminary-review'] as const);
/** What an obligation asks for. */
export type ObligationKind = t.TypeOf<typeof ObligationKind>;

/** An authority receiving reports. */
export const AuthorityRecipient = struct('AuthorityRecipient', {
  kind: t.literal('authority'),
  authority: AuthorityId,
});
/** A body receiving reports. */
export const BodyRecipient = struct('BodyRecipient', { kind: t.literal('body'), body: BodyId });

/** Who receives the reports: an authority or a body. */
export const Recipient = discriminatedUnion('Recipient', 'kind', [
  AuthorityRecipient,
  BodyRecipient,
]);
/** Who receives the reports: an authority or a body. */
export type Recipient = t.TypeOf<typeof Recipient>;

/** The most days after a period's end that a report may be due. */
export const MAX_DUE_DAYS = 366;

/** How many days after a period ends its report is due: a whole number from 0 to 366. */
export const DueDays = intBetween('DueDays', 0, MAX_DUE_DAYS);
