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
 * serve beside a substantive one (standing in during an absence). Rule 9: only the office's
 * authority, its successor or an authority above may change it, judged on the instrument's
 * signing date.
 *
 * @see docs/reference/domain.md rule 6
 * @see docs/reference/domain.md rule 9
 * @see docs/reference/domain.md rule 16
 */
import { left, right, type Either } from 'fp-ts/Either';
import {
  instrumentSource,
  maxDate,
  sameName,
  type CalendarDate,
  type Jurisdiction,
  type OfficeId,
  type Source,
} from '../kernel/index.js';
import type {
  AbolishOffice,
  AppointOfficeHolder,
  Command,
  EndOfficeHolding,
  EstablishOffice,
  RenameOffice,
} from './commands.js';
import type { Event } from './events.js';
import {
  abolitionTooEarly,
  actingAndSubstantiveAtOnce,
  actingOutlastsAppointment,
  endNotAfterStart,
  holdingAlreadyEnded,
  holdingsOverlap,
  noJurisdiction,
  noSuchHolding,
  officeAlreadyAbolished,
  officeAlreadyEstablished,
  officeNotFound,
  outsideOfficeLife,
  type Refusal,
} from './refusals.js';
import { nameOn, type EstablishedOffice, type Holding, type OfficeState } from './state.js';

/** The pure facts an office decision needs from elsewhere: who has jurisdiction over whom. */
export interface OfficeContext {
  readonly jurisdiction: Jurisdiction;
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
    .flatMap((holding) => (holding.to === undefined ? [] : [holding.to]))
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
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
