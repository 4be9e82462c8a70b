/**
 * What the read models answer, as plain values: a body's seats on a date with the person behind
 * each one, its duties with provenance, the body itself (status, kind, authority, names with their
 * validity, lineage), what a person has held, a body's reporting compliance on a date, the
 * events an instrument caused or that took effect between two dates, a recorded instrument with
 * its relations both ways, and the bodies, persons and instruments found by name. The oracle and every read
 * model return exactly these shapes, so that they can be compared with `toEqual`.
 *
 * @see docs/reference/domain.md "Questions the read models answer"
 */
import type { AuthorityQueries } from './authority-views.js';
import type {
  AuthorityId,
  BilingualName,
  BilingualText,
  BodyId,
  CalendarDate,
  Instant,
  InstrumentKey,
  LegalBasis,
  OfficeId,
  PersonId,
  ReorganisationId,
  SeatHolder,
  SeatId,
  Source,
} from '@mandate/core';
import type { Body, Instrument, Name, Office } from '@mandate/core';
import type { Either } from 'fp-ts/Either';
import type {
  InvalidQuery,
  UnknownBody,
  UnknownInstrument,
  UnknownPerson,
} from './query-errors.js';

/**
 * The annulment ab initio of a recorded instrument (rule 14): by which instrument, from which
 * date it takes effect, when it was recorded, and the id of its `InstrumentAnnulled` event.
 */
export interface InstrumentAnnulment {
  /** The annulling instrument's canonical key. */
  readonly by: InstrumentKey;
  readonly effectiveOn: CalendarDate;
  readonly recordedAt: Instant;
  /** The id of the `InstrumentAnnulled` event that recorded it. */
  readonly eventId: string;
}

/**
 * A recorded instrument: its canonical key, the instrument, where its text can be read, and its
 * annulment ab initio once one is known.
 */
export interface InstrumentRecord {
  readonly key: InstrumentKey;
  readonly instrument: LegalBasis;
  /** Its effective date as recorded (its signing date). */
  readonly effectiveOn: CalendarDate;
  readonly reference?: Instrument.DocumentReference;
  /** Its annulment ab initio, if one is known at the instant asked about (rule 14). */
  readonly annulment?: InstrumentAnnulment;
}

/** One seat of a body on a date: its roles, its holder as decided, and who is behind it. */
export interface RosterSeat {
  readonly seatId: SeatId;
  readonly roles: Body.RoleSet;
  /** The holder as decided, or `null` while the seat is vacant by decision. */
  readonly holder: SeatHolder | null;
  /**
   * The person behind the seat on the date (ex officio: the office's holder; named *as* an
   * office's holder: flagged by `holdsOffice: false` when they do not hold it then), or `null`
   * when vacant by decision.
   */
  readonly occupant: Office.SeatResolution | null;
}

/** One duty in force on a date, with where it came from. */
export type DutyView = Body.DutyOnDate;

/** How a body ended, when it has. */
export interface BodyEnd {
  readonly on: CalendarDate;
  readonly reason: Body.EndReason;
  readonly successors: ReadonlyArray<BodyId>;
  readonly reorganisationId?: ReorganisationId;
}

/** Where a body stands on a valid date. */
export type BodyStatusOn = 'not-yet-established' | 'active' | 'ended';

/** A body as known at some instant, seen on a valid date. */
export interface BodyView {
  readonly bodyId: BodyId;
  readonly kind: Body.BodyKind;
  /** The establishing authority. */
  readonly authority: AuthorityId;
  readonly purpose?: BilingualText;
  readonly establishedOn: CalendarDate;
  readonly status: BodyStatusOn;
  /** The name in force on the date, if the body lived then. */
  readonly name?: BilingualName;
  /** Every name the body has borne, with its validity. */
  readonly names: ReadonlyArray<Body.NameValidity>;
  /** The bodies this one was created from in a reorganisation. */
  readonly predecessors: ReadonlyArray<BodyId>;
  /** The end of the body, if it has ended (whatever the date asked about). */
  readonly end?: BodyEnd;
  /** The bodies it absorbed, and when. */
  readonly absorptions: ReadonlyArray<Body.Absorption>;
}

