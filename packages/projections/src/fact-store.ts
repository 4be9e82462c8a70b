/**
 * The storage port of the bitemporal read models: where facts and the folded state of each
 * stream are kept. History is never rewritten: a fact superseded by a later event is closed at
 * that event's recorded instant and a new row is opened, so a question "as known at T" reads only
 * rows whose recorded interval contains T.
 *
 * @see DOMAIN.md "Time"
 */
import type { Body, CalendarDate, Instant, Office } from '@mandate/core';
import type { Fact, FactKind } from './facts.js';

/** A current (not yet superseded) fact, with the storage's handle on its row. */
export interface OpenFact extends Fact {
  readonly rowId: number;
}

/** What the projection writes: folded stream states and facts. */
export interface FactStore {
  /** The folded state of a body as known so far (the initial state when none). */
  readonly bodyState: (bodyId: string) => Body.State;
  /** Records the state after `event` for a body. */
  readonly saveBodyState: (bodyId: string, state: Body.State, event: Body.Event) => void;
  /** The folded state of an office as known so far (the initial state when none). */
  readonly officeState: (officeId: string) => Office.OfficeState;
  /** Records the state after `event` for an office. */
  readonly saveOfficeState: (
    officeId: string,
    state: Office.OfficeState,
    event: Office.Event,
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
