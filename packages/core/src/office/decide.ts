/**
 * Decides commands to an office. Rule 6: an office has at most one substantive and at most one
 * acting holder at a time. Appointing someone while an open holding of the same capacity began
 * strictly earlier ends that holding on the same date, in the same decision ("X replaces Y";
 * re-appointing the holder for a new term does the same); recording the same appointment again
 * is nothing to do; any other overlap, retroactive appointments included, is refused. Everything
 * lies within the office's life; abolishing it ends its open holdings. Rule 16: a substantive
 * appointment also ends, in the same decision, the acting holding open since an earlier date
 * (whoever holds it, the appointee included); it is refused when the record says an acting holder
 * served on past its date, and an acting appointment is refused when it would run on past a
 * later substantive one; no one is acting and substantive holder at once. An acting holder may
 * serve beside a substantive one (standing in during an absence). Rule 14: a holding's recorded
 * dates can be corrected, on an abolished office too, by naming the event that recorded them.
 * Rule 9: only the office's authority, its successor or an authority above may change it, judged
 * on the instrument's signing date.
 *
 * @see docs/reference/domain.md rule 6
 * @see docs/reference/domain.md rule 9
 * @see docs/reference/domain.md rule 14
 * @see docs/reference/domain.md rule 16
 */
import { left, right, type Either } from 'fp-ts/Either';
import {
  instrumentSource,
  maxDate,
  noRecordedEvents,
  sameName,
  type CalendarDate,
  type EventId,
  type Jurisdiction,
  type OfficeId,
  type RecordedEvents,
  type Source,
} from '../kernel/index.js';
import type {
  AbolishOffice,
  AppointOfficeHolder,
  Command,
  CorrectOfficeHolding,
  EndOfficeHolding,
  EstablishOffice,
  RenameOffice,
} from './commands.js';
import type { Event, HoldingDates } from './events.js';
import {
  abolitionTooEarly,
  actingAndSubstantiveAtOnce,
  actingOutlastsAppointment,
  correctionOutsideOfficeLife,
  endNotAfterStart,
  holdingAlreadyEnded,
  holdingsOverlap,
  noHoldingRecordedBy,
  noJurisdiction,
  noSuchHolding,
  officeAlreadyAbolished,
  officeAlreadyEstablished,
  officeNotFound,
  outsideOfficeLife,
  unknownEvent,
  type Refusal,
} from './refusals.js';
import {
  nameOn,
  type EstablishedOffice,
  type Holding,
  type OfficeFacts,
  type OfficeState,
} from './state.js';

/**
 * The pure facts an office decision needs from elsewhere: who has jurisdiction over whom, and the
 * office stream's events by id (which a correction names; none known when absent).
 */
export interface OfficeContext {
  readonly jurisdiction: Jurisdiction;
  readonly recorded?: RecordedEvents<Event>;
}

type Decision = Either<Refusal, ReadonlyArray<Event>>;
type Change = RenameOffice | AppointOfficeHolder | EndOfficeHolding | AbolishOffice;

function establish(
  { data }: EstablishOffice,
  state: OfficeState,
  { jurisdiction }: OfficeContext,
): Decision {
  const { officeId, authority, name, basis, effectiveOn } = data;
  if (state.status !== 'unestablished') return left(officeAlreadyEstablished(officeId));
  if (!jurisdiction.mayChange(basis.issuer, authority, basis.signedOn))
    return left(noJurisdiction(officeId, basis.issuer, authority, basis.signedOn));
  return right([
    {
      type: 'OfficeEstablished',
      data: { officeId, authority, name, effectiveOn, source: instrumentSource(basis) },
    },
  ]);
}

/**
 * Decides a change to an office in being: refused unless the office exists, is not abolished,
 * the issuer has jurisdiction over it and the change takes effect once it is established.
 */