/** An office a person held, in one capacity, from `from` until `to` (exclusive; open when absent). */
export interface OfficeTenure {
  readonly officeId: OfficeId;
  readonly capacity: Office.Capacity;
  readonly from: CalendarDate;
  readonly to?: CalendarDate;
}

/**
 * How a person came to sit in a seat: named (maybe as an office's holder; `acting` when the
 * decision names them as acting), or ex officio (`acting` when the office's holder was acting).
 */
export type SeatBasis =
  | { readonly via: 'named'; readonly acting: boolean; readonly asOffice?: OfficeId }
  | { readonly via: 'office'; readonly office: OfficeId; readonly acting: boolean };

/**
 * A seat a person sat in, with the same roles and on the same basis throughout, from `from` until
 * `to` (exclusive; open when absent). Ex officio, it is the time the seat followed the office while
 * the person was the office's holder the roster resolves it to (substantive, else acting).
 */
export type SeatTenure = {
  readonly bodyId: BodyId;
  readonly seatId: SeatId;
  readonly roles: Body.RoleSet;
  readonly from: CalendarDate;
  readonly to?: CalendarDate;
} & SeatBasis;

/**
 * Everything a person has held over valid time. Offices come by start, then office id, then
 * substantive before acting; seats by start, then body id, then seat id. Adjacent stretches of one
 * seat with the same roles and basis are one tenure.
 */
export interface PersonHoldings {
  readonly offices: ReadonlyArray<OfficeTenure>;
  readonly seats: ReadonlyArray<SeatTenure>;
}

/**
 * What identifies a legal instrument to {@link ReadModelQueries.changesByInstrument}: its number,
 * issuer and signing date, of which only the year counts (`instrumentKey`).
 */
export type InstrumentCitation = Pick<LegalBasis, 'number' | 'issuer' | 'signedOn'>;

/** An instrument related to another, and how: what it amends, or what amends it. */
export interface InstrumentRelationView {
  readonly kind: Instrument.RelationKind;
  readonly instrument: InstrumentRecord;
}

/**
 * A recorded instrument with its relations both ways: the earlier instruments it amends,
 * replaces, repeals, annuls or was issued on the basis of (in the order it lists them), and the
 * later instruments related to it (`relatedBy`: what amended or replaced it), by their signing
 * date, then key, then the order each lists its relations.
 */
export interface InstrumentView extends InstrumentRecord {
  readonly relations: ReadonlyArray<InstrumentRelationView>;
  readonly relatedBy: ReadonlyArray<InstrumentRelationView>;
}

/** A registered person: their id, their name as recorded, and their registration date. */
export interface PersonView {
  readonly personId: PersonId;
  readonly name: Name;
  readonly registeredOn: CalendarDate;
}

/** One obligation of a body, and each of its periods as it stands on a date. */
export type ComplianceView = Body.ObligationCompliance;

/** One event that changed a body, an office, a person or an authority, and the document behind it. */
export interface ChangeView {
  /** The event's id, as the log stores it (what a correction's `corrects` names). */
  readonly eventId: string;
  /** The event's place in the whole log. */
  readonly position: bigint;
  readonly recordedAt: Instant;
  readonly stream: string;
  readonly aggregate: 'body' | 'office' | 'person' | 'authority';
  /** The body, office, person or authority the event is about. */
  readonly aggregateId: string;
  /** The event's type, e.g. `SeatHolderReplaced`. */
  readonly type: string;
  readonly effectiveOn: CalendarDate;
  /** The legal instrument behind the event, or for a filed report the report itself. */
  readonly source: Source;
  /**
   * Set by `changesByInstrument` when the event was withdrawn, as known at the instant asked
   * about, because its instrument was annulled ab initio (rule 14).
   */
  readonly withdrawn?: true;
}

/**
 * The questions every read model (and the oracle) answers, for a valid date and a known instant;
 * asynchronous, so that a database across a connection can answer them. Each answer is an
 * `Either`: `Right` the answer, `Left` a `QueryError` (recognised by `_tag`) when a date is
 * not a real calendar date or `knownAt` not a real instant (`InvalidQuery`, checked first), or
 * the body, person or instrument asked about is not known at `knownAt` (`UnknownBody`,
 * `UnknownPerson`, `UnknownInstrument`). A
 * body known at `knownAt` but not yet established on `on` is not unknown: its lists are empty.
 */
