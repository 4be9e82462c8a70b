/**
 * Orphaned bodies: a body active on a date whose authority (its establisher, or the authority it
 * was last transferred to by then) — followed through its mergers to the
 * one that stands for it then — no longer exists on that date, because it was dissolved without a
 * successor (or was never registered). Such a body answers to nobody until it is transferred; the
 * query reports it rather than letting it vanish from the hierarchy.
 *
 * @see docs/reference/domain.md "Authorities change too"
 */
import type { AuthorityId, BodyId, CalendarDate } from '../kernel/index.js';
import { contains } from '../kernel/index.js';
import { authorityOn, bodyLife, type State as BodyState } from '../body/state.js';
import { currentAuthorityOf } from './jurisdiction.js';
import { authorityOf, endedOn, isActiveOn, type RegistryState } from './state.js';

/** A body left under an authority that does not exist on the date asked. */
export interface OrphanedBody {
  readonly bodyId: BodyId;
  /** The authority the body answers to on the date: its establisher, or the one it was last transferred to. */
  readonly authority: AuthorityId;
  /** The authority that stands for it on the date (itself, or its successor by mergers). */
  readonly standing: AuthorityId;
  /** The day that authority ceased to exist; absent when it was never registered. */
  readonly endedOn?: CalendarDate;
}

/** The bodies active on `on` whose authority does not exist on `on`, in the order given. */
export function orphanedBodies(
  registry: RegistryState,
  bodies: Iterable<BodyState>,
  on: CalendarDate,
): ReadonlyArray<OrphanedBody> {
  const orphans: OrphanedBody[] = [];
  for (const body of bodies) {
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, an unestablished body's life (no start) contains no date; the test narrows the type
    if (body.status === 'unestablished') continue;
    if (!contains(bodyLife(body), on)) continue;
    const authority = authorityOn(body, on);
    const standing = currentAuthorityOf(registry, authority, on) ?? authority;
    const record = authorityOf(registry, standing);
    if (record !== undefined && isActiveOn(record, on)) continue;
    const ended = record === undefined ? undefined : endedOn(record);
    orphans.push({
      bodyId: body.bodyId,
      authority,
      standing,
      ...(ended === undefined ? {} : { endedOn: ended }),
    });
  }
  return orphans;
}
