/**
 * The storage port of the bitemporal read models: where facts and the folded state of each
 * stream are kept. History is never rewritten: a fact superseded by a later event is closed at
 * that event's recorded instant and a new row is opened, so a question "as known at T" reads only
 * rows whose recorded interval contains T.
 *
 * @see docs/reference/domain.md "Time"
 */
import type {
  Authority,
  Body,
  CalendarDate,
  EventsWithdrawn,
  Instant,
  Office,
} from '@mandate/core';
import type { AuthoritySummary } from './authority-facts.js';
import type { Fact, FactKind, SeatPayload } from './facts.js';

/** A current (not yet superseded) fact, with the storage's handle on its row. */
export interface OpenFact extends Fact {
  readonly rowId: number;
}

/** What the projection writes: folded stream states and facts. */
export interface FactStore {
  /** The folded state of a body as known so far (the initial state when none). */
  readonly bodyState: (bodyId: string) => Body.State;
  /** The state of a body before its last `count` standing events (those a withdrawal names). */
  readonly bodyStateBefore: (bodyId: string, count: number) => Body.State;
  /** Records the state after `event` for a body (after a withdrawal: its state before it). */
  readonly saveBodyState: (
    bodyId: string,
    state: Body.State,
    event: Body.Event | EventsWithdrawn,
  ) => void;
  /** The folded state of an office as known so far (the initial state when none). */
  readonly officeState: (officeId: string) => Office.OfficeState;
  /** The state of an office before its last `count` standing events (those a withdrawal names). */
  readonly officeStateBefore: (officeId: string, count: number) => Office.OfficeState;
  /** Records the state after `event` for an office (after a withdrawal: its state before it). */
  readonly saveOfficeState: (
    officeId: string,
    state: Office.OfficeState,
    event: Office.Event | EventsWithdrawn,
  ) => void;
  /**
   * The authority rows the registry's last `count` standing events changed (those a withdrawal
   * names), by authority, as they were before them (`undefined`: no row).
   */
  readonly authorityRowsBefore: (
    count: number,
  ) => ReadonlyMap<string, AuthoritySummary | undefined>;
  /**
   * Records a registry event: a standing one, with the row of its authority it found (`before`,
   * absent when none), or a withdrawal.
   */
  readonly saveRegistryEvent: (
    event: Authority.Event | EventsWithdrawn,
    before?: AuthoritySummary,
  ) => void;
  /** The current facts of a kind about a subject: of one key, or of every key when absent. */
  readonly openFacts: (kind: FactKind, subject: string, key?: string) => ReadonlyArray<OpenFact>;
  /** Marks a current fact as superseded from `at`. */
  readonly closeFact: (fact: OpenFact, at: Instant) => void;
  /** Adds a fact, current from `at`. */
  readonly openFact: (fact: Fact, at: Instant) => void;
}

/**
 * What the queries read: facts valid on a date, as known at an instant. Every read is
 * asynchronous, so that a database across a connection (PostgreSQL) can serve it; `knownAt`
 * absent means current knowledge (rows not yet superseded). Lists come in a stable order: by
 * subject (where not given), then ordinal, then valid start, then the order written; subjects
 * compare by UTF-16 code units, as JavaScript sorts strings.
 */
export interface FactReader {
  /** The facts of a kind about a subject whose valid interval contains `on`, known at `knownAt`. */
  readonly factsOn: (
    kind: FactKind,
    subject: string,
    on: CalendarDate,
    knownAt: Instant | undefined,
  ) => Promise<ReadonlyArray<Fact>>;
  /**
   * What a body's roster on `on` as known at `knownAt` reads, in one question: whether the body is
   * known then (has a `body` fact known at `knownAt`, whatever its valid interval), its `seat`
   * facts on `on` (as {@link factsOn} gives them), and the `holding` facts on `on` of every office
   * those seats follow or name their person as; `undefined` when the body is not known.
   */
  readonly rosterFacts: (
    bodyId: string,
    on: CalendarDate,
    knownAt: Instant | undefined,
  ) => Promise<RosterFacts | undefined>;
  /** Every fact of a kind about a subject, whatever its valid interval, known at `knownAt`. */
  readonly factsAbout: (
    kind: FactKind,
    subject: string,
    knownAt: Instant | undefined,
  ) => Promise<ReadonlyArray<Fact>>;
  /** Every fact of a kind referring to `ref` (a person, office or instrument), known at `knownAt`. */
  readonly factsReferring: (
    kind: FactKind,
    ref: string,
    knownAt: Instant | undefined,
  ) => Promise<ReadonlyArray<Fact>>;
  /**
   * Every fact of a kind whose `key` contains `text` (a name fact's folded name, see
   * name-facts.ts), known at `knownAt`, by subject, then ordinal: one query over the stored keys.
   */
  readonly factsContaining: (
    kind: FactKind,
    text: string,
    knownAt: Instant | undefined,
  ) => Promise<ReadonlyArray<Fact>>;
  /**
   * Every fact of a kind whose valid interval starts on or after `from` and before `to`, known at
   * `knownAt`, by valid start, then subject, then ordinal.
   */
  readonly factsStarting: (
    kind: FactKind,
    from: CalendarDate,
    to: CalendarDate,
    knownAt: Instant | undefined,
  ) => Promise<ReadonlyArray<Fact>>;
  /** The subjects with a fact of this kind known at `knownAt`, sorted. */
  readonly subjects: (
    kind: FactKind,
    knownAt: Instant | undefined,
  ) => Promise<ReadonlyArray<string>>;
}

/** What a roster reads: a known body's seats on a date, and its offices' holdings on that date. */
export interface RosterFacts {
  readonly seats: ReadonlyArray<Fact>;
  /**
   * The holding facts by office, for every office a seat follows or names its person as; an
   * office with none has an empty list.
   */
  readonly holdings: ReadonlyMap<string, ReadonlyArray<Fact>>;
}

/** The office a seat fact follows, or names its person as, if any. */
export function seatOffice(seat: Fact): string | undefined {
  const { holder } = seat.payload as SeatPayload;
  if (holder === null) return undefined;
  return holder.follows === 'office' ? holder.office : holder.asOffice;
}

/**
 * {@link FactReader.rosterFacts} through `factsOn` and a check that the body is known (`isKnown`):
 * the check and the seats, then the holdings of every distinct office together. For readers whose
 * reads are cheap (in memory, in process).
 */
export async function rosterFactsOneByOne(
  factsOn: FactReader['factsOn'],
  isKnown: (bodyId: string, knownAt: Instant | undefined) => Promise<boolean>,
  bodyId: string,
  on: CalendarDate,
  knownAt: Instant | undefined,
): Promise<RosterFacts | undefined> {
  const [known, seats] = await Promise.all([
    isKnown(bodyId, knownAt),
    factsOn('seat', bodyId, on, knownAt),
  ]);
  if (!known) return undefined;
  const offices = [...new Set(seats.flatMap((seat) => seatOffice(seat) ?? []))];
  const lists = await Promise.all(offices.map((office) => factsOn('holding', office, on, knownAt)));
  return { seats, holdings: new Map(offices.map((office, i) => [office, lists[i] ?? []])) };
}
