/**
 * One attempt at a command: load the streams it touches (and, where jurisdiction matters, the
 * authority registry), fold them, decide, and turn the decided events into one atomic append
 * whose expected revisions are the revisions just read. Every stream read but not written — the
 * registry, the offices and persons a command names — is a read expectation of that append, so a
 * change to it committed before the append makes the append conflict. A body decision that first
 * makes a body follow an office also writes the office's index of followers, and a command
 * changing an office's holders reads that index and the bodies it lists (rule 20). Nothing is
 * written here.
 *
 * @see docs/reference/domain.md rules 9, 10, 17 and 20
 */
import { isLeft, isRight, left, right, type Either } from 'fp-ts/Either';
import {
  Authority,
  Body,
  Instrument,
  Office,
  Reorganisation,
  Seating,
  establishmentWithdrawn,
  fold,
  identityWithdrawn,
  type BodyId,
  type EstablishedKind,
  type EventsWithdrawn,
  type Jurisdiction,
  type RecordedEvents,
} from '@mandate/core';
import type { ReadExpectation, StreamAppend } from '@mandate/eventstore';
import {
  authorityAggregate,
  bodyAggregate,
  followersAggregate,
  instrumentAggregate,
  officeAggregate,
  personAggregate,
  type DomainEvent,
  type EventVersionsOf,
} from './aggregates.js';
import type { RoutedCommand } from './command.js';
import type { Stamp } from './stamp.js';
import type { LoadFailure, Loaded, StreamRevision } from './load.js';
import type { Loaders } from './loaders.js';
import { streamAppend } from './new-events.js';
import { decideAnnulmentCommand } from './annulment.js';
import { readSet } from './read-set.js';
import {
  followersAppends,
  officeSeatingRefusal,
  seatingRefusal,
  type BodyDecided,
} from './seating.js';
import type { AnyRefusal } from './result.js';
import {
  AUTHORITIES_STREAM,
  INSTRUMENTS_STREAM,
  bodyStream,
  officeStream,
  personStream,
} from './streams.js';

/** The append a decision makes, before the streams it relies on are known. */
interface Appends {
  readonly _tag: 'Decided';
  readonly appends: ReadonlyArray<StreamAppend>;
  /** How many events the append carries over all its streams. */
  readonly events: number;
}

/** A refused command: nothing to append. */
interface Refusing {
  readonly _tag: 'Refused';
  readonly refusal: AnyRefusal;
}

/** What deciding a command came to: a refusal, or the append to make (empty: nothing to do). */
export type Decision =
  | Refusing
  | (Appends & {
      /** The streams read and not written, expected where they were read (rule 17). */
      readonly expectations: ReadonlyArray<ReadExpectation>;
    });

/** A decision before its read expectations are added. */
type Decided = Refusing | Appends;

/** One stream's decided events, before they are stamped. */
interface StreamEvents<Event extends DomainEvent> {
  readonly stream: string;
  readonly revision: StreamRevision;
  readonly events: ReadonlyArray<Event>;
}

/** The decision for a command whose events, if any, go to streams of one aggregate. */
function decisionOf<Event extends DomainEvent>(
  outcome: Either<AnyRefusal, ReadonlyArray<StreamEvents<Event>>>,
  versions: EventVersionsOf<Event>,
  stamp: Stamp,
): Decided {
  if (isLeft(outcome)) return { _tag: 'Refused', refusal: outcome.left };
  const written = outcome.right.filter((part) => part.events.length > 0);
  return {
    _tag: 'Decided',
    appends: written.map(({ stream, revision, events }) =>
      streamAppend(stream, revision, stamp(events, versions)),
    ),
    events: written.reduce((sum, part) => sum + part.events.length, 0),
  };
}

/** The decision for a command to one stream. */
const oneStream = <Event extends DomainEvent>(
  stream: string,
  revision: StreamRevision,
  decided: Either<AnyRefusal, ReadonlyArray<Event>>,
  versions: EventVersionsOf<Event>,
  stamp: Stamp,
): Decided =>
  decisionOf(
    isLeft(decided) ? decided : right([{ stream, revision, events: decided.right }]),
    versions,
    stamp,
  );