function governed<C extends Change>(
  { data }: C,
  state: OfficeState,
  { jurisdiction }: OfficeContext,
  decideFor: (data: C['data'], office: EstablishedOffice) => Decision,
): Decision {
  const { officeId, basis, effectiveOn } = data;
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, a state not yet established has no officeId, so the second test refuses it too; the first narrows the type
  if (state.status === 'unestablished' || state.officeId !== officeId)
    return left(officeNotFound(officeId));
  if (state.status === 'abolished')
    return left(officeAlreadyAbolished(officeId, state.abolishedOn));
  if (!jurisdiction.mayChange(basis.issuer, state.authority, basis.signedOn))
    return left(noJurisdiction(officeId, basis.issuer, state.authority, basis.signedOn));
  if (effectiveOn < state.establishedOn)
    return left(outsideOfficeLife(officeId, effectiveOn, state.establishedOn));
  return decideFor(data, state);
}

function rename(data: RenameOffice['data'], office: EstablishedOffice): Decision {
  const { officeId, name, basis, effectiveOn } = data;
  const previous = nameOn(office, effectiveOn);
  if (sameName(previous, name)) return right([]);
  return right([
    {
      type: 'OfficeRenamed',
      data: { officeId, name, previous, effectiveOn, source: instrumentSource(basis) },
    },
  ]);
}

/** The event ending `holding` on `effectiveOn`. */
const endOf = (
  officeId: OfficeId,
  holding: Holding,
  effectiveOn: CalendarDate,
  source: Source,
): Event => ({
  type: 'OfficeHolderEnded',
  data: {
    officeId,
    person: holding.person,
    capacity: holding.capacity,
    since: holding.from,
    effectiveOn,
    source,
  },
});

const overlapsFrom = (holding: Holding, on: CalendarDate): boolean =>
  holding.to === undefined || holding.to > on;

/**
 * Rule 16 for an appointment opening `opened`, once the holdings it ends (`ending`) are ended on
 * its date: the refusal it breaks, if any.
 */
function actingConflict(
  officeId: OfficeId,
  holdings: ReadonlyArray<Holding>,
  ending: ReadonlyArray<Holding>,
  opened: Holding,
): Refusal | undefined {
  const { person, capacity, from } = opened;
  const others = holdings.filter(
    // Stryker disable next-line ConditionalExpression: equivalent, every holding of the appointment's own capacity that runs on past its date or starts after it is ending or was refused above as an overlap, so the searches below find none
    (holding) => holding.capacity !== capacity && !ending.includes(holding),
  );
  const own = others.find((holding) => holding.person === person && overlapsFrom(holding, from));
  if (own !== undefined) return actingAndSubstantiveAtOnce(officeId, person, capacity, from, own);
  const outlasting =
    capacity === 'substantive'
      ? others.find((acting) => acting.from < from && overlapsFrom(acting, from))
      : others.find((substantive) => substantive.from > from);
  if (outlasting === undefined) return undefined;
  return capacity === 'substantive'
    ? actingOutlastsAppointment(officeId, outlasting, opened)
    : actingOutlastsAppointment(officeId, opened, outlasting);
}

function appoint(data: AppointOfficeHolder['data'], office: EstablishedOffice): Decision {
  const { officeId, person, capacity, basis, effectiveOn } = data;
  const source = instrumentSource(basis);
  const sameCapacity = office.holdings.filter((holding) => holding.capacity === capacity);
  const alreadyRecorded = sameCapacity.some(
    (holding) =>
      holding.person === person && holding.from === effectiveOn && holding.to === undefined,
  );
  if (alreadyRecorded) return right([]);
  const replaced = sameCapacity.find(
    (holding) => holding.to === undefined && holding.from < effectiveOn,
  );
  const overlapped = sameCapacity.find(
    (holding) => holding !== replaced && overlapsFrom(holding, effectiveOn),
  );
  if (overlapped !== undefined)
    return left(holdingsOverlap(officeId, person, capacity, effectiveOn, overlapped));
  const endedActing =
    capacity === 'substantive'
      ? office.holdings.find(
          (holding) =>
            holding.capacity === 'acting' && holding.to === undefined && holding.from < effectiveOn,
        )
      : undefined;
  const ending = [replaced, endedActing].flatMap((holding) => holding ?? []);
  const conflict = actingConflict(officeId, office.holdings, ending, {
    person,
    capacity,
    from: effectiveOn,
  });
  if (conflict !== undefined) return left(conflict);
  return right([
    ...ending.map((holding) => endOf(officeId, holding, effectiveOn, source)),
    { type: 'OfficeHolderAppointed', data: { officeId, person, capacity, effectiveOn, source } },
  ]);
}

