/**
 * The naive oracle of the questions about authorities: the registry and the bodies folded from
 * the raw log (the events recorded at or before the instant asked, without those an annulment
 * recorded by then withdrew) with the core's own `evolve`,
 * then asked with the core's own jurisdiction walks (`currentAuthorityOf`, `ancestorsOf`),
 * `Body.authorityOn` and `Authority.orphanedBodies`. Slow on purpose; every read model is proven
 * equal to it.
 *
 * @see docs/reference/domain.md rule 11 and "Authorities change too"
 */
import { Authority, Body, contains, isCalendarDate, isInstant } from '@mandate/core';
import type { AuthorityId, BodyId, CalendarDate, Instant } from '@mandate/core';
import type { StoredEvent } from '@mandate/eventstore';
import * as E from 'fp-ts/Either';
import type { AuthorityQueries, OrphanView } from './authority-views.js';
import { decodeReadSideOrThrow } from './decode.js';
import { standingKnown } from './oracle-log.js';
import type { InvalidQuery } from './query-errors.js';

/**
 * The registry and every established body, folded from the events recorded by `knownAt`, without
 * those an annulment recorded by then withdrew.
 */
function foldKnown(log: ReadonlyArray<StoredEvent>, knownAt: Instant | undefined) {
  let registry = Authority.initialState;
  const bodies = new Map<BodyId, Body.State>();
  for (const stored of standingKnown(log, knownAt)) {
    const decoded = decodeReadSideOrThrow(stored);
    if (decoded.aggregate === 'authority')
      registry = Authority.decider.evolve(registry, decoded.event);
    else if (decoded.aggregate === 'body') {
      const id = decoded.event.data.bodyId;
      bodies.set(id, Body.evolve(bodies.get(id) ?? Body.initialState, decoded.event));
    }
  }
  const established = [...bodies.values()]
    .filter((state): state is Body.EstablishedBody => state.status !== 'unestablished')
    .sort((a, b) => (a.bodyId < b.bodyId ? -1 : 1));
  return { registry, bodies: established };
}

/** `answer()` when `on` is a real date and `knownAt` (when given) a real instant. */
function checked<L, A>(
  on: CalendarDate,
  knownAt: Instant | undefined,
  answer: () => E.Either<L, A>,
): Promise<E.Either<InvalidQuery | L, A>> {
  if (!isCalendarDate(on))
    return Promise.resolve(E.left({ _tag: 'InvalidQuery', argument: 'on', value: on }));
  if (knownAt !== undefined && !isInstant(knownAt))
    return Promise.resolve(E.left({ _tag: 'InvalidQuery', argument: 'knownAt', value: knownAt }));
  return Promise.resolve(answer());
}

/** The questions about authorities, answered from the raw log. */
export function createAuthorityOracle(log: ReadonlyArray<StoredEvent>): AuthorityQueries {
  const standingOf = (
    registry: Authority.RegistryState,
    body: Body.EstablishedBody,
    on: CalendarDate,
  ) => {
    const authority = Body.authorityOn(body, on);
    const standing = Authority.currentAuthorityOf(registry, authority, on) ?? authority;
    const record = Authority.authorityOf(registry, standing);
    return {
      authority,
      standing,
      orphaned: record === undefined || !Authority.isActiveOn(record, on),
    };
  };
  return {
    jurisdiction: (bodyId, on, knownAt) =>
      checked(on, knownAt, () => {
        const { registry, bodies } = foldKnown(log, knownAt);
        const body = bodies.find((state) => state.bodyId === bodyId);
        if (body === undefined)
          return E.left({
            _tag: 'UnknownBody',
            bodyId,
            ...(knownAt === undefined ? {} : { knownAt }),
          });
        const { authority, standing, orphaned } = standingOf(registry, body, on);
        const above = Authority.ancestorsOf(registry, standing, on);
        return E.right({ bodyId, authority, standing, orphaned, above });
      }),
    bodiesUnder: (authorityId, on, knownAt) =>
      checked(on, knownAt, () => {
        const { registry, bodies } = foldKnown(log, knownAt);
        if (Authority.authorityOf(registry, authorityId) === undefined)
          return E.left({
            _tag: 'UnknownAuthority',
            authorityId,
            ...(knownAt === undefined ? {} : { knownAt }),
          });
        return E.right(
          bodies
            .filter(
              (body) =>
                contains(Body.bodyLife(body), on) &&
                standingOf(registry, body, on).standing === authorityId,
            )
            .map((body) => body.bodyId),
        );
      }),
    orphanedBodies: (on, knownAt) =>
      checked(on, knownAt, () => {
        const { registry, bodies } = foldKnown(log, knownAt);
        return E.right(
          Authority.orphanedBodies(registry, bodies, on).map((orphan): OrphanView => ({
            bodyId: orphan.bodyId,
            authority: orphan.authority as AuthorityId,
            standing: orphan.standing,
            ...(orphan.endedOn === undefined ? {} : { endedOn: orphan.endedOn }),
          })),
        );
      }),
  };
}
