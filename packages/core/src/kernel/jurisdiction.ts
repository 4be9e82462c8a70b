/**
 * Jurisdiction: which authorities may change what another authority established (docs/reference/domain.md
 * rule 9). Deciders receive it as a pure value in their context; the authority registry builds
 * the real one from the hierarchy, including authorities merged into a successor.
 */
import type { CalendarDate } from './calendar-date.js';
import type { AuthorityId } from './ids.js';

/** The authorities allowed to change what another authority established (docs/reference/domain.md rule 9). */
export interface Jurisdiction {
  /** True when `issuer` may, on `on`, change a body or office established by `establisher`. */
  readonly mayChange: (issuer: AuthorityId, establisher: AuthorityId, on: CalendarDate) => boolean;
}

/** A jurisdiction where only the establishing authority itself may change what it established. */
export const establisherOnly: Jurisdiction = {
  mayChange: (issuer, establisher) => issuer === establisher,
};
