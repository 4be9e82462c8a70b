/**
 * Maps the clients' errors into what the adapter acts on, in one place. Errors are recognised by
 * the client's `type` field (the same strings in `@eventstore/db-client` 6.2 and
 * `@kurrent/kurrentdb-client` 1.3), never by `instanceof` (two copies of a class may be loaded)
 * and never by message text (a wrong-version error's message can be empty).
 *
 * A wrong-expected-version error is only ever a signal that "the stream was not where the append
 * expected": the expected and current revisions it carries are never trusted (servers and
 * clients have reported them wrongly), so the adapter reads the stream again to learn where it is.
 */
import { storeUnavailable, type StoreUnavailable } from '@mandate/eventstore';

/** What a client error means to the adapter. */
export type ClientFailure =
  /** The stream was not at the expected revision: read it again before deciding anything. */
  | { readonly _tag: 'WrongExpectedVersion' }
  /** A read of a stream that has no events. */
  | { readonly _tag: 'StreamNotFound' }
  /** The stream was deleted (tombstoned) outside the adapter: it can never be written again. */
  | { readonly _tag: 'StreamDeleted' }
  /** Anything else: the store could not do it now, or at all. */
  | { readonly _tag: 'Unavailable'; readonly error: StoreUnavailable };

/** Client error types after which trying again may succeed (the outcome may be unknown). */
const RETRYABLE = new Set([
  'unavailable',
  'not-leader',
  'deadline-exceeded',
  'timeout',
  'cancelled',
]);

const typeOf = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const type = (error as { readonly type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
};

/** Classifies anything a client call rejected with. */
export function classifyClientError(error: unknown): ClientFailure {
  const type = typeOf(error);
  switch (type) {
    case 'wrong-expected-version':
      return { _tag: 'WrongExpectedVersion' };
    case 'stream-not-found':
      return { _tag: 'StreamNotFound' };
    case 'stream-deleted':
      return { _tag: 'StreamDeleted' };
    default:
      return {
        _tag: 'Unavailable',
        error: storeUnavailable(
          `The event store failed${type === undefined ? '' : ` (${type})`}`,
          type !== undefined && RETRYABLE.has(type),
          error,
        ),
      };
  }
}

/** The {@link StoreUnavailable} a failure amounts to where the adapter expected none of it. */
export function unexpected(failure: ClientFailure, doing: string): StoreUnavailable {
  switch (failure._tag) {
    case 'Unavailable':
      return failure.error;
    case 'WrongExpectedVersion':
      return storeUnavailable(`${doing}: another writer got in the way; try again`, true);
    case 'StreamNotFound':
      return storeUnavailable(`${doing}: a stream the adapter wrote is missing`, false);
    case 'StreamDeleted':
      return storeUnavailable(`${doing}: a stream was deleted outside the adapter`, false);
  }
}
