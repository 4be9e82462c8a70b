/**
 * The in-memory bitemporal read model: fact rows with their recorded intervals, the folded state
 * of each stream, and the checkpoint, changed together in one all-or-nothing commit. For tests,
 * embedders without a database, and as the model the SQLite read model is compared with.
 *
 * @see DOMAIN.md rule 11
 */
import { Body, Office, contains } from '@mandate/core';
import type { Instant } from '@mandate/core';
import type { CheckpointedModel } from '../checkpoint.js';
import type { FactReader, FactStore, OpenFact } from '../fact-store.js';
import type { Fact, FactKind, RecordedFact } from '../facts.js';
import { createQueries } from '../queries.js';
import { knownAtInstant } from '../recorded.js';
import type { ReadModelQueries } from '../views.js';

/** An in-memory read model: its checkpointed target, its queries, and its rows for inspection. */
export interface InMemoryReadModel {
  readonly target: CheckpointedModel<FactStore>;
  readonly queries: ReadModelQueries;
  /** Every row ever written, superseded ones included, in the order written. */
  readonly rows: () => ReadonlyArray<RecordedFact>;
}

interface Contents {
  checkpoint: bigint;
  rows: RecordedFact[];
  bodies: Map<string, Body.State>;
  offices: Map<string, Office.OfficeState>;
}

const empty = (): Contents => ({ checkpoint: 0n, rows: [], bodies: new Map(), offices: new Map() });

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Rows sorted by subject, ordinal and valid start; `sort` is stable, so ties keep write order. */
const bySubjectOrdinal = (a: Fact, b: Fact): number =>
  compareText(a.subject, b.subject) ||
  a.ordinal - b.ordinal ||
  compareText(a.valid.from, b.valid.from);

/** Rows sorted by valid start, then subject and ordinal. */
const byValidStart = (a: Fact, b: Fact): number =>
  compareText(a.valid.from, b.valid.from) || bySubjectOrdinal(a, b);

const withoutRecording = ({ recordedFrom: _from, recordedTo: _to, ...fact }: RecordedFact): Fact =>
  fact;

/** Creates an empty in-memory read model. */
export function createInMemoryReadModel(): InMemoryReadModel {
  let contents = empty();

  const store: FactStore = {
    bodyState: (id) => contents.bodies.get(id) ?? Body.initialState,
    saveBodyState: (id, state) => {
      contents.bodies.set(id, state);
    },
    officeState: (id) => contents.offices.get(id) ?? Office.initialState,
    saveOfficeState: (id, state) => {
      contents.offices.set(id, state);
    },
    openFacts: (kind, subject, key) =>
      contents.rows.flatMap((row, rowId): OpenFact[] =>
        row.recordedTo === undefined &&
        row.kind === kind &&
        row.subject === subject &&
        (key === undefined || row.key === key)
          ? [{ ...row, rowId }]
          : [],
      ),
    closeFact: (fact: OpenFact, at: Instant) => {
      const row = contents.rows[fact.rowId];
      if (row !== undefined) contents.rows[fact.rowId] = { ...row, recordedTo: at };
    },
    openFact: (fact, at) => {
      const { kind, subject, key, ordinal, ref, valid, payload } = fact;
      contents.rows.push({
        kind,
        subject,
        key,
        ordinal,
        ...(ref === undefined ? {} : { ref }),
        valid,
        payload,
        recordedFrom: at,
      });
    },
  };

  const known = (
    kind: FactKind,
    knownAt: Instant | undefined,
    keep: (row: RecordedFact) => boolean,
    order: (a: Fact, b: Fact) => number,
  ): Promise<ReadonlyArray<Fact>> =>
    Promise.resolve(
      contents.rows
        .filter((row) => row.kind === kind && knownAtInstant(row, knownAt) && keep(row))
        .map(withoutRecording)
        .sort(order),
    );

  const reader: FactReader = {
    factsOn: (kind, subject, on, knownAt) =>
      known(
        kind,
        knownAt,
        (row) => row.subject === subject && contains(row.valid, on),
        bySubjectOrdinal,
      ),
    factsAbout: (kind, subject, knownAt) =>
      known(kind, knownAt, (row) => row.subject === subject, bySubjectOrdinal),
    factsReferring: (kind, ref, knownAt) =>
      known(kind, knownAt, (row) => row.ref === ref, bySubjectOrdinal),
    factsStarting: (kind, from, to, knownAt) =>
      known(kind, knownAt, (row) => from <= row.valid.from && row.valid.from < to, byValidStart),
    subjects: (kind, knownAt) =>
      Promise.resolve(
        [
          ...new Set(
            contents.rows
              .filter((row) => row.kind === kind && knownAtInstant(row, knownAt))
              .map((row) => row.subject),
          ),
        ].sort(compareText),
      ),
  };

  const target: CheckpointedModel<FactStore> = {
    checkpoint: () => contents.checkpoint,
    commit: (position, write) => {
      const before = contents;
      contents = {
        checkpoint: before.checkpoint,
        rows: [...before.rows],
        bodies: new Map(before.bodies),
        offices: new Map(before.offices),
      };
      try {
        write(store);
        contents.checkpoint = position;
      } catch (defect) {
        contents = before;
        throw defect;
      }
    },
    reset: () => {
      contents = empty();
    },
  };

  return { target, queries: createQueries(reader), rows: () => contents.rows };
}