/**
 * A body decision with the entries it adds to the indexes of the offices it makes a body follow
 * (rule 20), appended together: a refusal or an empty decision stays as it is.
 */
async function withFollowers(
  decided: Decided,
  bodies: ReadonlyArray<BodyDecided>,
  loaders: Loaders,
  stamp: Stamp,
): Promise<Either<LoadFailure, Decided>> {
  if (decided._tag === 'Refused' || decided.appends.length === 0) return right(decided);
  const followers = await followersAppends(bodies, loaders);
  if (isLeft(followers)) return followers;
  const index = followers.right.map(({ stream, revision, events }) =>
    streamAppend(stream, revision, stamp(events, followersAggregate.versions)),
  );
  return right({
    _tag: 'Decided',
    appends: [...decided.appends, ...index],
    events: decided.events + followers.right.reduce((sum, part) => sum + part.events.length, 0),
  });
}

/**
 * The refusal of establishing `id` of `kind` on a stream loaded as `loaded`, if an annulment
 * withdrew the establishment that began it: the id stays taken (rule 14).
 */
const withdrawnIdentity = (
  kind: EstablishedKind,
  id: string,
  loaded: Loaded<unknown>,
): Refusing | undefined =>
  loaded.establishmentWithdrawn === undefined
    ? undefined
    : { _tag: 'Refused', refusal: identityWithdrawn(kind, id, loaded.establishmentWithdrawn) };

/** The refusal each kind's decider gives a command on an id that is not established. */
const NOT_ESTABLISHED: Readonly<Record<EstablishedKind, AnyRefusal['_tag']>> = {
  body: 'NotEstablished',
  office: 'OfficeNotFound',
  person: 'PersonNotFound',
};

/**
 * `decided`, unless the decider refused `id` of `kind` as not established because an annulment
 * withdrew its establishment: then the refusal that says so (rule 14).
 */
function toldWithdrawn<Events>(
  kind: EstablishedKind,
  id: string,
  withdrawal: EventsWithdrawn | undefined,
  decided: Either<AnyRefusal, Events>,
): Either<AnyRefusal, Events> {
  if (withdrawal === undefined || isRight(decided)) return decided;
  return decided.left._tag === NOT_ESTABLISHED[kind]
    ? left(establishmentWithdrawn(kind, id, withdrawal))
    : decided;
}

/**
 * A reorganisation's refusal, unless it refused a body as not active because an annulment withdrew
 * that body's establishment: then the refusal that says so (rule 14).
 */
function toldWithdrawnBody(
  refusal: AnyRefusal,
  withdrawals: ReadonlyMap<BodyId, EventsWithdrawn>,
): AnyRefusal {
  if (refusal._tag !== 'NotActiveOnDate') return refusal;
  const withdrawal = withdrawals.get(refusal.bodyId);
  return withdrawal === undefined
    ? refusal
    : establishmentWithdrawn('body', refusal.bodyId, withdrawal);
}

/** The context of body and office decisions: who may change what (docs/reference/domain.md rule 9). */
interface JurisdictionContext {
  readonly jurisdiction: Jurisdiction;
}

/** The jurisdiction every body and office decision is judged by, from the registry. */
async function jurisdictionContext(
  loaders: Loaders,
): Promise<Either<LoadFailure, JurisdictionContext>> {
  const registry = await loaders.loadAuthorities();
  if (isLeft(registry)) return registry;
  return right({ jurisdiction: Authority.jurisdictionOf(registry.right.state) });
}

