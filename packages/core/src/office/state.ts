/**
 * The state of an office: not yet established, established (with its names and holdings), or
 * abolished. Holdings are half-open intervals of valid time, kept in order of their start.
 *
 * @see docs/reference/domain.md rule 6
 */
import {
  contains,
  type AuthorityId,
  type BilingualName,
  type CalendarDate,
  type OfficeId,
  type PersonId,
} from '../kernel/index.js';
import { nameInForce, type NameTimeline } from '../authority/name-timeline.js';
import type { Capacity } from './capacity.js';

/** One person's holding of the office in one capacity, from `from` until `to` (exclusive). */
export interface Holding {
  readonly person: PersonId;
  readonly capacity: Capacity;
  readonly from: CalendarDate;
  readonly to?: CalendarDate;
}

/** What is known of an established (or abolished) office. */
export interface OfficeFacts {
  readonly officeId: OfficeId;
  /** The authority that established the office; it and those above it govern it (rule 9). */
  readonly authority: AuthorityId;
  readonly establishedOn: CalendarDate;
  readonly names: NameTimeline;
  /** Every holding, in order of start (substantive before acting on the same day). */
  readonly holdings: ReadonlyArray<Holding>;
}

/** An office stream with no events yet. */
export interface UnestablishedOffice {
  readonly status: 'unestablished';
}

/** An office in being. */
export interface EstablishedOffice extends OfficeFacts {
  readonly status: 'established';
}

/** An abolished office: its last day was the day before `abolishedOn`; it accepts nothing more. */
export interface AbolishedOffice extends OfficeFacts {
  readonly status: 'abolished';
  readonly abolishedOn: CalendarDate;
}

/** The state of one office. */
export type OfficeState = UnestablishedOffice | EstablishedOffice | AbolishedOffice;

/** The state of an office stream before any event. */
export const initialState: OfficeState = { status: 'unestablished' };

/** The person holding an office on a date, and in which capacity. */
export interface OfficeHolder {
  readonly person: PersonId;
  readonly capacity: Capacity;
}

/** Every holding of the office, in order of start; none before it is established. */
export const holdingsOf = (state: OfficeState): ReadonlyArray<Holding> =>
  state.status === 'unestablished' ? [] : state.holdings;

/**
 * Who holds the office on `date`: the substantive holder, else the acting holder, else nobody.
 *
 * @see docs/reference/domain.md rule 6
 */
export function holderOn(state: OfficeState, date: CalendarDate): OfficeHolder | undefined {
  let acting: OfficeHolder | undefined;
  for (const holding of holdingsOf(state)) {
    // Stryker disable next-line ConditionalExpression: equivalent, the break only stops early: holdings are in order of start, so none after it covers the date
    if (holding.from > date) break;
    if (!contains(holding, date)) continue;
    const { person, capacity } = holding;
    if (capacity === 'substantive') return { person, capacity };
    acting = { person, capacity };
  }
  return acting;
}

/** The office's name in force on `date` (its first name for earlier dates). */
export const nameOn = (state: OfficeFacts, date: CalendarDate): BilingualName =>
  nameInForce(state.names, date);
