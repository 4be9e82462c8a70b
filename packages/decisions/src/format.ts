/**
 * The decision-file format: one legal instrument per file — its type, number, issuer, signer,
 * signing date, title, where to read it and its relations to earlier instruments — and the ordered
 * changes it makes. A change is any command the application accepts, `{ type, data }`, written
 * without its `basis`: the file's instrument is the basis of every change. A change may carry an
 * `id`, a slug that names the events it records — `<id>.1`, `<id>.2`, … in the order it records
 * them — so that a later correction can cite them; without one they are named after the file's
 * command id and the change's place.
 *
 * Only the file's shape is decoded here; each change's command is decoded when the file is
 * compiled (`compile.ts`), against the command codecs themselves, so every command — today's and
 * tomorrow's — can be written in a file without new code.
 */
import * as t from 'io-ts';
import {
  CalendarDate,
  EventId,
  Instrument,
  LegalBasis,
  Text,
  nonEmptyArray,
  struct,
} from '@mandate/core';

/** The instrument a file records and cites: a legal basis with its record's details. */
export const InstrumentSection = struct('Instrument', LegalBasis.required, {
  ...LegalBasis.optional,
  /** When the instrument takes effect (default: its signing date). */
  effectiveOn: CalendarDate,
  /** How it relates to earlier instruments, each recorded before (default: none). */
  relations: t.readonlyArray(Instrument.Relation),
  /** Where its text can be read. */
  reference: Instrument.DocumentReference,
});
/** The instrument a file records and cites. */
export type InstrumentSection = t.TypeOf<typeof InstrumentSection>;

/** The longest change id: its events' ids add a dot and a number, within an event id's 128. */
export const MAX_CHANGE_ID_LENGTH = 120;

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** A change's command payload: an object, decoded later by its command's own codec. */
const ChangeData = new t.Type<Readonly<Record<string, unknown>>, Readonly<Record<string, unknown>>>(
  'ChangeData',
  isRecord,
  (u, c) => (isRecord(u) ? t.success(u) : t.failure(u, c, 'data must be an object')),
  (a) => a,
);

/** A command type name, checked against the application's commands when the file is compiled. */
const CommandType = new t.Type<string, string>(
  'CommandType',
  (u): u is string => typeof u === 'string',
  (u, c) => (typeof u === 'string' ? t.success(u) : t.failure(u, c, 'type must be a string')),
  (a) => a,
);

/** One change: a command without its basis, and optionally the slug naming its events. */
export const Change = struct('Change', { type: CommandType, data: ChangeData }, { id: EventId });
/** One change: a command without its basis, and optionally the slug naming its events. */
export type Change = t.TypeOf<typeof Change>;

/**
 * A decision file. `instrument` is required whenever a change cites one (almost every command
 * does; a filed report cites its own document). `illustrative` says why the file is an
 * illustration rather than a stated fact; plans and outcomes show it.
 */
export const DecisionFile = struct(
  'DecisionFile',
  { changes: nonEmptyArray(Change, 'Changes') },
  { $schema: t.string, instrument: InstrumentSection, illustrative: Text },
);
/** A decision file. */
export type DecisionFile = t.TypeOf<typeof DecisionFile>;