export interface ReadModelQueries extends AuthorityQueries {
  /** The seats of a body on `on`, as known at `knownAt` (default: everything recorded). */
  readonly roster: (
    bodyId: BodyId,
    on: CalendarDate,
    knownAt?: Instant,
  ) => Promise<Either<InvalidQuery | UnknownBody, ReadonlyArray<RosterSeat>>>;
  /** The duties of a body in force on `on`, as known at `knownAt`. */
  readonly duties: (
    bodyId: BodyId,
    on: CalendarDate,
    knownAt?: Instant,
  ) => Promise<Either<InvalidQuery | UnknownBody, ReadonlyArray<DutyView>>>;
  /** A body seen on `on`, as known at `knownAt`. */
  readonly body: (
    bodyId: BodyId,
    on: CalendarDate,
    knownAt?: Instant,
  ) => Promise<Either<InvalidQuery | UnknownBody, BodyView>>;
  /** Every body known at `knownAt`, seen on `on`, by id. */
  readonly bodies: (
    on: CalendarDate,
    knownAt?: Instant,
  ) => Promise<Either<InvalidQuery, ReadonlyArray<BodyView>>>;
  /** Every office and seat a person has held over valid time, as known at `knownAt`. */
  readonly holdings: (
    personId: PersonId,
    knownAt?: Instant,
  ) => Promise<Either<InvalidQuery | UnknownPerson, PersonHoldings>>;
  /**
   * The reporting compliance of a body on `on`: each obligation imposed by then, in order of
   * imposition, with every period owed or reported and its status, as known at `knownAt`.
   */
  readonly compliance: (
    bodyId: BodyId,
    on: CalendarDate,
    knownAt?: Instant,
  ) => Promise<Either<InvalidQuery | UnknownBody, ReadonlyArray<ComplianceView>>>;
  /**
   * Every change a legal instrument caused to bodies, offices, persons and authorities, as known
   * at `knownAt`, in log order. The instrument is identified by number, issuer and signing year
   * only (`instrumentKey`); one not recorded under that key as known at `knownAt` (a citation with
   * the wrong year included) is {@link UnknownInstrument}, not an empty list. Once the
   * instrument's annulment ab initio is known, each of its changes is marked `withdrawn` (rule 14).
   */
  readonly changesByInstrument: (
    instrument: InstrumentCitation,
    knownAt?: Instant,
  ) => Promise<Either<InvalidQuery | UnknownInstrument, ReadonlyArray<ChangeView>>>;
  /**
   * The instrument recorded under the canonical key a citation names (number, issuer, signing
   * year: `1072/QĐ-TTg` and `1072/QÐ-TTg ` are one key), with its relations both ways, as known
   * at `knownAt`; {@link UnknownInstrument} when none is, a citation with the wrong year included.
   */
  readonly instrument: (
    instrument: InstrumentCitation,
    knownAt?: Instant,
  ) => Promise<Either<InvalidQuery | UnknownInstrument, InstrumentView>>;
  /**
   * The instruments known at `knownAt` whose canonical number or title contains `search`, both
   * folded for search (without diacritics, `đ` as `d`, any case, white space collapsed), by key.
   */
  readonly instruments: (
    search: string,
    knownAt?: Instant,
  ) => Promise<Either<InvalidQuery, ReadonlyArray<InstrumentRecord>>>;
  /**
   * The persons registered as known at `knownAt` whose name as then recorded contains `search`,
   * both folded for search, by id.
   */
  readonly persons: (
    search: string,
    knownAt?: Instant,
  ) => Promise<Either<InvalidQuery, ReadonlyArray<PersonView>>>;
  /**
   * The bodies known at `knownAt` of which any name they have borne (Vietnamese or English,
   * earlier names included) contains `search`, both folded for search, seen on `on`, by id.
   */
  readonly bodiesNamed: (
    search: string,
    on: CalendarDate,
    knownAt?: Instant,
  ) => Promise<Either<InvalidQuery, ReadonlyArray<BodyView>>>;
  /**
   * Every change that took effect on or after `from` and before `to` (valid dates), as known at
   * `knownAt`, by effective date, then log order; filed reports included.
   */
  readonly changesBetween: (
    from: CalendarDate,
    to: CalendarDate,
    knownAt?: Instant,
  ) => Promise<Either<InvalidQuery, ReadonlyArray<ChangeView>>>;
}
