/**
 * A fact store of current facts alone, for superseding's tests: it keeps the facts opened and not
 * yet closed, and counts the writes. Folding is not its concern (those members throw).
 */
import type { Instant } from '@mandate/core';
import type { FactStore, OpenFact } from './fact-store.js';
import type { Fact } from './facts.js';

/** A store of current facts that records every close and open. */
export interface CurrentFacts {
  readonly store: FactStore;
  /** The facts current now, in the order they were opened. */
  readonly current: () => ReadonlyArray<Fact>;
  readonly closed: Fact[];
  readonly opened: Fact[];
}

const notHere = (): never => {
  throw new Error('Not used by superseding');
};

/** A store holding `facts` as current (in that order), with nothing written yet. */
export function currentFacts(facts: ReadonlyArray<Fact>): CurrentFacts {
  let rowIds = 0;
  let rows: OpenFact[] = facts.map((fact) => ({ ...fact, rowId: ++rowIds }));
  const closed: Fact[] = [];
  const opened: Fact[] = [];
  const store: FactStore = {
    bodyState: notHere,
    bodyStateBefore: notHere,
    saveBodyState: notHere,
    officeState: notHere,
    officeStateBefore: notHere,
    saveOfficeState: notHere,
    authorityRowsBefore: notHere,
    saveRegistryEvent: notHere,
    openFacts: (kind, subject, key) =>
      rows.filter(
        (row) =>
          row.kind === kind && row.subject === subject && (key === undefined || row.key === key),
      ),
    closeFact: (fact: OpenFact, _at: Instant) => {
      rows = rows.filter((row) => row.rowId !== fact.rowId);
      closed.push(fact);
    },
    openFact: (fact: Fact, _at: Instant) => {
      rows.push({ ...fact, rowId: ++rowIds });
      opened.push(fact);
    },
  };
  return {
    store,
    current: () => rows.map(({ rowId: _rowId, ...fact }) => fact),
    closed,
    opened,
  };
}
