/**
 * Events of an office. Each carries its effective date and the instrument behind it (docs/reference/domain.md
 * rule 8), and what an auditor needs without the rest of the stream: a rename names the previous
 * name, an ended holding the date it began.
 */
import * as t from 'io-ts';
import {
  AuthorityId,
  BilingualName,
  CalendarDate,
  EventId,
  OfficeId,
  PersonId,
  Source,
  struct,
} from '../kernel/index.js';
import { Capacity } from './capacity.js';

/** The schema version of every office event type (docs/reference/domain.md rule 12). */
export const EventVersions = {
  OfficeEstablished: 1,
  OfficeRenamed: 1,
  OfficeHolderAppointed: 1,
  OfficeHolderEnded: 1,
  OfficeAbolished: 1,
  OfficeHoldingCorrected: 1,
} as const;

/** An office was established under `authority`. */
export const OfficeEstablished = struct('OfficeEstablished', {
  type: t.literal('OfficeEstablished'),
  data: struct('OfficeEstablishedData', {
    officeId: OfficeId,
    authority: AuthorityId,
    name: BilingualName,
    effectiveOn: CalendarDate,
    source: Source,
  }),
});
/** An office was established under `authority`. */
export type OfficeEstablished = t.TypeOf<typeof OfficeEstablished>;

/** An office took a new name from `effectiveOn`; `previous` was in force until then. */
export const OfficeRenamed = struct('OfficeRenamed', {
  type: t.literal('OfficeRenamed'),
  data: struct('OfficeRenamedData', {
    officeId: OfficeId,
    name: BilingualName,
    previous: BilingualName,
    effectiveOn: CalendarDate,
    source: Source,
  }),
});
/** An office took a new name from `effectiveOn`; `previous` was in force until then. */
export type OfficeRenamed = t.TypeOf<typeof OfficeRenamed>;

/** `person` holds the office in `capacity` from `effectiveOn`. */
export const OfficeHolderAppointed = struct('OfficeHolderAppointed', {
  type: t.literal('OfficeHolderAppointed'),
  data: struct('OfficeHolderAppointedData', {
    officeId: OfficeId,
    person: PersonId,
    capacity: Capacity,
    effectiveOn: CalendarDate,
    source: Source,
  }),
});
/** `person` holds the office in `capacity` from `effectiveOn`. */
export type OfficeHolderAppointed = t.TypeOf<typeof OfficeHolderAppointed>;

/** `person`'s holding in `capacity`, begun on `since`, ended: the last day was before `effectiveOn`. */
export const OfficeHolderEnded = struct('OfficeHolderEnded', {
  type: t.literal('OfficeHolderEnded'),
  data: struct('OfficeHolderEndedData', {
    officeId: OfficeId,
    person: PersonId,
    capacity: Capacity,
    since: CalendarDate,
    effectiveOn: CalendarDate,
    source: Source,
  }),
});
/** `person`'s holding in `capacity`, begun on `since`, ended: the last day was before `effectiveOn`. */
export type OfficeHolderEnded = t.TypeOf<typeof OfficeHolderEnded>;

/** The office was abolished: its last day was the day before `effectiveOn`. */
export const OfficeAbolished = struct('OfficeAbolished', {
  type: t.literal('OfficeAbolished'),
  data: struct('OfficeAbolishedData', {
    officeId: OfficeId,
    effectiveOn: CalendarDate,
    source: Source,
  }),
});
/** The office was abolished: its last day was the day before `effectiveOn`. */
export type OfficeAbolished = t.TypeOf<typeof OfficeAbolished>;

/** The valid-time interval of one holding: from `from`, until `to` (exclusive) when it ended. */
export const HoldingDates = struct('HoldingDates', { from: CalendarDate }, { to: CalendarDate });
/** The valid-time interval of one holding. */
export type HoldingDates = t.TypeOf<typeof HoldingDates>;

/**
 * The holding the event `corrects` recorded was wrongly dated: `person`'s holding in `capacity`
 * recorded as `was` runs over `holding` instead. `effectiveOn` is the corrected start. Both stay
 * in history; answers as known before this event is recorded keep `was`.
 *
 * @see docs/reference/domain.md rule 14
 */
export const OfficeHoldingCorrected = struct('OfficeHoldingCorrected', {
  type: t.literal('OfficeHoldingCorrected'),
  data: struct('OfficeHoldingCorrectedData', {
    officeId: OfficeId,
    corrects: EventId,
    person: PersonId,
    capacity: Capacity,
    was: HoldingDates,
    holding: HoldingDates,
    effectiveOn: CalendarDate,
    source: Source,
  }),
});
/** The dates of one recorded holding were corrected. */
export type OfficeHoldingCorrected = t.TypeOf<typeof OfficeHoldingCorrected>;

/** Any event of an office. */
export const Event = t.union(
  [
    OfficeEstablished,
    OfficeRenamed,
    OfficeHolderAppointed,
    OfficeHolderEnded,
    OfficeAbolished,
    OfficeHoldingCorrected,
  ],
  'OfficeEvent',
);
/** Any event of an office. */
export type Event = t.TypeOf<typeof Event>;
