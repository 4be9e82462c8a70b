/**
 * Events of the instrument registry (one stream for every instrument). An instrument is recorded
 * once, under its canonical key, with where it can be read and its relations to earlier ones; its
 * effective date is its signing date and its source the instrument itself (rule 8).
 *
 * @see docs/reference/domain.md rules 8 and 15
 */
import * as t from 'io-ts';
import { CalendarDate, LegalBasis, Source, struct } from '../kernel/index.js';
import { DocumentReference } from './reference.js';
import { Relation } from './relation.js';

/** The schema version of every instrument event type (docs/reference/domain.md rule 12). */
export const EventVersions = {
  InstrumentRecorded: 1,
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

/** Any event of the instrument registry (one type so far). */
export const Event = InstrumentRecorded;
/** Any event of the instrument registry. */
export type Event = t.TypeOf<typeof Event>;
