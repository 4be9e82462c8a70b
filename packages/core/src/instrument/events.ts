/**
 * Events of the instrument registry (one stream for every instrument). An instrument is recorded
 * once, under its canonical key, with where it can be read and its relations to earlier ones; its
 * effective date is its signing date and its source the instrument itself (rule 8). An instrument
 * annulled ab initio is marked so, with the events the annulment withdrew (rule 14).
 *
 * @see docs/reference/domain.md rules 8 and 15
 */
import * as t from 'io-ts';
import {
  CalendarDate,
  EventId,
  LegalBasis,
  Source,
  nonEmptyArray,
  struct,
} from '../kernel/index.js';
import { DocumentReference } from './reference.js';
import { Relation } from './relation.js';

/** The schema version of every instrument event type (docs/reference/domain.md rule 12). */
export const EventVersions = {
  InstrumentRecorded: 1,
  InstrumentAnnulled: 1,
} as const;

/** An instrument was recorded, with where to read it and its relations to earlier instruments. */
export const InstrumentRecorded = struct('InstrumentRecorded', {
  type: t.literal('InstrumentRecorded'),
  data: struct(
    'InstrumentRecordedData',
    {
      instrument: LegalBasis,
      relations: t.readonlyArray(Relation),
      effectiveOn: CalendarDate,
      source: Source,
    },
    { reference: DocumentReference },
  ),
});
/** An instrument was recorded. */
export type InstrumentRecorded = t.TypeOf<typeof InstrumentRecorded>;

/** The events of one stream an annulment withdrew, by id. */
export const StreamWithdrawal = struct('StreamWithdrawal', {
  stream: t.string,
  events: nonEmptyArray(EventId),
});
/** The events of one stream an annulment withdrew. */
export type StreamWithdrawal = t.TypeOf<typeof StreamWithdrawal>;

/**
 * The recorded instrument `instrument` was annulled ab initio by the instrument of `source` (the
 * annulling one), which withdrew the events `withdrawn` names, stream by stream.
 */
export const InstrumentAnnulled = struct('InstrumentAnnulled', {
  type: t.literal('InstrumentAnnulled'),
  data: struct('InstrumentAnnulledData', {
    instrument: LegalBasis,
    withdrawn: t.readonlyArray(StreamWithdrawal),
    effectiveOn: CalendarDate,
    source: Source,
  }),
});
/** A recorded instrument was annulled ab initio. */
export type InstrumentAnnulled = t.TypeOf<typeof InstrumentAnnulled>;

/** Any event of the instrument registry. */
export const Event = t.union([InstrumentRecorded, InstrumentAnnulled], 'InstrumentEvent');
/** Any event of the instrument registry. */
export type Event = t.TypeOf<typeof Event>;
