/**
 * Ex-officio resolution: who is behind a seat on a date. A named holder is that person, whatever
 * the office does; an ex-officio seat follows the office — its substantive holder on the date,
 * else its acting holder (marked acting), else "vacant", as it also is when the office is unknown,
 * not yet established or abolished by then. When the office changes hands, the seat follows with
 * no new decision.
 *
 * @see docs/reference/domain.md rule 6
 * @see docs/reference/domain.md "Seats and offices"
 */
import type { CalendarDate, OfficeId, PersonId, SeatHolder } from '../kernel/index.js';
import { holderOn, type OfficeState } from './state.js';

/** A seat held by a named person; `asOffice` records the office named with them, if any. */
export interface NamedResolution {
  readonly kind: 'person';
  readonly person: PersonId;
  readonly via: 'named';
  readonly asOffice?: OfficeId;
}

/** An ex-officio seat resolved to the office's holder on the date; `acting` marks an acting one. */
export interface OfficeResolution {
  readonly kind: 'person';
  readonly person: PersonId;
  readonly via: 'office';
  readonly office: OfficeId;
  readonly acting: boolean;
}

/** An ex-officio seat whose office has no holder on the date (or no life then). */
export interface VacantResolution {
  readonly kind: 'vacant';
  readonly office: OfficeId;
}

/** Who is behind a seat on a date. */
export type SeatResolution = NamedResolution | OfficeResolution | VacantResolution;

/** Looks up an office's state by id; `undefined` when the office is unknown. */
export type OfficeLookup = (office: OfficeId) => OfficeState | undefined;

/**
 * Resolves a seat's holder on `on`: the named person, or the office's substantive holder, else
 * its acting holder, else vacant.
 *
 * @see docs/reference/domain.md rule 6
 */
export function resolveSeatHolder(
  holder: SeatHolder,
  offices: OfficeLookup,
  on: CalendarDate,
): SeatResolution {
  if (holder.follows === 'person') {
    const { person, asOffice } = holder;
    return asOffice === undefined
      ? { kind: 'person', person, via: 'named' }
      : { kind: 'person', person, via: 'named', asOffice };
  }
  const { office } = holder;
  const state = offices(office);
  const current = state === undefined ? undefined : holderOn(state, on);
  return current === undefined
    ? { kind: 'vacant', office }
    : {
        kind: 'person',
        person: current.person,
        via: 'office',
        office,
        acting: current.capacity === 'acting',
      };
}
