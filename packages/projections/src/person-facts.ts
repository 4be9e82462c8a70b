/**
 * Person facts: a registered person's record — id, name and registration date — as one fact
 * about them, and their name as a name fact. A person's stream is folded with the core's own
 * `evolve` from the record the current fact holds, so that a name correction supersedes the
 * record from the instant it was recorded: questions as known before it keep the earlier name.
 * The record also keeps the names the person bore before each of their standing events, so that a
 * withdrawal (rule 14) takes the record back to before its withdrawn events — to no record at all
 * when the registration itself is withdrawn.
 *
 * @see docs/reference/domain.md rule 14 and "Questions the read models answer"
 */
import { Person } from '@mandate/core';
import { BEGINNING_OF_TIME, type DerivedFacts, type Fact } from './facts.js';
import type { FactStore } from './fact-store.js';
import { nameFacts } from './name-facts.js';

/**
 * What a person fact holds: the person's record as folded, and the name before each standing event
 * after the registration, oldest first.
 */
export interface PersonPayload extends Person.RegisteredPerson {
  readonly earlierNames: ReadonlyArray<Person.RegisteredPerson['name']>;
}

/** A person's record as folded so far, with the names it bore before each later standing event. */
export interface PersonRecord {
  readonly state: Person.PersonState;
  readonly earlierNames: ReadonlyArray<Person.RegisteredPerson['name']>;
}

/** The key of a person's record fact. */
const RECORD_KEY = 'record';

/** A person's record from its current fact (the initial state when none). */
export function personRecord(store: FactStore, personId: string): PersonRecord {
  const [current] = store.openFacts('person', personId, RECORD_KEY);
  if (current === undefined) return { state: Person.initialState, earlierNames: [] };
  const { earlierNames, ...state } = current.payload as PersonPayload;
  return { state, earlierNames };
}

/** A person's record after one more standing event, folded with the core's `evolve`. */
export function personEvolved(record: PersonRecord, event: Person.Event): PersonRecord {
  const { state, earlierNames } = record;
  return {
    state: Person.decider.evolve(state, event),
    earlierNames: state.status === 'registered' ? [...earlierNames, state.name] : [],
  };
}

/** A person's record before its last `count` standing events (no record before the first). */
export function personRecordBefore(record: PersonRecord, count: number): PersonRecord {
  const { state, earlierNames } = record;
  const kept = earlierNames.length - count;
  const name = earlierNames[kept];
  if (state.status === 'unregistered' || kept < 0 || name === undefined)
    return { state: Person.initialState, earlierNames: [] };
  return { state: { ...state, name }, earlierNames: earlierNames.slice(0, kept) };
}

/** The record fact of a person's folded record, with the scope it replaces. */
export function personFacts({ state, earlierNames }: PersonRecord): DerivedFacts {
  const scopes = [{ kind: 'person' as const, key: RECORD_KEY }];
  if (state.status === 'unregistered') return { scopes, facts: [] };
  const payload: PersonPayload = { ...state, earlierNames };
  const fact: Fact = {
    kind: 'person',
    subject: state.personId,
    key: RECORD_KEY,
    ordinal: 0,
    valid: { from: BEGINNING_OF_TIME },
    payload,
  };
  return { scopes, facts: [fact] };
}

/** The name facts a person is found by: their name as recorded. */
export const personNameFacts = (personId: string, state: Person.PersonState): DerivedFacts =>
  nameFacts('person', personId, state.status === 'unregistered' ? [] : [state.name]);
