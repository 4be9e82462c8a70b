/**
 * Authority facts: one row per authority of the registry, holding what the read side needs to
 * answer who had jurisdiction when — the date it was registered, its parent and other superiors
 * (each from its date), and how it ended (merged into one successor, dissolved, or split). Each
 * registry event changes only its subject's row, derived from that row as it stood and the event
 * alone, so projecting the registry costs one row per event however large the hierarchy.
 *
 * @see docs/reference/domain.md "Authorities change too"
 */
import type { Authority, CalendarDate } from '@mandate/core';
import { BEGINNING_OF_TIME, type Fact } from './facts.js';

/** How an authority ended: merged into one successor, dissolved without one, or split. */
export interface AuthorityEnd {
  readonly on: CalendarDate;
  readonly kind: 'merged' | 'dissolved' | 'split';
  /** The successors: one for a merger, several for a split, none for a dissolution. */
  readonly into: ReadonlyArray<string>;
}

/** A superior of an authority beside its parent, from a date. */
export interface SuperiorFrom {
  readonly authorityId: string;
  readonly from: CalendarDate;
}

/** What the read side keeps of an authority. */
export interface AuthoritySummary {
  readonly authorityId: string;
  readonly registeredOn: CalendarDate;
  readonly parent?: string;
  readonly superiors: ReadonlyArray<SuperiorFrom>;
  readonly end?: AuthorityEnd;
}

/** The row of an authority: one fact about it, whatever the valid date. */
export const authorityFact = (summary: AuthoritySummary): Fact => ({
  kind: 'authority',
  subject: summary.authorityId,
  key: summary.authorityId,
  ordinal: 0,
  valid: { from: BEGINNING_OF_TIME },
  payload: summary,
});

/**
 * What the read side keeps of the authority after `event`, given what it kept before
 * (`undefined` when it holds no row): the row before, unchanged, when the event does not change
 * what the read side keeps (a rename, or a second registration), and no row when the event is
 * about an authority it does not hold.
 */
export function authorityRowAfter(
  previous: AuthoritySummary | undefined,
  event: Authority.Event,
): AuthoritySummary | undefined {
  const ended = (end: AuthorityEnd): AuthoritySummary | undefined =>
    previous === undefined ? undefined : { ...previous, end };
  switch (event.type) {
    case 'AuthorityRegistered': {
      const { authorityId, parent, effectiveOn } = event.data;
      if (previous !== undefined) return previous;
      return {
        authorityId,
        registeredOn: effectiveOn,
        ...(parent === undefined ? {} : { parent }),
        superiors: [],
      };
    }
    case 'AuthorityRenamed':
      return previous;
    case 'AuthorityMerged':
      return ended({ on: event.data.effectiveOn, kind: 'merged', into: [event.data.into] });
    case 'AuthorityDissolved':
      return ended({ on: event.data.effectiveOn, kind: 'dissolved', into: [] });
    case 'AuthoritySplit':
      return ended({ on: event.data.effectiveOn, kind: 'split', into: event.data.into });
    case 'AuthoritySuperiorAdded': {
      if (previous === undefined) return undefined;
      const { superior, effectiveOn } = event.data;
      const link = { authorityId: superior, from: effectiveOn };
      return { ...previous, superiors: [...previous.superiors, link] };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
