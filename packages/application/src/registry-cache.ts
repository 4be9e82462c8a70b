/**
 * The folded authority registry, kept between commands. Every command to a body or an office
 * needs it (its jurisdiction decides who may change what, docs/reference/domain.md rule 9), and the registry
 * changes rarely: so it is folded once, then each load reads only the events appended after the
 * revision already folded — also those appended by other processes sharing the store.
 *
 * @see docs/reference/domain.md rule 9
 */
import { isRight, type Either } from 'fp-ts/Either';
import { authorityAggregate } from './aggregates.js';
import type { Authority } from '@mandate/core';
import { loadStream, type EventSource, type LoadFailure, type Loaded } from './load.js';
import { AUTHORITIES_STREAM } from './streams.js';

/** Loads the authority registry, up to date with the store. */
export type RegistryLoader = () => Promise<Either<LoadFailure, Loaded<Authority.RegistryState>>>;

const isNewer = (loaded: Loaded<unknown>, known: Loaded<unknown> | undefined): boolean =>
  known === undefined ||
  (loaded.revision !== 'no-stream' &&
    (known.revision === 'no-stream' || loaded.revision > known.revision));

/** A registry loader that folds only the events it has not folded yet. */
export function createRegistryCache(source: EventSource): RegistryLoader {
  let known: Loaded<Authority.RegistryState> | undefined;
  return async () => {
    const loaded = await loadStream(source, authorityAggregate, AUTHORITIES_STREAM, known);
    // Concurrent loads may finish out of order: keep the most advanced registry.
    if (isRight(loaded) && isNewer(loaded.right, known)) known = loaded.right;
    return loaded;
  };
}