function end(data: EndOfficeHolding['data'], office: EstablishedOffice): Decision {
  const { officeId, person, capacity, basis, effectiveOn } = data;
  const own = office.holdings.filter(
    (holding) => holding.person === person && holding.capacity === capacity,
  );
  const open = own.find((holding) => holding.to === undefined);
  if (open === undefined) {
    const last = own[own.length - 1];
    return left(
      last?.to === undefined
        ? noSuchHolding(officeId, person, capacity)
        : holdingAlreadyEnded(officeId, person, capacity, last.to),
    );
  }
  if (effectiveOn <= open.from)
    return left(endNotAfterStart(officeId, person, capacity, open.from, effectiveOn));
  return right([
    {
      type: 'OfficeHolderEnded',
      data: {
        officeId,
        person,
        capacity,
        since: open.from,
        effectiveOn,
        source: instrumentSource(basis),
      },
    },
  ]);
}

function abolish(data: AbolishOffice['data'], office: EstablishedOffice): Decision {
  const { officeId, basis, effectiveOn } = data;
  const source = instrumentSource(basis);
  const latestStart = [
    ...office.names.map((entry) => entry.from),
    ...office.holdings.map((holding) => holding.from),
  ].reduce(maxDate, office.establishedOn);
  const latestEnd = office.holdings
    .flatMap((holding) =>
      // Stryker disable next-line ConditionalExpression: equivalent, an open holding's undefined end never wins maxDate (a date < undefined is false), so the latest end is the same
      holding.to === undefined ? [] : [holding.to],
    )
    .reduce(maxDate, office.establishedOn);
  if (effectiveOn <= latestStart || effectiveOn < latestEnd)
    return left(abolitionTooEarly(officeId, effectiveOn, maxDate(latestStart, latestEnd)));
  const open = office.holdings.filter((holding) => holding.to === undefined);
  const byCapacity = [
    ...open.filter((holding) => holding.capacity === 'substantive'),
    ...open.filter((holding) => holding.capacity === 'acting'),
  ];
  return right([
    ...byCapacity.map(({ person, capacity, from }): Event => ({
      type: 'OfficeHolderEnded',
      data: { officeId, person, capacity, since: from, effectiveOn, source },
    })),
    { type: 'OfficeAbolished', data: { officeId, effectiveOn, source } },
  ]);
}

// -------------------------------------------------------------------------------------------------
// Corrections (rule 14)
// -------------------------------------------------------------------------------------------------

