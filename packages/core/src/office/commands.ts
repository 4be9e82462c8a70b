/**
 * Commands to an office (one stream per office): establish it under an authority, rename it,
 * appoint and end holders (substantive or acting), abolish it. Each carries its legal basis and
 * effective date (docs/reference/domain.md rule 8).
 */
import * as t from 'io-ts';
import {
  AuthorityId,
  BilingualName,
  CalendarDate,
  EventId,
  LegalBasis,
  OfficeId,
  PersonId,
  struct,
} from '../kernel/index.js';
import { Capacity } from './capacity.js';

/** Establishes an office under `authority`, which (with those above it) governs it from then on. */
export const EstablishOffice = struct('EstablishOffice', {
  type: t.literal('EstablishOffice'),
  data: struct('EstablishOfficeData', {
    officeId: OfficeId,
    authority: AuthorityId,
    name: BilingualName,
    basis: LegalBasis,
    effectiveOn: CalendarDate,
  }),
});
/** Establishes an office under `authority`, which (with those above it) governs it from then on. */
export type EstablishOffice = t.TypeOf<typeof EstablishOffice>;

/** Renames an office from `effectiveOn`; it keeps its identity, holders and earlier names. */
export const RenameOffice = struct('RenameOffice', {
  type: t.literal('RenameOffice'),
  data: struct('RenameOfficeData', {
    officeId: OfficeId,
    name: BilingualName,
    basis: LegalBasis,
    effectiveOn: CalendarDate,
  }),
});
/** Renames an office from `effectiveOn`; it keeps its identity, holders and earlier names. */
export type RenameOffice = t.TypeOf<typeof RenameOffice>;

/** Appoints `person` to the office in `capacity` from `effectiveOn`, replacing the holder then. */
export const AppointOfficeHolder = struct('AppointOfficeHolder', {
  type: t.literal('AppointOfficeHolder'),
  data: struct('AppointOfficeHolderData', {
    officeId: OfficeId,
    person: PersonId,
    capacity: Capacity,
    basis: LegalBasis,
    effectiveOn: CalendarDate,
  }),
});
/** Appoints `person` to the office in `capacity` from `effectiveOn`, replacing the holder then. */
export type AppointOfficeHolder = t.TypeOf<typeof AppointOfficeHolder>;

/** Ends `person`'s open holding of the office in `capacity`: their last day is the day before. */
export const EndOfficeHolding = struct('EndOfficeHolding', {
  type: t.literal('EndOfficeHolding'),
  data: struct('EndOfficeHoldingData', {
    officeId: OfficeId,
    person: PersonId,
    capacity: Capacity,
    basis: LegalBasis,
    effectiveOn: CalendarDate,
  }),
});
/** Ends `person`'s open holding of the office in `capacity`: their last day is the day before. */
export type EndOfficeHolding = t.TypeOf<typeof EndOfficeHolding>;

/** Abolishes the office from `effectiveOn`, ending its open holdings that day. */
export const AbolishOffice = struct('AbolishOffice', {
  type: t.literal('AbolishOffice'),
  data: struct('AbolishOfficeData', {
    officeId: OfficeId,
    basis: LegalBasis,
    effectiveOn: CalendarDate,
  }),
});
/** Abolishes the office from `effectiveOn`, ending its open holdings that day. */
export type AbolishOffice = t.TypeOf<typeof AbolishOffice>;

/**
 * Corrects the dates of the holding the event `corrects` recorded (its appointment, its end, or an
 * earlier correction of it) to run from `effectiveOn` until `to` (open when absent), on the basis
 * of the correcting decision or erratum; accepted on an abolished office too.
 *
 * @see docs/reference/domain.md rule 14
 */
export const CorrectOfficeHolding = struct('CorrectOfficeHolding', {
  type: t.literal('CorrectOfficeHolding'),
  data: struct(
    'CorrectOfficeHoldingData',
    { officeId: OfficeId, corrects: EventId, basis: LegalBasis, effectiveOn: CalendarDate },
    { to: CalendarDate },
  ),
});
/** Corrects the dates of one recorded holding of an office. */
export type CorrectOfficeHolding = t.TypeOf<typeof CorrectOfficeHolding>;

/** Any command to an office. */
export const Command = t.union(
  [
    EstablishOffice,
    RenameOffice,
    AppointOfficeHolder,
    EndOfficeHolding,
    AbolishOffice,
    CorrectOfficeHolding,
  ],
  'OfficeCommand',
);
/** Any command to an office. */
export type Command = t.TypeOf<typeof Command>;