/** Decides a reorganisation over every body it touches, each read at its current revision. */
async function decideReorganisation(
  command: Reorganisation.Command,
  loaders: Loaders,
  stamp: Stamp,
): Promise<Either<LoadFailure, Decided>> {
  const context = await jurisdictionContext(loaders);
  if (isLeft(context)) return context;
  const states = new Map<BodyId, Body.State>();
  const revisions = new Map<BodyId, StreamRevision>();
  const withdrawals = new Map<BodyId, EventsWithdrawn>();
  const started = new Set(Reorganisation.bodiesStarted(command));
  for (const bodyId of new Set(Reorganisation.bodiesTouched(command))) {
    const loaded = await loaders.loadBody(bodyId);
    if (isLeft(loaded)) return loaded;
    const withdrawn = started.has(bodyId)
      ? withdrawnIdentity('body', bodyId, loaded.right)
      : undefined;
    if (withdrawn !== undefined) return right(withdrawn);
    const { state, revision, establishmentWithdrawn: withdrawal } = loaded.right;
    states.set(bodyId, state);
    revisions.set(bodyId, revision);
    if (withdrawal !== undefined) withdrawals.set(bodyId, withdrawal);
  }
  const decided = Reorganisation.decide(command, states, context.right);
  if (isLeft(decided))
    return right({ _tag: 'Refused', refusal: toldWithdrawnBody(decided.left, withdrawals) });
  const seating = await seatingRefusal(
    decided.right.map(({ bodyId, events }) => ({
      state: states.get(bodyId) ?? Body.initialState,
      events,
    })),
    loaders,
  );
  if (isLeft(seating)) return seating;
  if (seating.right !== undefined) return right({ _tag: 'Refused', refusal: seating.right });
  const streams = decided.right.map(({ bodyId, events }) => {
    const revision = revisions.get(bodyId);
    if (revision === undefined)
      throw new Error(`The reorganisation wrote to unread body ${bodyId}`);
    return { stream: bodyStream(bodyId), revision, events };
  });
  return withFollowers(
    decisionOf(right(streams), bodyAggregate.versions, stamp),
    decided.right.map(({ bodyId, events }) => ({
      state: states.get(bodyId) ?? Body.initialState,
      events,
    })),
    loaders,
    stamp,
  );
}

/**
 * Why the instrument a command cites does not stand against the registry, if it does not: it
 * conflicts with the instrument recorded under its key, or misses it by its year (rule 15), or
 * it was annulled ab initio (rule 14). The registry's own commands, and annulments, are checked
 * by their deciders.
 */
async function citationRefusal(
  routed: RoutedCommand,
  loaders: Loaders,
): Promise<Either<LoadFailure, Decided | undefined>> {
  if (
    routed.aggregate === 'instrument' ||
    routed.aggregate === 'annulment' ||
    !('basis' in routed.command.data)
  )
    return right(undefined);
  const registry = await loaders.loadInstruments();
  if (isLeft(registry)) return registry;
  const { basis } = routed.command.data;
  const checked = Instrument.checkCitation(registry.right.state, basis);
  if (isLeft(checked)) return right({ _tag: 'Refused', refusal: checked.left });
  const standing = Instrument.checkNotAnnulled(registry.right.state, basis);
  return right(isLeft(standing) ? { _tag: 'Refused', refusal: standing.left } : undefined);
}

/**
 * Loads what a command needs and decides it: a refusal, or the append to make, relying on every
 * stream it read and does not write.
 *
 * @see docs/reference/domain.md rule 17
 */
export async function decideCommand(
  routed: RoutedCommand,
  loaders: Loaders,
  stamp: Stamp,
): Promise<Either<LoadFailure, Decision>> {
  const reads = readSet(loaders);
  const decided = await decideOn(routed, reads.loaders, stamp);
  if (isLeft(decided)) return decided;
  if (decided.right._tag === 'Refused') return right(decided.right);
  return right({ ...decided.right, expectations: reads.expectationsBeside(decided.right.appends) });
}

