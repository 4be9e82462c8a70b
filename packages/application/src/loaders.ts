/**
 * Loaders of folded states, for the handler and for read-side use (examples, checks, simple read
 * models): each reads one stream and returns its state with the stream's revision. A body, office
 * or person event that contradicts its stream is a `CorruptEvent`, not folded.
 */
import type { Either } from 'fp-ts/Either';
import {
  Body,
  Office,
  Person,
  type Authority,
  type Seating,
  type BodyId,
  type Instrument,
  type InstrumentKey,
  type OfficeId,
  type PersonId,
} from '@mandate/core';
import {
  bodyAggregate,
  followersAggregate,
  instrumentAggregate,
  officeAggregate,
  personAggregate,
} from './aggregates.js';
import {
  loadStream,
  loadStreamWithEvents,
  type Contradiction,
  type EventSource,
  type LoadFailure,
  type Loaded,
  type LoadedWithEvents,
} from './load.js';
import { loadCitingStreams, type LoadedCitingStream } from './citing-streams.js';
import { createRegistryCache } from './registry-cache.js';
import {
  INSTRUMENTS_STREAM,
  bodyStream,
  followersStream,
  officeStream,
  personStream,
} from './streams.js';

/** A loader's answer: the folded state and the stream's revision, or why it could not load. */
export type LoadResult<State> = Either<LoadFailure, Loaded<State>>;

/** Loaders of every aggregate's folded state. */
export interface Loaders {
  /** The state of one body, folded from `body-<bodyId>`. */
  readonly loadBody: (bodyId: BodyId) => Promise<LoadResult<Body.State>>;
  /** The state of one office, folded from `office-<officeId>`. */
  readonly loadOffice: (officeId: OfficeId) => Promise<LoadResult<Office.OfficeState>>;
  /** The bodies following one office, folded from its index `seats-of-office-<officeId>`. */
  readonly loadFollowers: (officeId: OfficeId) => Promise<LoadResult<Seating.FollowersState>>;
  /** The state of one person's record, folded from `person-<personId>`. */
  readonly loadPerson: (personId: PersonId) => Promise<LoadResult<Person.PersonState>>;
  /** The authority registry, folded from `authorities` (cached, read incrementally). */
  readonly loadAuthorities: () => Promise<LoadResult<Authority.RegistryState>>;
  /** The instrument registry, folded from `instruments`. */
  readonly loadInstruments: () => Promise<LoadResult<Instrument.RegistryState>>;
  /** The state of one office with its events by id, for a correction to name (rule 14). */
  readonly loadOfficeWithEvents: (
    officeId: OfficeId,
  ) => Promise<Either<LoadFailure, LoadedWithEvents<Office.OfficeState, Office.Event>>>;
  /** The state of one person's record with its events by id, for a name correction to name. */
  readonly loadPersonWithEvents: (
    personId: PersonId,
  ) => Promise<Either<LoadFailure, LoadedWithEvents<Person.PersonState, Person.Event>>>;
  /** The state of one body with its events by id, for a correction to name (rule 14). */
  readonly loadBodyWithEvents: (
    bodyId: BodyId,
  ) => Promise<Either<LoadFailure, LoadedWithEvents<Body.State, Body.Event>>>;
  /** Every stream holding an event that cites the instrument of `key`, for its annulment (rule 14). */
  readonly loadCitingStreams: (
    key: InstrumentKey,
  ) => Promise<Either<LoadFailure, ReadonlyArray<LoadedCitingStream>>>;
}

/** Whether an office event fits the stream of `officeId`. */
const officeFit =
  (officeId: OfficeId): Contradiction<Office.Event> =>
  (event, first) =>
    Office.contradiction(event, officeId, first);

/** Whether a person event fits the stream of `personId`. */
const personFit =
  (personId: PersonId): Contradiction<Person.Event> =>
  (event, first) =>
    Person.contradiction(event, personId, first);

/** Whether a body event fits the stream of `bodyId`. */
const bodyFit =
  (bodyId: BodyId): Contradiction<Body.Event> =>
  (event, first) =>
    Body.contradiction(event, bodyId, first);

/** Creates the loaders over one store; the registry is cached by these loaders only. */
export function createLoaders(source: EventSource): Loaders {
  return {
    loadBody: (bodyId) =>
      loadStream(source, bodyAggregate, bodyStream(bodyId), undefined, bodyFit(bodyId)),
    loadOffice: (officeId) =>
      loadStream(source, officeAggregate, officeStream(officeId), undefined, officeFit(officeId)),
    loadFollowers: (officeId) => loadStream(source, followersAggregate, followersStream(officeId)),
    loadPerson: (personId) =>
      loadStream(source, personAggregate, personStream(personId), undefined, personFit(personId)),
    loadAuthorities: createRegistryCache(source),
    loadInstruments: () => loadStream(source, instrumentAggregate, INSTRUMENTS_STREAM),
    loadOfficeWithEvents: (officeId) =>
      loadStreamWithEvents(
        source,
        officeAggregate,
        officeStream(officeId),
        undefined,
        officeFit(officeId),
      ),
    loadPersonWithEvents: (personId) =>
      loadStreamWithEvents(
        source,
        personAggregate,
        personStream(personId),
        undefined,
        personFit(personId),
      ),
    loadBodyWithEvents: (bodyId) =>
      loadStreamWithEvents(source, bodyAggregate, bodyStream(bodyId), undefined, bodyFit(bodyId)),
    loadCitingStreams: (key) => loadCitingStreams(source, key),
  };
}
