/**
 * Decoding stored events for the read side: each stream's events decode through its aggregate's
 * `Event` codec — a body stream's (`body-…`) through the body's, an office's (`office-…`) through
 * the office's, a person's (`person-…`) through the person's, the authority registry's
 * (`authorities`) and the instrument registry's (`instruments`) through theirs — and the
 * withdrawal an annulment appends to a body, office, person or authority stream through its own
 * (rule 14); any other stream is not read. A stored event that does not decode, or that
 * contradicts its stream — names another body, office or person than the stream's, establishes it
 * a second time, or comes before its establishment — is a `CorruptEvent`, never a throw.
 *
 * Each aggregate's schema says the current version of each of its types; a release that moves an
 * event to a new version reads older rows through the upcasters it is given
 * ({@link ReadSideDecoding}), as the command handler's loaders do.
 *
 * @see docs/reference/domain.md rule 12
 */
import * as E from 'fp-ts/Either';
import {
  Authority,
  Body,
  EventsWithdrawn,
  Instrument,
  Office,
  Person,
  WITHDRAWAL_EVENT_TYPE,
  WITHDRAWAL_EVENT_VERSION,
  type BodyId,
  type OfficeId,
  type PersonId,
} from '@mandate/core';
import {
  NO_UPCASTERS,
  corruptEvent,
  decodeStored,
  eventSchemaFromUnion,
  type CorruptEvent,
  type EventSchema,
  type StoredEvent,
  type UpcasterRegistry,
} from '@mandate/eventstore';

/**
 * The schema the read side decodes each aggregate's events through (what version of each type is
 * current, and its codec), and the withdrawal's, which every body, office, person and authority
 * stream may hold (rule 14).
 */
export interface ReadSideSchemas {
  readonly body: EventSchema;
  readonly office: EventSchema;
  readonly person: EventSchema;
  readonly authority: EventSchema;
  readonly instrument: EventSchema;
  readonly withdrawal: EventSchema;
}

/** The schemas of this release: each aggregate's `EventVersions` and `Event` codec. */
export const CURRENT_READ_SIDE_SCHEMAS: ReadSideSchemas = {
  body: eventSchemaFromUnion(Body.EventVersions, Body.Event),
  office: eventSchemaFromUnion(Office.EventVersions, Office.Event),
  person: eventSchemaFromUnion(Person.EventVersions, Person.Event),
  authority: eventSchemaFromUnion(Authority.EventVersions, Authority.Event),
  instrument: eventSchemaFromUnion(Instrument.EventVersions, Instrument.Event),
  withdrawal: eventSchemaFromUnion(
    { [WITHDRAWAL_EVENT_TYPE]: WITHDRAWAL_EVENT_VERSION },
    EventsWithdrawn,
  ),
};

/**
 * How the read side decodes stored events: the schemas that differ from this release's (default
 * none) and the upcasters that bring older rows to them (default none) — give the registry the
 * command handler uses, or a rebuild stops at the first old row. A release that moved
 * `OfficeEstablished` to v2 reads v1 rows with the registry holding the v1 → v2 step; a test of
 * such a step gives `office` as that release would compile it.
 */
export interface ReadSideDecoding {
  readonly schemas?: Partial<ReadSideSchemas>;
  readonly upcasters?: UpcasterRegistry;
}

/** Decodes one stored event for the read side, or says at which place it is corrupt. */
export type ReadSideDecoder = (stored: StoredEvent) => E.Either<CorruptEvent, ReadSideEvent>;

/** The one stream of the authority registry. */
const AUTHORITIES_STREAM = 'authorities';
/** The one stream of the instrument registry. */
const INSTRUMENTS_STREAM = 'instruments';

/** A stored event decoded into its aggregate's event, or marked as not read here. */
export type ReadSideEvent =
  | { readonly aggregate: 'body'; readonly event: Body.Event }
  | { readonly aggregate: 'office'; readonly event: Office.Event }
  | { readonly aggregate: 'person'; readonly event: Person.Event }
  | { readonly aggregate: 'authority'; readonly event: Authority.Event }
  | { readonly aggregate: 'instrument'; readonly event: Instrument.Event }
  | {
      readonly aggregate: 'withdrawal';
      /**
       * The aggregate and subject of the stream the events were withdrawn from (the authority
       * registry's subject is its stream, `authorities`).
       */
      readonly from: WithdrawnFrom;
      readonly subject: string;
      readonly event: EventsWithdrawn;
    }
  | { readonly aggregate: 'other' };

/** The aggregates whose streams an annulment withdraws events from. */
export type WithdrawnFrom = 'body' | 'office' | 'person' | 'authority';

/**
 * The aggregate that owns a stream, by its name (`authorities`, `instruments`) or its prefix
 * (`body-`, `office-`, `person-`).
 */
export const aggregateOfStream = (
  stream: string,
): Exclude<ReadSideEvent['aggregate'], 'withdrawal'> =>
  stream.startsWith('body-')
    ? 'body'
    : stream.startsWith('office-')
      ? 'office'
      : stream.startsWith('person-')
        ? 'person'
        : stream === AUTHORITIES_STREAM
          ? 'authority'
          : stream === INSTRUMENTS_STREAM
            ? 'instrument'
            : 'other';

