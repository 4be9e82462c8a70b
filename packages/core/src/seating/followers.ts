/**
 * The bodies that follow an office: an index, one stream per office, of every body a decision
 * ever gave a seat following the office ex officio. A body decision that first seats such a
 * holder in a body records `SeatFollowsOffice` on the office's index in the same append, and an
 * office command reads the index to know which bodies to check (rule 20). Writing the index is
 * what makes a command changing the office's holders conflict with a concurrent decision that
 * first makes a body follow it. An entry is never withdrawn: a body that no longer follows the
 * office only widens the check, never narrows it.
 *
 * @see docs/reference/domain.md rules 17 and 20
 */
import * as t from 'io-ts';
import { BodyId, CalendarDate, OfficeId, SeatId, Source, struct } from '../kernel/index.js';
import type { Event as BodyEvent } from '../body/events.js';
import type { State as BodyState } from '../body/state.js';
import { newHoldings } from './holdings.js';

/** The schema version of the index's event type (docs/reference/domain.md rule 12). */
export const FollowerEventVersions = { SeatFollowsOffice: 1 } as const;

/**
 * Seat `seatId` of body `bodyId` follows office `officeId` ex officio from `effectiveOn`, by the
 * body decision `source`: the first such seat of the body, recorded on the office's index.
 */
export const SeatFollowsOffice = struct('SeatFollowsOffice', {
  type: t.literal('SeatFollowsOffice'),
  data: struct('SeatFollowsOfficeData', {
    officeId: OfficeId,
    bodyId: BodyId,
    seatId: SeatId,
    effectiveOn: CalendarDate,
    source: Source,
  }),
});
/** A seat of a body follows the office ex officio: an entry of the office's index. */
export type SeatFollowsOffice = t.TypeOf<typeof SeatFollowsOffice>;

/** The bodies listed on an office's index. */
export interface FollowersState {
  readonly bodies: ReadonlySet<BodyId>;
}

/** How an office's index folds: from no body, adding each body an entry names. */
export const followers = {
  initialState: { bodies: new Set<BodyId>() } as FollowersState,
  evolve: (state: FollowersState, event: SeatFollowsOffice): FollowersState =>
    state.bodies.has(event.data.bodyId)
      ? state
      : { bodies: new Set([...state.bodies, event.data.bodyId]) },
};

/**
 * The entries a body decision adds to the indexes of the offices it makes the body follow: one
 * per office whose index (`listed`) does not list the body yet, for the first holding the decided
 * `events` begin following it; `after` is the body as the events leave it. Every event of one
 * decision carries the decision's source, which the entries carry too.
 */
export function newFollowings(
  events: ReadonlyArray<BodyEvent>,
  after: BodyState,
  listed: (office: OfficeId) => FollowersState,
): ReadonlyArray<SeatFollowsOffice> {
  const source = events[0]?.data.source;
  // Stryker disable next-line ConditionalExpression: equivalent, a decision of no events begins no holding, so the loop below adds nothing
  if (source === undefined) return [];
  const added = new Set<OfficeId>();
  const entries: SeatFollowsOffice[] = [];
  for (const { bodyId, seatId, from, holder } of newHoldings(events, after)) {
    if (holder.follows !== 'office' || added.has(holder.office)) continue;
    if (listed(holder.office).bodies.has(bodyId)) continue;
    added.add(holder.office);
    entries.push({
      type: 'SeatFollowsOffice',
      data: { officeId: holder.office, bodyId, seatId, effectiveOn: from, source },
    });
  }
  return entries;
}
