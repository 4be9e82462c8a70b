/**
 * Name facts: what bodies, persons and instruments are found by. Each name a body has borne (in
 * Vietnamese and in English, earlier names included), a person's recorded name, and an
 * instrument's canonical number and title is one fact whose `key` is the name folded for search
 * (`foldForSearch`), so that every storage keeps the folded form in a column and finds a search
 * text in one query over it. The subject is the thing found, prefixed by what it is
 * (`body:…`, `person:…`, `instrument:…`), so that a body and a person sharing an id keep their
 * names apart.
 *
 * @see docs/reference/domain.md "Questions the read models answer"
 */
import { Body } from '@mandate/core';
import { BEGINNING_OF_TIME, type DerivedFacts, type Fact } from './facts.js';
import { foldForSearch } from './search-fold.js';

/** What a name fact finds. */
export type NamedKind = 'body' | 'person' | 'instrument';

/** What a name fact holds: the kind and id (an instrument's canonical key) of what it finds. */
export interface NamePayload {
  readonly of: NamedKind;
  readonly id: string;
}

/** The subject of the name facts of `id`, a thing of kind `of`. */
export const nameSubject = (of: NamedKind, id: string): string => `${of}:${id}`;

/**
 * The name facts of `id`, one per distinct folded form of `names` (blank ones left out), with the
 * scope they replace: every name fact of the subject.
 */
export function nameFacts(of: NamedKind, id: string, names: ReadonlyArray<string>): DerivedFacts {
  const subject = nameSubject(of, id);
  const folded = [...new Set(names.map(foldForSearch))].filter((name) => name.length > 0);
  const payload: NamePayload = { of, id };
  return {
    scopes: [{ kind: 'name' }],
    facts: folded.map((key, ordinal): Fact => ({
      kind: 'name',
      subject,
      key,
      ordinal,
      valid: { from: BEGINNING_OF_TIME },
      payload,
    })),
  };
}

/** The name facts a body is found by: every name it has borne, in Vietnamese and in English. */
export const bodyNameFacts = (bodyId: string, state: Body.State): DerivedFacts =>
  nameFacts(
    'body',
    bodyId,
    Body.nameHistory(state).flatMap(({ name }) => [name.vi, name.en ?? '']),
  );
