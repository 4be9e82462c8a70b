/**
 * Ex-officio resolution: who is behind a seat on a date. A named holder is that person, whatever
 * the office does, marked acting when the decision names them so; when the decision names them
 * *as* an office's holder, the answer says whether they hold that office on the date, so that a
 * roster never silently shows a holder whose capacity is gone. An ex-officio seat follows the
 * office — its substantive holder on the date, else its acting holder (marked acting), else
 * "vacant", as it also is when the office is unknown, not yet established or abolished by then.
 * When the office changes hands, the seat follows with no new decision.
 *
 * @see docs/reference/domain.md rule 6
 * @see docs/reference/domain.md rule 16
 * @see docs/reference/domain.md "Seats and offices"
 */
import {
  contains,
  type CalendarDate,
  type OfficeId,
  type PersonId,
  type SeatHolder,
} from '../kernel/index.js';
import { holderOn, holdingsOf, type OfficeState } from './state.js';

/**
 * A seat held by a named person, `acting` when the decision names them as acting. With
 * `asOffice` (the office the decision names them as) comes `holdsOffice`: whether they hold that
 * office, in either capacity, on the date — `false` flags a capacity gone (or not yet begun).
 */
export interface NamedResolution {
  readonly kind: 'person';
  readonly person: PersonId;
  readonly via: 'named';
  readonly acting: boolean;
  readonly asOffice?: OfficeId;
  readonly holdsOffice?: boolean;
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

/** Whether `person` holds the office, in either capacity, on `on` (never, when it is unknown). */
export const holdsOfficeOn = (
  state: OfficeState | undefined,
  person: PersonId,
  on: CalendarDate,
): boolean =>
  state !== undefined &&
  holdingsOf(state).some((holding) => holding.person === person && contains(holding, on));

/**
 * Resolves a seat's holder on `on`: the named person (flagged when no longer holding the office
 * named with them), or the office's substantive holder, else its acting holder, else vacant.
 *
 * @see docs/reference/domain.md rule 6
 * @see docs/reference/domain.md rule 16
 */
export function resolveSeatHolder(
  holder: SeatHolder,
  offices: OfficeLookup,
  on: CalendarDate,
): SeatResolution {
  if (holder.follows === 'person') {
    const { person, asOffice } = holder;
    const named = { kind: 'person', person, via: 'named', acting: holder.acting === true } as const;
    return asOffice === undefined
      ? named
      : { ...named, asOffice, holdsOffice: holdsOfficeOn(offices(asOffice), person, on) };
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
