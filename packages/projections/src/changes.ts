/**
 * Changes: one fact per body, office, person or authority event, appended once when the event is projected and never
 * re-derived (so the change table grows linearly with the log). It is valid on the event's
 * effective date alone and refers to the instrument behind it by `instrumentKey` (number, issuer,
 * signing year); an event sourced from a filed report refers to nothing, but is still a change
 * between two dates.
 *
 * @see docs/reference/domain.md rule 8 and "Questions the read models answer"
 */
import { addDays, instrumentKey } from '@mandate/core';
import type { CalendarDate, Instant, Source, ValidInterval } from '@mandate/core';
import type { StoredEvent } from '@mandate/eventstore';
import type { Fact } from './facts.js';
import type { ChangeView } from './views.js';

/** What a change fact holds: a {@link ChangeView} with its position as decimal text (JSON). */
export interface ChangePayload {
  readonly eventId: string;
  readonly position: string;
  readonly recordedAt: Instant;
  readonly stream: string;
  readonly aggregate: ChangeView['aggregate'];
  readonly aggregateId: string;
  readonly type: string;
  readonly effectiveOn: CalendarDate;
  readonly source: Source;
}

/** What a change fact needs of the decoded event: whom it is about, when it took effect, why. */
export interface ChangedBy {
  readonly aggregate: ChangeView['aggregate'];
  readonly aggregateId: string;
  readonly effectiveOn: CalendarDate;
  readonly source: Source;
}

/** The day `date` alone, as a half-open interval. */
const dayOf = (date: CalendarDate): ValidInterval => {
  const next = addDays(date, 1);
  return next === undefined ? { from: date } : { from: date, to: next };
};

/** The change fact of one stored event: about its body, office, person or authority, in its stream's order. */
export function changeFact(stored: StoredEvent, changed: ChangedBy): Fact {
  const { aggregate, aggregateId, effectiveOn, source } = changed;
  const payload: ChangePayload = {
    eventId: stored.eventId,
    position: String(stored.position),
    recordedAt: stored.recordedAt,
    stream: stored.stream,
    aggregate,
    aggregateId,
    type: stored.type,
    effectiveOn,
    source,
  };
  return {
    kind: 'change',
    subject: aggregateId,
    key: payload.position,
    ordinal: Number(stored.revision),
    ...(source.kind === 'instrument' ? { ref: instrumentKey(source.instrument) } : {}),
    valid: dayOf(effectiveOn),
    payload,
  };
}

/** The view of a change fact's payload. */
export const changeView = ({ position, ...change }: ChangePayload): ChangeView => ({
  position: BigInt(position),
  ...change,
});

/** A change marked as withdrawn by the annulment of its instrument (rule 14). */
export const withdrawnChange = (change: ChangeView): ChangeView => ({ ...change, withdrawn: true });

/** Orders changes by log position. */
export const byPosition = (a: ChangeView, b: ChangeView): number =>
  a.position < b.position ? -1 : a.position > b.position ? 1 : 0;

/** Orders changes by effective date, then log position. */
export const byEffectiveDate = (a: ChangeView, b: ChangeView): number =>
  a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : byPosition(a, b);
