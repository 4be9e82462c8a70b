/**
 * An id whose establishment was withdrawn stays taken. A body's, office's or person's stream
 * begins with its establishment; when an annulment ab initio withdraws it, the establishment and
 * the withdrawal stay in the log, so the stream still holds that id's history. Establishing the
 * id again would begin the stream a second time — which no reader of the log could tell from a
 * corrupt stream — so it is refused, and the new establishment takes a new id. Any other
 * command on the id is refused too, naming the annulment, since nothing was ever established.
 *
 * @see docs/reference/domain.md rule 14
 */
import type { LegalBasis, Source } from './legal-basis.js';
import type { RefusalShape } from './refusal.js';
import { isWithdrawal, type EventsWithdrawn, type IdentifiedEvent } from './withdrawal.js';

/** What kind of stream an establishment begins. */
export type EstablishedKind = 'body' | 'office' | 'person';

/** The withdrawal of a stream's first event — its establishment — if an annulment withdrew it. */
export function establishmentWithdrawal<Event>(
  events: ReadonlyArray<IdentifiedEvent<Event>>,
): EventsWithdrawn | undefined {
  const first = events[0];
  // Stryker disable next-line ConditionalExpression: equivalent, with no events `find` has no withdrawal to return either; the test narrows the type
  if (first === undefined) return undefined;
  return events
    .map(({ event }) => event)
    .filter(isWithdrawal)
    .find((withdrawal) => withdrawal.data.withdrawn.includes(first.eventId));
}

/** How each kind's establishment is told: what it was, and what to do instead. */
const wording: Readonly<Record<EstablishedKind, readonly [string, string, string]>> = {
  body: ['established', 'establishment', 'establish the body'],
  office: ['established', 'establishment', 'establish the office'],
  person: ['registered', 'registration', 'register the person'],
};

const show = ({ number, issuer, signedOn }: LegalBasis): string =>
  `${number} of ${issuer} signed on ${signedOn}`;

/** The annulment behind `withdrawal`: both documents, and how a message tells it. */
const annulmentOf = (withdrawal: EventsWithdrawn) => {
  const { annulled, source } = withdrawal.data;
  const by = source.kind === 'instrument' ? ` by ${show(source.instrument)}` : '';
  return { annulled, annulledBy: source, told: `${show(annulled)}, annulled ab initio${by}` };
};

/**
 * The id was established before, and that establishment withdrawn by an annulment ab initio: the
 * id stays taken, and a new establishment takes a new id.
 */
export interface IdentityWithdrawn extends RefusalShape<'IdentityWithdrawn'> {
  readonly rule: 14;
  readonly kind: EstablishedKind;
  readonly id: string;
  /** The annulled instrument whose establishment of the id was withdrawn. */
  readonly annulled: LegalBasis;
  /** The source of the withdrawal: the annulling instrument. */
  readonly annulledBy: Source;
}

/** Refuses establishing `id` of `kind` again after `withdrawal` withdrew its establishment. */
export const identityWithdrawn = (
  kind: EstablishedKind,
  id: string,
  withdrawal: EventsWithdrawn,
): IdentityWithdrawn => {
  const { annulled, annulledBy, told } = annulmentOf(withdrawal);
  const [done, what, todo] = wording[kind];
  return {
    _tag: 'IdentityWithdrawn',
    rule: 14,
    kind,
    id,
    annulled,
    annulledBy,
    message: `The ${kind} ${id} was ${done} by ${told}; the withdrawn ${what} stays in the log and the id stays taken: ${todo} under a new id.`,
  };
};

/**
 * The id's establishment was withdrawn by an annulment ab initio: in law it was never
 * established, so nothing can be recorded on it; a new establishment takes a new id.
 */
export interface EstablishmentWithdrawn extends RefusalShape<'EstablishmentWithdrawn'> {
  readonly rule: 14;
  readonly kind: EstablishedKind;
  readonly id: string;
  /** The annulled instrument whose establishment of the id was withdrawn. */
  readonly annulled: LegalBasis;
  /** The source of the withdrawal: the annulling instrument. */
  readonly annulledBy: Source;
}

/** Refuses a command on `id` of `kind` after `withdrawal` withdrew its establishment. */
export const establishmentWithdrawn = (
  kind: EstablishedKind,
  id: string,
  withdrawal: EventsWithdrawn,
): EstablishmentWithdrawn => {
  const { annulled, annulledBy, told } = annulmentOf(withdrawal);
  const [done] = wording[kind];
  return {
    _tag: 'EstablishmentWithdrawn',
    rule: 14,
    kind,
    id,
    annulled,
    annulledBy,
    message: `The ${kind} ${id} was ${done} by ${told}: it was never ${done} in law, so nothing can be recorded on it.`,
  };
};
