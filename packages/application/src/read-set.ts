/**
 * The streams one attempt at a command read, and where each stood: loaders that note the
 * revision of every stream they load. What a command read but does not write becomes a read
 * expectation of its append, so a change committed to any of those streams between the read and
 * the append makes the append conflict and the command is decided again on the new state.
 *
 * @see docs/reference/domain.md rule 17
 */
import { isRight, type Either } from 'fp-ts/Either';
import type { ReadExpectation, StreamAppend, StreamName } from '@mandate/eventstore';
import type { LoadFailure, Loaded, StreamRevision } from './load.js';
import type { Loaders } from './loaders.js';
import {
  AUTHORITIES_STREAM,
  INSTRUMENTS_STREAM,
  bodyStream,
  followersStream,
  officeStream,
  personStream,
} from './streams.js';

/** Loaders that remember what they read, and the expectations an append built on it needs. */
export interface ReadSet {
  readonly loaders: Loaders;
  /** Every stream read and not written by `appends`, expected where it was read. */
  readonly expectationsBeside: (
    appends: ReadonlyArray<StreamAppend>,
  ) => ReadonlyArray<ReadExpectation>;
}

/** Wraps `loaders` so that each stream loaded is noted with the revision it was folded at. */
export function readSet(loaders: Loaders): ReadSet {
  const read = new Map<StreamName, StreamRevision>();
  const noting =
    <Args extends ReadonlyArray<unknown>, Result extends Loaded<unknown>>(
      streamOf: (...args: Args) => StreamName,
      load: (...args: Args) => Promise<Either<LoadFailure, Result>>,
    ) =>
    async (...args: Args): Promise<Either<LoadFailure, Result>> => {
      const loaded = await load(...args);
      if (isRight(loaded)) read.set(streamOf(...args), loaded.right.revision);
      return loaded;
    };
  return {
    loaders: {
      loadBody: noting(bodyStream, loaders.loadBody),
      loadOffice: noting(officeStream, loaders.loadOffice),
      loadFollowers: noting(followersStream, loaders.loadFollowers),
      loadPerson: noting(personStream, loaders.loadPerson),
      loadAuthorities: noting(() => AUTHORITIES_STREAM, loaders.loadAuthorities),
      loadInstruments: noting(() => INSTRUMENTS_STREAM, loaders.loadInstruments),
      loadOfficeWithEvents: noting(officeStream, loaders.loadOfficeWithEvents),
      loadBodyWithEvents: noting(bodyStream, loaders.loadBodyWithEvents),
      loadPersonWithEvents: noting(personStream, loaders.loadPersonWithEvents),
      loadCitingStreams: async (key) => {
        const loaded = await loaders.loadCitingStreams(key);
        if (isRight(loaded))
          for (const { stream, revision } of loaded.right) read.set(stream, revision);
        return loaded;
      },
    },
    expectationsBeside: (appends) => {
      const written = new Set(appends.map((part) => part.stream));
      return [...read]
        .filter(([stream]) => !written.has(stream))
        .map(([stream, expectedRevision]) => ({ stream, expectedRevision }));
    },
  };
}