/** Loads what a command needs through `loaders` and decides it. */
async function decideOn(
  routed: RoutedCommand,
  loaders: Loaders,
  stamp: Stamp,
): Promise<Either<LoadFailure, Decided>> {
  const cited = await citationRefusal(routed, loaders);
  if (isLeft(cited)) return cited;
  if (cited.right !== undefined) return right(cited.right);
  switch (routed.aggregate) {
    case 'authority': {
      const registry = await loaders.loadAuthorities();
      if (isLeft(registry)) return registry;
      const { state, revision } = registry.right;
      const decided = authorityAggregate.decider.decide(routed.command, state, undefined);
      return right(
        oneStream(AUTHORITIES_STREAM, revision, decided, authorityAggregate.versions, stamp),
      );
    }
    case 'instrument': {
      const registry = await loaders.loadInstruments();
      if (isLeft(registry)) return registry;
      const { state, revision } = registry.right;
      const decided = instrumentAggregate.decider.decide(routed.command, state, undefined);
      return right(
        oneStream(INSTRUMENTS_STREAM, revision, decided, instrumentAggregate.versions, stamp),
      );
    }
    case 'office': {
      const context = await jurisdictionContext(loaders);
      if (isLeft(context)) return context;
      const { officeId } = routed.command.data;
      const office = await loaders.loadOfficeWithEvents(officeId);
      if (isLeft(office)) return office;
      const withdrawn =
        routed.command.type === 'EstablishOffice'
          ? withdrawnIdentity('office', officeId, office.right)
          : undefined;
      if (withdrawn !== undefined) return right(withdrawn);
      const { state, revision, recorded, establishmentWithdrawn: withdrawal } = office.right;
      const decided = toldWithdrawn(
        'office',
        officeId,
        withdrawal,
        officeAggregate.decider.decide(routed.command, state, { ...context.right, recorded }),
      );
      if (isRight(decided) && Seating.changesWhoHolds(decided.right)) {
        const after = fold(Office.decider, decided.right, state);
        const seating = await officeSeatingRefusal(officeId, after, loaders);
        if (isLeft(seating)) return seating;
        if (seating.right !== undefined) return right({ _tag: 'Refused', refusal: seating.right });
      }
      return right(
        oneStream(officeStream(officeId), revision, decided, officeAggregate.versions, stamp),
      );
    }
    case 'person': {
      const { personId } = routed.command.data;
      const person = await loaders.loadPersonWithEvents(personId);
      if (isLeft(person)) return person;
      const withdrawn =
        routed.command.type === 'RegisterPerson'
          ? withdrawnIdentity('person', personId, person.right)
          : undefined;
      if (withdrawn !== undefined) return right(withdrawn);
      const { state, revision, recorded, establishmentWithdrawn: withdrawal } = person.right;
      const decided = toldWithdrawn(
        'person',
        personId,
        withdrawal,
        personAggregate.decider.decide(routed.command, state, { recorded }),
      );
      return right(
        oneStream(personStream(personId), revision, decided, personAggregate.versions, stamp),
      );
    }
    case 'body': {
      const context = await jurisdictionContext(loaders);
      if (isLeft(context)) return context;
      const { bodyId } = routed.command.data;
      // Only a correction names events by id (rule 14); other commands fold the stream alone.
      const body =
        routed.command.type === 'CorrectBodyRecord'
          ? await loaders.loadBodyWithEvents(bodyId)
          : await loaders.loadBody(bodyId);
      if (isLeft(body)) return body;
      const withdrawn =
        routed.command.type === 'EstablishBody'
          ? withdrawnIdentity('body', bodyId, body.right)
          : undefined;
      if (withdrawn !== undefined) return right(withdrawn);
      const loaded: Loaded<Body.State> & { readonly recorded?: RecordedEvents<Body.Event> } =
        body.right;
      const { state, revision, recorded, establishmentWithdrawn: withdrawal } = loaded;
      const decided = toldWithdrawn(
        'body',
        bodyId,
        withdrawal,
        bodyAggregate.decider.decide(routed.command, state, {
          ...context.right,
          ...(recorded === undefined ? {} : { recorded }),
        }),
      );
      if (isRight(decided)) {
        const seating = await seatingRefusal([{ state, events: decided.right }], loaders);
        if (isLeft(seating)) return seating;
        if (seating.right !== undefined) return right({ _tag: 'Refused', refusal: seating.right });
      }
      const decision = oneStream(
        bodyStream(bodyId),
        revision,
        decided,
        bodyAggregate.versions,
        stamp,
      );
      return isLeft(decided)
        ? right(decision)
        : withFollowers(decision, [{ state, events: decided.right }], loaders, stamp);
    }
    case 'reorganisation':
      return decideReorganisation(routed.command, loaders, stamp);
    case 'annulment':
      return decideAnnulmentCommand(routed.command, loaders, stamp);
    default: {
      const _exhaustive: never = routed;
      return _exhaustive;
    }
  }
}
