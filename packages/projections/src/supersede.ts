/**
 * Superseding facts: after an event, the parts of a subject it changed are derived anew from its
 * folded state and compared with their current rows; rows no longer true are closed at the
 * event's recorded instant, new ones are opened at it, unchanged ones stay. Two facts are the
 * same when their canonical JSON is.
 *
 * @see docs/reference/domain.md "Time"
 */
import type { Instant } from '@mandate/core';
import { canonicalJson } from '@mandate/eventstore';
import type { FactStore } from './fact-store.js';
import type { DerivedFacts, Fact } from './facts.js';

const identity = ({ kind, subject, key, ordinal, ref, valid, payload }: Fact): string =>
  canonicalJson({ kind, subject, key, ordinal, ref: ref ?? null, valid, payload });

/** Brings a subject's current facts within `scopes` to `facts`, as known from `at`. */
export function supersede(
  store: FactStore,
  subject: string,
  { scopes, facts }: DerivedFacts,
  at: Instant,
): void {
  const wanted = new Map(facts.map((fact) => [identity(fact), fact]));
  for (const { kind, key } of scopes)
    for (const open of store.openFacts(kind, subject, key)) {
      const id = identity(open);
      if (wanted.has(id)) wanted.delete(id);
      else store.closeFact(open, at);
    }
  for (const fact of wanted.values()) store.openFact(fact, at);
}
