/**
 * Finding the streams that cite an instrument, for its annulment: a scan of the whole log for
 * events whose source is the instrument (the registry's own stream aside), then a read of each
 * such stream with all its events by id. The indexes of the bodies following each office are left
 * out too: an entry is never withdrawn, since a body the index lists in vain only widens the
 * check of rule 20. Annulments are rare, so a scan is affordable; it stays
 * consistent because each stream found is written at the revision read, and every command citing
 * an instrument reads the registry, where the annulment is appended in the same append.
 *
 * @see docs/reference/domain.md rule 14
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import {
  EventsWithdrawn,
  LegalBasis,
  Source,
  WITHDRAWAL_EVENT_TYPE,
  instrumentKey,
  type EventId,
  type Instrument,
  type InstrumentKey,
} from '@mandate/core';
import { corruptEvent, type StoredEvent, type StreamName } from '@mandate/eventstore';
import type { EventSource, LoadFailure, StreamRevision } from './load.js';
import { FOLLOWERS_STREAM_PREFIX, INSTRUMENTS_STREAM } from './streams.js';

/** A stream citing the instrument to annul, with the revision it was read at. */
export interface LoadedCitingStream extends Instrument.CitingStream {
  readonly revision: StreamRevision;
}

/** The key of the instrument a stored event's data names as its source, if it names one. */
const citedKey = (data: unknown): InstrumentKey | undefined => {
  const source = (data as { readonly source?: { readonly instrument?: unknown } } | null)?.source;
  const instrument = source?.instrument;
  return LegalBasis.is(instrument) ? instrumentKey(instrument) : undefined;
};

/** A stored event as an annulment sees it: a withdrawal, or its type and source; else corrupt. */
function sourcedEvent(
  stored: StoredEvent,
): Either<LoadFailure, Instrument.SourcedEvent | EventsWithdrawn> {
  const event = { type: stored.type, data: stored.data };
  if (stored.type === WITHDRAWAL_EVENT_TYPE)
    return EventsWithdrawn.is(event)
      ? right(event)
      : left(corruptEvent(stored.stream, stored.revision, 'a withdrawal that does not decode'));
  const source = (stored.data as { readonly source?: unknown } | null)?.source;
  return Source.is(source)
    ? right({ type: stored.type, data: { source } })
    : left(corruptEvent(stored.stream, stored.revision, `${stored.type} has no source document`));
}

/** Whether `stream` is an office's index of followers, which an annulment leaves as it is. */
const isFollowersIndex = (stream: StreamName): boolean =>
  stream.startsWith(FOLLOWERS_STREAM_PREFIX);

/**
 * Every stream but the registry's and the offices' indexes holding an event whose source is the
 * instrument of `key`.
 */
async function streamsCiting(
  source: EventSource,
  key: InstrumentKey,
): Promise<Either<LoadFailure, ReadonlyArray<StreamName>>> {
  const found = new Set<StreamName>();
  for (let after = 0n; ;) {
    const page = await source.store.readAll({ after });
    if (isLeft(page)) return page;
    for (const stored of page.right)
      if (
        stored.stream !== INSTRUMENTS_STREAM &&
        !isFollowersIndex(stored.stream) &&
        citedKey(stored.data) === key
      )
        found.add(stored.stream);
    const last = page.right.at(-1);
    if (last === undefined) return right([...found].sort());
    after = last.position;
  }
}

/** Reads every stream citing the instrument of `key`, with all its events by id, in order. */
export async function loadCitingStreams(
  source: EventSource,
  key: InstrumentKey,
): Promise<Either<LoadFailure, ReadonlyArray<LoadedCitingStream>>> {
  const names = await streamsCiting(source, key);
  if (isLeft(names)) return names;
  const streams: LoadedCitingStream[] = [];
  for (const stream of names.right) {
    const read = await source.store.readStream(stream);
    if (isLeft(read)) {
      if (read.left._tag === 'StreamNotFound') continue;
      return left(read.left);
    }
    const events: Array<Instrument.CitingStream['events'][number]> = [];
    for (const stored of read.right) {
      const event = sourcedEvent(stored);
      if (isLeft(event)) return event;
      events.push({ eventId: stored.eventId as EventId, event: event.right });
    }
    streams.push({ stream, events, revision: read.right.at(-1)?.revision ?? 'no-stream' });
  }
  return right(streams);
}
