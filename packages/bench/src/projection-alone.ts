/**
 * The projection alone, R1's ceiling: a fact store that keeps the folded states and the current
 * facts of the subjects touched lately in memory and stores nothing else — no history of facts,
 * no change facts, no stream events — though it computes the JSON text of every fact opened, as
 * every store does. Rebuilding into it measures what the projection itself costs (reading and
 * decoding the log, folding, deriving and superseding facts), which no read model's rebuild can
 * beat: a store only adds its writes.
 *
 * It cannot fold a stream again, so it throws when a subject it has evicted is touched again and
 * when asked for what only a withdrawal needs; W4's log, each of whose streams comes whole in one
 * stretch and withdraws nothing, never does either.
 */
import { Body, Office } from '@mandate/core';
import {
  boundedCache,
  type CheckpointedModel,
  type FactStore,
  type OpenFact,
} from '@mandate/projections';

/** How many subjects' states, and current facts of each kind, are kept. */
const CACHED_SUBJECTS = 100;

/** A cache of values by key: a bounded one evicts the least recently used. */
interface Cache<V> {
  readonly get: (key: string) => V | undefined;
  readonly set: (key: string, value: V) => void;
}

const notInW4 = (what: string) => (): never => {
  throw new Error(`The projection alone keeps no stored events: ${what} is not in W4's log`);
};

/** A model that runs the projection and keeps only what it reads back (a failed commit ends R1, so nothing is undone). */
export function createProjectionAlone(): CheckpointedModel<FactStore> {
  const bodies = boundedCache<string, Body.State>(CACHED_SUBJECTS);
  const offices = boundedCache<string, Office.OfficeState>(CACHED_SUBJECTS);
  const current = boundedCache<string, OpenFact[]>(CACHED_SUBJECTS * 8);
  /** Every key ever cached: one missing from its cache now was evicted, and cannot come back. */
  const seen = new Set<string>();
  const kept = <V>(cache: Cache<V>, key: string, first: () => V): V => {
    const found = cache.get(key);
    if (found !== undefined) return found;
    if (seen.has(key)) throw new Error(`${key} left the cache: no stored events to fold it again`);
    seen.add(key);
    const value = first();
    cache.set(key, value);
    return value;
  };
  const factsOf = (kind: string, subject: string): OpenFact[] =>
    kept(current, `${kind}\u0000${subject}`, (): OpenFact[] => []);
  let rowIds = 0;
  const store: FactStore = {
    bodyState: (id) => kept(bodies, `body:${id}`, () => Body.decider.initialState),
    saveBodyState: (id, state) => {
      seen.add(`body:${id}`);
      bodies.set(`body:${id}`, state);
    },
    officeState: (id) => kept(offices, `office:${id}`, () => Office.decider.initialState),
    saveOfficeState: (id, state) => {
      seen.add(`office:${id}`);
      offices.set(`office:${id}`, state);
    },
    bodyStateBefore: notInW4('a withdrawal'),
    officeStateBefore: notInW4('a withdrawal'),
    authorityRowsBefore: notInW4('a withdrawal'),
    saveRegistryEvent: notInW4('the authority registry'),
    openFacts: (kind, subject, key) =>
      factsOf(kind, subject).filter((fact) => key === undefined || fact.key === key),
    closeFact: (fact) => {
      const facts = factsOf(fact.kind, fact.subject);
      const index = facts.findIndex((open) => open.rowId === fact.rowId);
      if (index >= 0) facts.splice(index, 1);
    },
    openFact: (fact) => {
      void JSON.stringify(fact.payload);
      // Change facts are only ever appended, never read back: a store writes them, this one not.
      if (fact.kind !== 'change')
        factsOf(fact.kind, fact.subject).push({ ...fact, rowId: ++rowIds });
    },
  };
  let checkpoint = 0n;
  let checkpointHash = '';
  return {
    checkpoint: () => checkpoint,
    checkpointHash: () => checkpointHash,
    commit: (position, hash, write) => {
      write(store);
      checkpoint = position;
      checkpointHash = hash;
    },
    reset: () => {
      checkpoint = 0n;
      checkpointHash = '';
    },
  };
}
