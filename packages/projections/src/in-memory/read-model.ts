/**
 * The in-memory bitemporal read model: fact rows with their recorded intervals, the folded state
 * of each stream, and the checkpoint, changed together in one all-or-nothing commit (a failed
 * commit is undone from a log of its changes). Rows are indexed by kind and subject, and current
 * rows by key, so that projecting an event costs what it changes; other reads scan the rows. For
 * tests, embedders without a database, and as the model the SQLite read model is compared with.
 *
 * @see docs/reference/domain.md rule 11
 */
import { Body, Office, contains } from '@mandate/core';
import type { Instant } from '@mandate/core';
import type { CheckpointedModel } from '../checkpoint.js';
import {
  rosterFactsOneByOne,
  type FactReader,
  type FactStore,
  type OpenFact,
} from '../fact-store.js';
import type { Fact, FactKind, RecordedFact } from '../facts.js';
import { createQueries } from '../queries.js';
import { knownAtInstant } from '../recorded.js';
import { before, folded, unfolded, type FoldedStream } from '../withdrawal.js';
import {
  authorityRowsBefore,
  registryFolded,
  unfoldedRegistry,
  type RegistryStream,
} from '../registry-stream.js';
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
  checkpointHash: string;
  readonly rows: RecordedFact[];
  readonly bodies: Map<string, FoldedStream<Body.State>>;
  readonly offices: Map<string, FoldedStream<Office.OfficeState>>;
  /** The authority registry's stream, folded (see registry-stream.ts). */
  registry: RegistryStream;
  /** Row numbers of every row, by kind and subject. */
  readonly bySubject: Map<string, number[]>;
  /** Row numbers of current rows, by kind and subject, then key. */
  readonly open: Map<string, Map<string, Set<number>>>;
}

const empty = (): Contents => ({
  checkpoint: 0n,
  checkpointHash: '',
  rows: [],
  bodies: new Map(),
  offices: new Map(),
  registry: unfoldedRegistry,
  bySubject: new Map(),
  open: new Map(),
});

const subjectKey = (kind: FactKind, subject: string): string => `${kind}\u0000${subject}`;