/** The withdrawal an annulment appended to a body, office, person or authority stream. */
function decodeWithdrawal(
  schema: EventSchema,
  upcasters: UpcasterRegistry,
  stored: StoredEvent,
  from: WithdrawnFrom,
): E.Either<CorruptEvent, ReadSideEvent> {
  const decoded = decodeStored(schema, upcasters, stored);
  if (E.isLeft(decoded)) return decoded;
  const event = decoded.right as EventsWithdrawn;
  const subject = from === 'authority' ? stored.stream : ownerOf(stored.stream, `${from}-`);
  return fitting(
    stored,
    { aggregate: 'withdrawal', from, subject, event },
    stored.revision === 0n ? 'a withdrawal cannot open a stream' : undefined,
  );
}

/** The event, or a `CorruptEvent` at its place when `reason` says it contradicts its stream. */
const fitting = <A>(stored: StoredEvent, read: A, reason: string | undefined) =>
  reason === undefined
    ? E.right(read)
    : E.left(corruptEvent(stored.stream, stored.revision, reason));

/** The id a stream of `prefix` names: `body-bcd-a` names body `bcd-a`. */
const ownerOf = (stream: string, prefix: string): string => stream.slice(prefix.length);

/**
 * The decoder of `decoding`: it decodes (upcasting first) a stored event of a stream read here
 * against its aggregate's current schema, checking it fits its stream.
 */
export function readSideDecoder(decoding: ReadSideDecoding = {}): ReadSideDecoder {
  const schemas = { ...CURRENT_READ_SIDE_SCHEMAS, ...decoding.schemas };
  const upcasters = decoding.upcasters ?? NO_UPCASTERS;
  return (stored) => decodeWith(schemas, upcasters, stored);
}

function decodeWith(
  schemas: ReadSideSchemas,
  upcasters: UpcasterRegistry,
  stored: StoredEvent,
): E.Either<CorruptEvent, ReadSideEvent> {
  const aggregate = aggregateOfStream(stored.stream);
  const first = stored.revision === 0n;
  if (aggregate !== 'other' && aggregate !== 'instrument' && stored.type === WITHDRAWAL_EVENT_TYPE)
    return decodeWithdrawal(schemas.withdrawal, upcasters, stored, aggregate);
  switch (aggregate) {
    case 'body': {
      const decoded = decodeStored(schemas.body, upcasters, stored);
      if (E.isLeft(decoded)) return decoded;
      // The schema decodes each type's data through the body's own Event codec.
      const event = decoded.right as Body.Event;
      const owner = ownerOf(stored.stream, 'body-') as BodyId;
      return fitting(stored, { aggregate, event }, Body.contradiction(event, owner, first));
    }
    case 'office': {
      const decoded = decodeStored(schemas.office, upcasters, stored);
      if (E.isLeft(decoded)) return decoded;
      const event = decoded.right as Office.Event;
      const owner = ownerOf(stored.stream, 'office-') as OfficeId;
      return fitting(stored, { aggregate, event }, Office.contradiction(event, owner, first));
    }
    case 'person': {
      const decoded = decodeStored(schemas.person, upcasters, stored);
      if (E.isLeft(decoded)) return decoded;
      const event = decoded.right as Person.Event;
      const owner = ownerOf(stored.stream, 'person-') as PersonId;
      return fitting(stored, { aggregate, event }, Person.contradiction(event, owner, first));
    }
    case 'authority': {
      const decoded = decodeStored(schemas.authority, upcasters, stored);
      if (E.isLeft(decoded)) return decoded;
      return E.right({ aggregate, event: decoded.right as Authority.Event });
    }
    case 'instrument': {
      const decoded = decodeStored(schemas.instrument, upcasters, stored);
      if (E.isLeft(decoded)) return decoded;
      return E.right({ aggregate, event: decoded.right as Instrument.Event });
    }
    case 'other':
      return E.right({ aggregate });
    default: {
      const _exhaustive: never = aggregate;
      return _exhaustive;
    }
  }
}

const CURRENT_DECODER = readSideDecoder();

/** Decodes a stored event of a stream read here as {@link readSideDecoder} of `decoding` does. */
export function decodeReadSide(
  stored: StoredEvent,
  decoding?: ReadSideDecoding,
): E.Either<CorruptEvent, ReadSideEvent> {
  return (decoding === undefined ? CURRENT_DECODER : readSideDecoder(decoding))(stored);
}

/**
 * `decode`'s answer for a stored event that must decode; a corrupt one throws an `Error` that is
 * also the port's `CorruptEvent` (its `_tag`, stream and revision), so every read path reports it
 * typed.
 */
export function decodedOrThrow(decode: ReadSideDecoder, stored: StoredEvent): ReadSideEvent {
  const decoded = decode(stored);
  if (E.isLeft(decoded)) throw Object.assign(new Error(decoded.left.message), decoded.left);
  return decoded.right;
}

/** Decodes, at this release's schemas and without upcasters, a stored event that must decode. */
export const decodeReadSideOrThrow = (stored: StoredEvent): ReadSideEvent =>
  decodedOrThrow(CURRENT_DECODER, stored);

/** The `CorruptEvent` a thrown value carries (see {@link decodeReadSideOrThrow}), if it is one. */
export function asCorruptEvent(thrown: unknown): CorruptEvent | undefined {
  if (typeof thrown !== 'object' || thrown === null) return undefined;
  const { _tag, stream, revision, message } = thrown as Partial<CorruptEvent>;
  return _tag === 'CorruptEvent' &&
    typeof stream === 'string' &&
    typeof revision === 'bigint' &&
    typeof message === 'string'
    ? { _tag, stream, revision, message }
    : undefined;
}
