/**
 * The reorganisations and dissolutions an export states, derived from the bodies' ends and
 * absorptions: which bodies went in, which came out, when, of which kind, and under which
 * instrument.
 *
 * @see docs/reference/domain.md rules 1 and 5
 */
import type { BodyId, CalendarDate, LegalBasis } from '@mandate/core';
import type { Body } from '@mandate/core';
import { instrumentsOf } from './sources.js';
import type { ExportSnapshot } from './snapshot.js';

/** What a change of organisation is: an establishment by decision, or one of the ways a body ends. */
export type ChangeKind = 'establishment' | Body.EndReason;

/** One change of organisation: bodies that went in, bodies that came out. */
export interface OrganisationChange {
  /** The reorganisation's id; for an end that has none (a dissolution), `<reason>:<body>`. */
  readonly id: string;
  readonly kind: ChangeKind;
  readonly on: CalendarDate;
  /** The bodies that ended (for an absorption: the absorbed ones), by id. */
  readonly original: ReadonlyArray<BodyId>;
  /** The bodies that resulted (for an absorption: the absorbing one); none for a dissolution. */
  readonly resulting: ReadonlyArray<BodyId>;
  /** The instrument that decided it, when the changes name one. */
  readonly basis?: LegalBasis;
}

const union = (a: ReadonlyArray<BodyId>, b: ReadonlyArray<BodyId>): ReadonlyArray<BodyId> =>
  [...new Set([...a, ...b])].sort();

/** Every reorganisation and dissolution of the snapshot's bodies, by date then id. */
export function organisationChanges(snapshot: ExportSnapshot): ReadonlyArray<OrganisationChange> {
  const found = new Map<string, Omit<OrganisationChange, 'basis'>>();
  for (const view of snapshot.bodies) {
    const { end } = view;
    if (end === undefined) continue;
    const id =
      end.reason === 'dissolution' || end.reorganisationId === undefined
        ? `${end.reason}:${view.bodyId}`
        : end.reorganisationId;
    const known = found.get(id);
    found.set(id, {
      id,
      kind: end.reason,
      on: end.on,
      original: union(known?.original ?? [], [view.bodyId]),
      resulting: union(known?.resulting ?? [], end.successors),
    });
  }
  for (const view of snapshot.bodies)
    for (const absorption of view.absorptions) {
      const known = found.get(absorption.reorganisationId);
      found.set(absorption.reorganisationId, {
        id: absorption.reorganisationId,
        kind: 'absorption',
        on: absorption.on,
        original: union(known?.original ?? [], absorption.absorbed),
        resulting: union(known?.resulting ?? [], [view.bodyId]),
      });
    }
  return [...found.values()]
    .map((change) => {
      const basis = instrumentsOf(
        snapshot.changes.filter(
          (c) =>
            c.effectiveOn === change.on &&
            [...change.original, ...change.resulting].includes(c.aggregateId as BodyId) &&
            ['BodyEnded', 'BodyEstablished', 'BodiesAbsorbed'].includes(c.type),
        ),
      )[0];
      return basis === undefined ? change : { ...change, basis };
    })
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.id < b.id ? -1 : 1));
}
