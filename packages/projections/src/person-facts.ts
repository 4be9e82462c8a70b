/**
 * Person facts: a registered person's record — id, name and registration date — as one fact
 * about them, and their name as a name fact. A person's stream is folded with the core's own
 * `evolve` from the record the current fact holds, so that a name correction supersedes the
 * record from the instant it was recorded: questions as known before it keep the earlier name.
 *
 * @see docs/reference/domain.md rule 14 and "Questions the read models answer"
 */
import { Person } from '@mandate/core';
import { BEGINNING_OF_TIME, type DerivedFacts, type Fact } from './facts.js';
import type { FactStore } from './fact-store.js';
import { nameFacts } from './name-facts.js';

/** What a person fact holds: the person's record as folded. */
export type PersonPayload = Person.RegisteredPerson;

/** The key of a person's record fact. */
const RECORD_KEY = 'record';

/** The folded state of a person's record, from its current fact (the initial state when none). */
export function personState(store: FactStore, personId: string): Person.PersonState {
  const [current] = store.openFacts('person', personId, RECORD_KEY);
  return current === undefined ? Person.initialState : (current.payload as PersonPayload);
}

/** The record fact of a person's folded state, with the scope it replaces. */
export function personFacts(state: Person.PersonState): DerivedFacts {
  const scopes = [{ kind: 'person' as const, key: RECORD_KEY }];
  if (state.status === 'unregistered') return { scopes, facts: [] };
  const fact: Fact = {
    kind: 'person',
    subject: state.personId,
    key: RECORD_KEY,
    ordinal: 0,
    valid: { from: BEGINNING_OF_TIME },
    payload: state satisfies PersonPayload,
  };
  return { scopes, facts: [fact] };
}

/** The name facts a person is found by: their name as recorded. */
export const personNameFacts = (state: Person.PersonState): DerivedFacts | undefined =>
  state.status === 'unregistered' ? undefined : nameFacts('person', state.personId, [state.name]);
