/**
 * Rule 20 from the office's side: who holds an office decides who sits in every seat following
 * it ex officio, so a command that appoints, ends or re-dates a holding is checked against each
 * body with such a seat, with the office as the command leaves it. The bodies come from the
 * office's index (followers.ts); the caller loads them and every office their seats follow.
 *
 * @see docs/reference/domain.md rule 20
 */
import type { OfficeId } from '../kernel/index.js';
import type { State as BodyState } from '../body/state.js';
import type { Event as OfficeEvent } from '../office/events.js';
import type { OfficeLookup } from '../office/resolve-seat-holder.js';
import { sitsTwice } from './check.js';
import type { PersonSitsTwice } from './refusals.js';

/** For each office event type, whether it may change who holds the office on some date. */
const CHANGES_WHO_HOLDS: Readonly<Record<OfficeEvent['type'], boolean>> = {
  OfficeHolderAppointed: true,
  OfficeHolderEnded: true,
  OfficeHoldingCorrected: true,
  OfficeEstablished: false,
  OfficeRenamed: false,
  OfficeAbolished: false,
};

/** True when one of the office's decided events changes who holds it on some date. */
export const changesWhoHolds = (events: ReadonlyArray<OfficeEvent>): boolean =>
  events.some((event) => CHANGES_WHO_HOLDS[event.type]);

/** Every office a seat of `body` follows ex officio, at any time. */
export function officesFollowed(body: BodyState): ReadonlyArray<OfficeId> {
  if (body.status === 'unestablished') return [];
  const offices = new Set<OfficeId>();
  for (const seat of body.seats.values())
    for (const { holder } of seat.holders)
      if (holder?.follows === 'office') offices.add(holder.office);
  return [...offices];
}

/**
 * The earliest date on which someone sits twice in one of `bodies` through a seat following
 * `officeId`, with the offices as `offices` gives them (the changed one as the command leaves
 * it), as a refusal (on a tie, the first such body and seat in order); `undefined` when nobody
 * does.
 */
export function officeChangeRefusal(
  officeId: OfficeId,
  bodies: ReadonlyArray<BodyState>,
  offices: OfficeLookup,
): PersonSitsTwice | undefined {
  let first: PersonSitsTwice | undefined;
  for (const body of bodies) {
    if (body.status === 'unestablished') continue;
    for (const seat of body.seats.values())
      for (const { from, holder } of seat.holders) {
        if (holder?.follows !== 'office' || holder.office !== officeId) continue;
        const holding = { bodyId: body.bodyId, seatId: seat.seatId, from, holder };
        const twice = sitsTwice(body, holding, offices);
        if (twice !== undefined && (first === undefined || twice.on < first.on)) first = twice;
      }
  }
  return first;
}