/** Which holding an event recorded, as it recorded it; none for an event that records no holding. */
function recordedBy(event: Event): ((holding: Holding) => boolean) | undefined {
  switch (event.type) {
    case 'OfficeHolderAppointed': {
      const { person, capacity, effectiveOn } = event.data;
      return (h) => h.person === person && h.capacity === capacity && h.from === effectiveOn;
    }
    case 'OfficeHolderEnded': {
      const { person, capacity, since, effectiveOn } = event.data;
      return (h) =>
        h.person === person && h.capacity === capacity && h.from === since && h.to === effectiveOn;
    }
    case 'OfficeHoldingCorrected': {
      const { person, capacity, holding } = event.data;
      return (h) =>
        h.person === person &&
        h.capacity === capacity &&
        h.from === holding.from &&
        h.to === holding.to;
    }
    case 'OfficeEstablished':
    case 'OfficeRenamed':
    case 'OfficeAbolished':
      return undefined;
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** The last event of the stream that recorded `holding` as it stands, if any did. */
function lastRecording(recorded: RecordedEvents<Event>, holding: Holding): EventId | undefined {
  let last: EventId | undefined;
  for (const [eventId, event] of recorded)
    if (recordedBy(event)?.(holding) === true) last = eventId;
  return last;
}

const datesOf = (from: CalendarDate, to: CalendarDate | undefined): HoldingDates =>
  to === undefined ? { from } : { from, to };

/** True when two intervals of valid time share a day. */
const intersect = (a: HoldingDates, b: HoldingDates): boolean =>
  (a.to === undefined || b.from < a.to) && (b.to === undefined || a.from < b.to);

/** The office's life in valid time: from its establishment until its abolition. */
const lifeOf = (office: OfficeState & OfficeFacts): HoldingDates =>
  // Stryker disable next-line ConditionalExpression: equivalent, an office not abolished has no abolishedOn, so reading it gives undefined too; the test narrows the type
  datesOf(office.establishedOn, office.status === 'abolished' ? office.abolishedOn : undefined);

/** True when `holding` is a non-empty interval within `life`. */
const fitsLife = (holding: HoldingDates, life: HoldingDates): boolean =>
  holding.from >= life.from &&
  (holding.to === undefined || holding.to > holding.from) &&
  // Stryker disable next-line ConditionalExpression: equivalent, without `holding.to !== undefined` an open holding compares undefined <= life.to, false too; the test narrows the type
  (life.to === undefined || (holding.to !== undefined && holding.to <= life.to));

/**
 * Rule 16 for corrected dates: the holding of `person` in the other capacity than `capacity`
 * that shares a day with `dates`, if any — a correction must not make anyone acting and
 * substantive holder at once.
 */
const otherCapacityOverlap = (
  holdings: ReadonlyArray<Holding>,
  person: Holding['person'],
  capacity: Holding['capacity'],
  dates: HoldingDates,
): Holding | undefined =>
  holdings.find(
    (h) =>
      h.person === person && h.capacity !== capacity && intersect(datesOf(h.from, h.to), dates),
  );

/**
 * Rule 16 for corrected dates: in the holdings as the correction leaves them (`after`, the
 * changed ones new values, the rest those of `before`), an acting holding that would run on
 * across the start of a later substantive one, which ends it, and that substantive holding. Only
 * pairs with a changed holding are judged.
 */
function actingRunningPast(
  before: ReadonlyArray<Holding>,
  after: ReadonlyArray<Holding>,
): readonly [acting: Holding, substantive: Holding] | undefined {
  const changed = (h: Holding) => !before.includes(h);
  // Stryker disable next-line MethodExpression,ConditionalExpression: equivalent on records rule 6 kept, as `correct` refuses (rule 6) a corrected holding or a moved replaced end that shares a day with another of its capacity before calling this
  for (const acting of after.filter((h) => h.capacity === 'acting'))
    // Stryker disable next-line MethodExpression,ConditionalExpression: equivalent, as above
    for (const substantive of after.filter((h) => h.capacity === 'substantive'))
      if (
        (changed(acting) || changed(substantive)) &&
        acting.from < substantive.from &&
        overlapsFrom(acting, substantive.from)
      )
        return [acting, substantive];
  return undefined;
}

/**
 * Corrects the dates of the holding an earlier event recorded, on an abolished office too. When
 * its start moves, the holding of the same capacity that ended on the old start (the holder it
 * replaced, "X replaces Y") ends on the new start instead, by a correction of its own. Refused
 * when the event is unknown, records no holding as it stands now, or when the corrected dates
 * leave the office's life, or they or the replaced holder's moved end overlap another holder in
 * the same capacity (rule 6), or make the holder (or the holder it replaced) acting and
 * substantive at once (rule 16).
 *
 * @see docs/reference/domain.md rules 6, 9, 14 and 16
 */
function correct({ data }: CorrectOfficeHolding, state: OfficeState, context: OfficeContext) {
  const { officeId, corrects, effectiveOn: from, to, basis } = data;
  const { jurisdiction, recorded = noRecordedEvents } = context;
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, a state not yet established has no officeId, so the second test refuses it too; the first narrows the type
  if (state.status === 'unestablished' || state.officeId !== officeId)
    return left(officeNotFound(officeId));
  if (!jurisdiction.mayChange(basis.issuer, state.authority, basis.signedOn))
    return left(noJurisdiction(officeId, basis.issuer, state.authority, basis.signedOn));
  const event = recorded.get(corrects);
  if (event === undefined) return left(unknownEvent(officeId, corrects));
  const matches = recordedBy(event);
  const target = matches === undefined ? undefined : state.holdings.find(matches);
  if (target === undefined) return left(noHoldingRecordedBy(officeId, corrects, event.type));
  const holding = datesOf(from, to);
  if (!fitsLife(holding, lifeOf(state)))
    return left(correctionOutsideOfficeLife(officeId, holding, lifeOf(state)));
  if (target.from === from && target.to === to) return right([]);
  const { person, capacity } = target;
  const source = instrumentSource(basis);
  const was = datesOf(target.from, target.to);
  const corrected: Event = {
    type: 'OfficeHoldingCorrected',
    data: { officeId, corrects, person, capacity, was, holding, effectiveOn: from, source },
  };
  const replaced =
    from === target.from
      ? undefined
      : state.holdings.find((h) => h.capacity === capacity && h.to === target.from);
  const replacedBy = replaced === undefined ? undefined : lastRecording(recorded, replaced);
  const others = state.holdings.filter(
    (h) => h !== target && h.capacity === capacity && (h !== replaced || replacedBy === undefined),
  );
  const overlapped =
    others.find((h) => intersect(datesOf(h.from, h.to), holding)) ??
    // Stryker disable next-line ConditionalExpression: equivalent, replacedBy is known only for a replaced holding, so `replaced !== undefined` adds nothing but the type's narrowing
    (replaced !== undefined && replacedBy !== undefined && from <= replaced.from
      ? replaced
      : undefined);
  if (overlapped !== undefined)
    return left(holdingsOverlap(officeId, person, capacity, from, overlapped));
  const ownOther = otherCapacityOverlap(state.holdings, person, capacity, holding);
  if (ownOther !== undefined)
    return left(actingAndSubstantiveAtOnce(officeId, person, capacity, from, ownOther));
  const follower = replacedBy === undefined ? undefined : replaced;
  if (follower !== undefined) {
    const followerDates = { from: follower.from, to: from };
    const followerOverlap = others.find((h) => intersect(datesOf(h.from, h.to), followerDates));
    if (followerOverlap !== undefined)
      return left(
        holdingsOverlap(officeId, follower.person, capacity, follower.from, followerOverlap),
      );
    const followerOther = otherCapacityOverlap(
      state.holdings,
      follower.person,
      capacity,
      followerDates,
    );
    if (followerOther !== undefined)
      return left(
        actingAndSubstantiveAtOnce(
          officeId,
          follower.person,
          capacity,
          follower.from,
          followerOther,
        ),
      );
  }
  const outrun = actingRunningPast(
    state.holdings,
    state.holdings.map((h) =>
      h === target ? { person, capacity, ...holding } : h === follower ? { ...h, to: from } : h,
    ),
  );
  if (outrun !== undefined) return left(actingOutlastsAppointment(officeId, ...outrun));
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, follower is undefined exactly when replacedBy is (a recording is looked up only for a replaced holding); the second test narrows replacedBy's type
  if (follower === undefined || replacedBy === undefined) return right([corrected]);
  const follows: Event = {
    type: 'OfficeHoldingCorrected',
    data: {
      officeId,
      corrects: replacedBy,
      person: follower.person,
      capacity,
      was: datesOf(follower.from, follower.to),
      holding: { from: follower.from, to: from },
      effectiveOn: follower.from,
      source,
    },
  };
  return right([follows, corrected]);
}

/** Decides a command against an office's state: a refusal, or the events to record. */
export function decide(command: Command, state: OfficeState, context: OfficeContext): Decision {
  switch (command.type) {
    case 'EstablishOffice':
      return establish(command, state, context);
    case 'RenameOffice':
      return governed(command, state, context, rename);
    case 'AppointOfficeHolder':
      return governed(command, state, context, appoint);
    case 'EndOfficeHolding':
      return governed(command, state, context, end);
    case 'AbolishOffice':
      return governed(command, state, context, abolish);
    case 'CorrectOfficeHolding':
      return correct(command, state, context);
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