/** Sets `key` to `value` in `map`, returning how to undo it. */
function setUndoably<K, V>(map: Map<K, V>, key: K, value: V): () => void {
  const had = map.has(key);
  const previous = map.get(key);
  map.set(key, value);
  return had ? () => map.set(key, previous as V) : () => map.delete(key);
}

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
  /** How to undo the current commit's changes, newest last. */
  let undo: Array<() => void> = [];

  const openKeys = (kind: FactKind, subject: string): Map<string, Set<number>> => {
    const id = subjectKey(kind, subject);
    const found = contents.open.get(id);
    if (found !== undefined) return found;
    const created = new Map<string, Set<number>>();
    contents.open.set(id, created);
    return created;
  };

  const store: FactStore = {
    bodyState: (id) => contents.bodies.get(id)?.state ?? Body.initialState,
    bodyStateBefore: (id, count) =>
      before(contents.bodies.get(id) ?? unfolded(Body.initialState), count).state,
    saveBodyState: (id, state, event) => {
      const stream = contents.bodies.get(id) ?? unfolded(Body.initialState);
      undo.push(
        setUndoably(
          contents.bodies,
          id,
          folded(stream, event, () => state),
        ),
      );
    },
    officeState: (id) => contents.offices.get(id)?.state ?? Office.initialState,
    officeStateBefore: (id, count) =>
      before(contents.offices.get(id) ?? unfolded(Office.initialState), count).state,
    saveOfficeState: (id, state, event) => {
      const stream = contents.offices.get(id) ?? unfolded(Office.initialState);
      undo.push(
        setUndoably(
          contents.offices,
          id,
          folded(stream, event, () => state),
        ),
      );
    },
    authorityRowsBefore: (count) => authorityRowsBefore(contents.registry, count),
    saveRegistryEvent: (event, found) => {
      const { registry } = contents;
      contents.registry = registryFolded(registry, event, found);
      undo.push(() => {
        contents.registry = registry;
      });
    },
    openFacts: (kind, subject, key) => {
      const keys = openKeys(kind, subject);
      const rowIds = key === undefined ? [...keys.values()] : [keys.get(key) ?? new Set<number>()];
      return rowIds
        .flatMap((ids) => [...ids])
        .sort((a, b) => a - b)
        .flatMap((rowId): OpenFact[] => {
          const row = contents.rows[rowId];
          return row === undefined ? [] : [{ ...withoutRecording(row), rowId }];
        });
    },
    closeFact: (fact: OpenFact, at: Instant) => {
      const row = contents.rows[fact.rowId];
      if (row === undefined || row.recordedTo !== undefined) return;
      const { rows } = contents;
      const ids = openKeys(row.kind, row.subject).get(row.key);
      rows[fact.rowId] = { ...row, recordedTo: at };
      ids?.delete(fact.rowId);
      undo.push(() => {
        rows[fact.rowId] = row;
        ids?.add(fact.rowId);
      });
    },
    openFact: (fact, at) => {
      const { kind, subject, key, ordinal, ref, valid, payload } = fact;
      const { rows, bySubject } = contents;
      const rowId = rows.length;
      rows.push({
        kind,
        subject,
        key,
        ordinal,
        ...(ref === undefined ? {} : { ref }),
        valid,
        payload,
        recordedFrom: at,
      });
      const id = subjectKey(kind, subject);
      const ofSubject = bySubject.get(id) ?? [];
      bySubject.set(id, ofSubject);
      ofSubject.push(rowId);
      const keys = openKeys(kind, subject);
      const ids = keys.get(key) ?? new Set<number>();
      keys.set(key, ids);
      ids.add(rowId);
      undo.push(() => {
        rows.pop();
        ofSubject.pop();
        ids.delete(rowId);
      });
    },
  };

  /** The rows about a subject of a kind, by their row numbers. */
  const rowsAbout = (kind: FactKind, subject: string): RecordedFact[] =>
    (contents.bySubject.get(subjectKey(kind, subject)) ?? []).flatMap(
      (rowId) => contents.rows[rowId] ?? [],
    );

  const known = (
    kind: FactKind,
    knownAt: Instant | undefined,
    keep: (row: RecordedFact) => boolean,
    order: (a: Fact, b: Fact) => number,
    rows: ReadonlyArray<RecordedFact> = contents.rows,
  ): Promise<ReadonlyArray<Fact>> =>
    Promise.resolve(
      rows
        .filter((row) => row.kind === kind && knownAtInstant(row, knownAt) && keep(row))
        .map(withoutRecording)
        .sort(order),
    );

  const factsOn: FactReader['factsOn'] = (kind, subject, on, knownAt) =>
    known(
      kind,
      knownAt,
      (row) => contains(row.valid, on),
      bySubjectOrdinal,
      rowsAbout(kind, subject),
    );
  const reader: FactReader = {
    factsOn,
    rosterFacts: (...question) =>
      rosterFactsOneByOne(
        factsOn,
        (bodyId, knownAt) =>
          Promise.resolve(rowsAbout('body', bodyId).some((row) => knownAtInstant(row, knownAt))),
        ...question,
      ),
    factsAbout: (kind, subject, knownAt) =>
      known(kind, knownAt, () => true, bySubjectOrdinal, rowsAbout(kind, subject)),
    factsReferring: (kind, ref, knownAt) =>
      known(kind, knownAt, (row) => row.ref === ref, bySubjectOrdinal),
    factsContaining: (kind, text, knownAt) =>
      known(kind, knownAt, (row) => row.key.includes(text), bySubjectOrdinal),
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
    checkpointHash: () => contents.checkpointHash,
    commit: (position, hash, write) => {
      undo = [];
      try {
        write(store);
        contents.checkpoint = position;
        contents.checkpointHash = hash;
      } catch (defect) {
        for (const step of undo.reverse()) step();
        throw defect;
      } finally {
        undo = [];
      }
    },
    reset: () => {
      contents = empty();
    },
  };

  return { target, queries: createQueries(reader), rows: () => contents.rows };
}
