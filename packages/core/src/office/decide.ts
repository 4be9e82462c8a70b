/**
 * Decides commands to an office. Rule 6: an office has at most one substantive and at most one
 * acting holder at a time. Appointing someone while an open holding of the same capacity began
 * strictly earlier ends that holding on the same date, in the same decision ("X replaces Y";
 * re-appointing the holder for a new term does the same); recording the same appointment again
 * is nothing to do; any other overlap, retroactive appointments included, is refused. Everything lies within the
 * office's life; abolishing it ends its open holdings. Rule 9: only the office's authority, its
 * successor or an authority above may change it, judged on the instrument's signing date.
 *
 * @see docs/reference/domain.md rule 6
 * @see docs/reference/domain.md rule 9
 */
import { left, right, type Either } from 'fp-ts/Either';
import { instrumentSource, maxDate, sameName, type Jurisdiction } from '../kernel/index.js';
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
import { nameOn, type EstablishedOffice, type OfficeState } from './state.js';

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
    (holding) => holding !== replaced && (holding.to === undefined || holding.to > effectiveOn),
  );
  if (overlapped !== undefined)
    return left(holdingsOverlap(officeId, person, capacity, effectiveOn, overlapped));
  const appointed: Event = {
    type: 'OfficeHolderAppointed',
    data: { officeId, person, capacity, effectiveOn, source },
  };
  if (replaced === undefined) return right([appointed]);
  const ended: Event = {
    type: 'OfficeHolderEnded',
    data: {
      officeId,
      person: replaced.person,
      capacity,
      since: replaced.from,
      effectiveOn,
      source,
    },
  };
  return right([ended, appointed]);
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
