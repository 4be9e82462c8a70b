/**
 * The naive bitemporal oracle. A question `(on, knownAt)` is answered by folding, from the raw
 * log, only the events recorded at or before `knownAt`, each stream with the core's own `evolve`,
 * and asking the folded states about the valid date `on` with the core's own queries
 * (`activeSeatsOn`, `dutiesOn`, `nameOn`, `nameHistory`, `Office.resolveSeatHolder`). It is slow
 * on purpose and obviously right; every read model is proven equal to it.
 *
 * @see DOMAIN.md rule 11 and "Time"
 */
import { Body, Office, contains } from '@mandate/core';
import type { BodyId, CalendarDate, Instant, OfficeId } from '@mandate/core';
import type { StoredEvent } from '@mandate/eventstore';
import { decodeReadSideOrThrow } from './decode.js';
import type { BodyView, ReadModelQueries, RosterSeat } from './views.js';

/** Every body and office state folded from the events recorded at or before `knownAt`. */
interface Known {
  readonly bodies: ReadonlyMap<BodyId, Body.State>;
  readonly offices: ReadonlyMap<OfficeId, Office.OfficeState>;
}

function foldKnown(log: ReadonlyArray<StoredEvent>, knownAt: Instant | undefined): Known {
  const bodies = new Map<BodyId, Body.State>();
  const offices = new Map<OfficeId, Office.OfficeState>();
  for (const stored of log) {
    if (knownAt !== undefined && stored.recordedAt > knownAt) continue;
    const decoded = decodeReadSideOrThrow(stored);
    if (decoded.aggregate === 'body') {
      const id = decoded.event.data.bodyId;
      bodies.set(id, Body.evolve(bodies.get(id) ?? Body.initialState, decoded.event));
    } else if (decoded.aggregate === 'office') {
      const id = decoded.event.data.officeId;
      offices.set(id, Office.decider.evolve(offices.get(id) ?? Office.initialState, decoded.event));
    }
  }
  return { bodies, offices };
}

function viewOf(state: Body.EstablishedBody, on: CalendarDate): BodyView {
  const name = Body.nameOn(state, on);
  return {
    bodyId: state.bodyId,
    kind: state.kind,
    authority: state.authority,
    ...(state.purpose === undefined ? {} : { purpose: state.purpose }),
    establishedOn: state.establishedOn,
    status:
      on < state.establishedOn
        ? 'not-yet-established'
        : contains(Body.bodyLife(state), on)
          ? 'active'
          : 'ended',
    ...(name === undefined ? {} : { name }),
    names: Body.nameHistory(state),
    predecessors: state.origin.kind === 'reorganisation' ? state.origin.predecessors : [],
    ...(state.status === 'ended'
      ? {
          end: {
            on: state.endedOn,
            reason: state.endReason,
            successors: state.successors,
            ...(state.reorganisationId === undefined
              ? {}
              : { reorganisationId: state.reorganisationId }),
          },
        }
      : {}),
    absorptions: state.absorptions,
  };
}

/**
 * The oracle over a log (every stored event, in position order): answers each question by
 * folding the events recorded at or before `knownAt` from scratch.
 */
export function createOracle(log: ReadonlyArray<StoredEvent>): ReadModelQueries {
  const bodyNow = (bodyId: BodyId, on: CalendarDate, knownAt?: Instant): BodyView | undefined => {
    const state = foldKnown(log, knownAt).bodies.get(bodyId);
    return state === undefined || state.status === 'unestablished' ? undefined : viewOf(state, on);
  };
  return {
    roster: (bodyId, on, knownAt) => {
      const known = foldKnown(log, knownAt);
      const state = known.bodies.get(bodyId) ?? Body.initialState;
      return Promise.resolve(
        Body.activeSeatsOn(state, on).map((seat): RosterSeat => ({
          ...seat,
          occupant:
            seat.holder === null
              ? null
              : Office.resolveSeatHolder(seat.holder, (id) => known.offices.get(id), on),
        })),
      );
    },
    duties: (bodyId, on, knownAt) =>
      Promise.resolve(
        Body.dutiesOn(foldKnown(log, knownAt).bodies.get(bodyId) ?? Body.initialState, on),
      ),
    body: (bodyId, on, knownAt) => Promise.resolve(bodyNow(bodyId, on, knownAt)),
    bodies: (on, knownAt) =>
      Promise.resolve(
        [...foldKnown(log, knownAt).bodies.values()]
          .flatMap((state) => (state.status === 'unestablished' ? [] : [viewOf(state, on)]))
          .sort((a, b) => (a.bodyId < b.bodyId ? -1 : a.bodyId > b.bodyId ? 1 : 0)),
      ),
  };
}
