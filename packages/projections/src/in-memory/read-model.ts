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
import type { Fact, RecordedFact } from '../facts.js';
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

const byOrdinal = (a: Fact, b: Fact): number =>
  a.ordinal - b.ordinal || (a.valid.from < b.valid.from ? -1 : a.valid.from > b.valid.from ? 1 : 0);

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
    openFacts: (kinds, subject) =>
      contents.rows.flatMap((row, rowId): OpenFact[] =>
        row.recordedTo === undefined && row.subject === subject && kinds.includes(row.kind)
          ? [{ ...row, rowId }]
          : [],
      ),
    closeFact: (fact: OpenFact, at: Instant) => {
      const row = contents.rows[fact.rowId];
      if (row !== undefined) contents.rows[fact.rowId] = { ...row, recordedTo: at };
    },
    openFact: (fact, at) => {
      const { kind, subject, key, ordinal, valid, payload } = fact;
      contents.rows.push({ kind, subject, key, ordinal, valid, payload, recordedFrom: at });
    },
  };

  const reader: FactReader = {
    factsOn: (kind, subject, on, knownAt) =>
      contents.rows
        .filter(
          (row) =>
            row.kind === kind &&
            row.subject === subject &&
            contains(row.valid, on) &&
            knownAtInstant(row, knownAt),
        )
        .sort(byOrdinal),
    subjects: (kind, knownAt) =>
      [
        ...new Set(
          contents.rows
            .filter((row) => row.kind === kind && knownAtInstant(row, knownAt))
            .map((row) => row.subject),
        ),
      ].sort(),
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
