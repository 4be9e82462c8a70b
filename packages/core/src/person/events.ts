/**
 * Events of a person's record. Each carries its effective date and the instrument behind it
 * (docs/reference/domain.md rule 8); a correction names the name it supersedes.
 */
import * as t from 'io-ts';
import { CalendarDate, EventId, Name, PersonId, Source, struct } from '../kernel/index.js';

/** The schema version of every person event type (docs/reference/domain.md rule 12). */
export const EventVersions = {
  PersonRegistered: 1,
  PersonNameCorrected: 1,
} as const;

/** A natural person was registered. */
export const PersonRegistered = struct('PersonRegistered', {
  type: t.literal('PersonRegistered'),
  data: struct('PersonRegisteredData', {
    personId: PersonId,
    name: Name,
    effectiveOn: CalendarDate,
    source: Source,
  }),
});
/** A natural person was registered. */
export type PersonRegistered = t.TypeOf<typeof PersonRegistered>;

/**
 * A person's recorded name was corrected from `previous` to `name`; `corrects` names the
 * `PersonRegistered` event that first recorded the name.
 */
export const PersonNameCorrected = struct('PersonNameCorrected', {
  type: t.literal('PersonNameCorrected'),
  data: struct('PersonNameCorrectedData', {
    personId: PersonId,
    corrects: EventId,
    name: Name,
    previous: Name,
    effectiveOn: CalendarDate,
    source: Source,
  }),
});
/** A person's recorded name was corrected from `previous` to `name`. */
export type PersonNameCorrected = t.TypeOf<typeof PersonNameCorrected>;

/** Any event of a person's record. */
export const Event = t.union([PersonRegistered, PersonNameCorrected], 'PersonEvent');
/** Any event of a person's record. */
export type Event = t.TypeOf<typeof Event>;
