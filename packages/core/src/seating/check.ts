/**
 * The rules across streams for a body's seats, checked when a decision begins a holding, against
 * the states of the offices and persons the body's seats name (pure values the caller loads and
 * passes in: the body decider stays within its own stream). An office a seat names exists on the
 * day the holding begins; a person a seat names is registered; and on no date does one person sit
 * in two seats of the body, whether both follow offices the person holds, or one names the person
 * and the other follows an office they hold.
 *
 * @see docs/reference/domain.md rules 18, 19 and 20
 */
import type { CalendarDate, OfficeId, PersonId } from '../kernel/index.js';
import { minDate } from '../kernel/index.js';
import type { EstablishedBody, Seat } from '../body/state.js';
import { holderOn } from '../body/state.js';
import { resolveSeatHolder, type OfficeLookup } from '../office/resolve-seat-holder.js';
import { holdingsOf, type OfficeState } from '../office/state.js';
import type { PersonState } from '../person/state.js';
import { officesNamed, personsNamed, type NewHolding } from './holdings.js';
import type { PersonSitsTwice, Refusal } from './refusals.js';
import { personSitsTwice, seatOfficeNotInForce, seatPersonNotRegistered } from './refusals.js';

/** Looks up a person's record by id; `undefined` when it was not loaded or is unknown. */
export type PersonLookup = (person: PersonId) => PersonState | undefined;

/** The states of the offices and persons a body's seats name. */
export interface SeatingFacts {
  readonly offices: OfficeLookup;
  readonly persons: PersonLookup;
}

/** The offices and persons whose states checking `holdings` on `body` needs. */
export interface NamedStreams {
  readonly offices: ReadonlyArray<OfficeId>;
  readonly persons: ReadonlyArray<PersonId>;
}

/**
 * The offices and persons to look up before checking `holdings` on `body`: those the new
 * holdings name, and every office any holder of the body follows (to know who sits through it).
 */
export function streamsNamed(
  body: EstablishedBody,
  holdings: ReadonlyArray<NewHolding>,
): NamedStreams {
  if (holdings.length === 0) return { offices: [], persons: [] };
  const offices = new Set<OfficeId>(holdings.flatMap(({ holder }) => officesNamed(holder)));
  for (const seat of body.seats.values())
    for (const { holder } of seat.holders)
      if (holder?.follows === 'office') offices.add(holder.office);
  const persons = new Set<PersonId>(holdings.flatMap(({ holder }) => personsNamed(holder)));
  return { offices: [...offices], persons: [...persons] };
}

/** True when the office exists on `on`: established by then and not yet abolished. */
export function officeExistsOn(state: OfficeState | undefined, on: CalendarDate): boolean {
  if (state === undefined) return false;
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, an unestablished state has no `establishedOn`, and a date compared with `undefined` is false; the test narrows the type
  if (state.status === 'unestablished') return false;
  return state.establishedOn <= on && (state.status !== 'abolished' || on < state.abolishedOn);
}

/** The day after the holding of `seat` that began on `from` ends, if it ends. */
function holdingEnd(seat: Seat, from: CalendarDate): CalendarDate | undefined {
  const next = seat.holders.find((entry) => entry.from > from)?.from;
  const closed = seat.abolishedOn;
  // Stryker disable next-line ConditionalExpression: equivalent, `minDate(undefined, closed)` is `closed`, and a seat's holder never changes after its abolition (so `next` is never later), and no one sits through it then
  return next === undefined ? closed : closed === undefined ? next : minDate(next, closed);
}

/** Every date in [from, end) on which who sits in the body, or through which office, may change. */
function changeDates(
  body: EstablishedBody,
  offices: OfficeLookup,
  from: CalendarDate,
  end: CalendarDate | undefined,
): ReadonlyArray<CalendarDate> {
  // Stryker disable next-line ArrayDeclaration: equivalent, `from` is the start of a holding, so one of its seat's holder dates, added below
  const dates = new Set<CalendarDate>([from]);
  const followed = new Set<OfficeId>();
  for (const seat of body.seats.values()) {
    dates.add(seat.createdOn);
    for (const { from: on, holder } of seat.holders) {
      dates.add(on);
      if (holder?.follows === 'office') followed.add(holder.office);
    }
  }
  for (const office of followed)
    for (const holding of holdingsOf(offices(office) ?? { status: 'unestablished' })) {
      dates.add(holding.from);
      // Stryker disable next-line ConditionalExpression: equivalent, an `undefined` added to the dates is dropped by the filter below
      if (holding.to !== undefined) dates.add(holding.to);
    }
  return [...dates].filter((on) => on >= from && (end === undefined || on < end)).sort();
}

/** The person sitting through `seat` on `on`, if someone does. */
function personIn(seat: Seat, offices: OfficeLookup, on: CalendarDate): PersonId | undefined {
  const holder = holderOn(seat, on);
  if (holder === null || holder === undefined) return undefined;
  const resolved = resolveSeatHolder(holder, offices, on);
  // Stryker disable next-line ConditionalExpression: equivalent, a vacant resolution has no `person`, so reading it gives `undefined` too
  return resolved.kind === 'person' ? resolved.person : undefined;
}

/**
 * The first date from the start of `holding` (a holding of one of `body`'s seats) on which the
 * person sitting through it sits in another seat of the body too, as a refusal.
 */
export function sitsTwice(
  body: EstablishedBody,
  holding: NewHolding,
  offices: OfficeLookup,
): PersonSitsTwice | undefined {
  const seat = body.seats.get(holding.seatId);
  if (seat === undefined) return undefined;
  for (const on of changeDates(body, offices, holding.from, holdingEnd(seat, holding.from))) {
    const person = personIn(seat, offices, on);
    if (person === undefined) continue;
    for (const other of body.seats.values())
      if (other.seatId !== seat.seatId && personIn(other, offices, on) === person)
        return personSitsTwice(body.bodyId, person, on, [other.seatId, seat.seatId]);
  }
  return undefined;
}

/**
 * Why the holdings a decision begins on `body` (the body as the decision leaves it) break a rule
 * across streams, if they do: the first office not in force (rule 18), else the first person not
 * registered (rule 19), else the first date a person would sit twice (rule 20).
 *
 * @see docs/reference/domain.md rules 18, 19 and 20
 */
export function seatingRefusal(
  body: EstablishedBody,
  holdings: ReadonlyArray<NewHolding>,
  facts: SeatingFacts,
): Refusal | undefined {
  for (const { seatId, from, holder } of holdings)
    for (const office of officesNamed(holder))
      if (!officeExistsOn(facts.offices(office), from))
        return seatOfficeNotInForce(seatId, office, from);
  for (const { seatId, holder } of holdings)
    for (const person of personsNamed(holder))
      if (facts.persons(person)?.status !== 'registered')
        return seatPersonNotRegistered(seatId, person);
  for (const holding of holdings) {
    const twice = sitsTwice(body, holding, facts.offices);
    if (twice !== undefined) return twice;
  }
  return undefined;
}
