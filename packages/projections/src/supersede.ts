/**
 * Superseding facts: after an event, the parts of a subject it changed are derived anew from its
 * folded state and compared with their current rows; rows no longer true are closed at the
 * event's recorded instant, new ones are opened at it, unchanged ones stay. Two facts are the
 * same when their fields are and their payloads' canonical JSON is.
 *
 * The comparison is cheap for the common case, a part the event left as it was: facts are paired
 * by kind, key and valid start, then compared field by field and payload by payload as values
 * (`fast-deep-equal`), with no JSON written. Only payloads that differ as values are written out:
 * the same JSON text (a key holding `undefined` is absent in JSON) or the same canonical JSON (the
 * same content with its keys in another order) is still the same payload.
 *
 * @see docs/reference/domain.md "Time"
 */
import equal from 'fast-deep-equal';
import type { Instant } from '@mandate/core';
import { canonicalJson } from '@mandate/eventstore';
import type { FactStore } from './fact-store.js';
import type { DerivedFacts, Fact } from './facts.js';

/** Where a fact is looked for among others: its kind, key and valid start. */
const placeOf = ({ kind, key, valid }: Fact): string => `${kind}\u0000${key}\u0000${valid.from}`;

/** Whether two payloads are the same JSON: as values, else as JSON text, else as canonical JSON. */
const samePayload = (a: unknown, b: unknown): boolean =>
  equal(a, b) || JSON.stringify(a) === JSON.stringify(b) || canonicalJson(a) === canonicalJson(b);

/** Whether two facts are the same fact: the same fields and the same payload. */
const sameFact = (a: Fact, b: Fact): boolean =>
  a.kind === b.kind &&
  a.subject === b.subject &&
  a.key === b.key &&
  a.ordinal === b.ordinal &&
  a.ref === b.ref &&
  a.valid.from === b.valid.from &&
  a.valid.to === b.valid.to &&
  samePayload(a.payload, b.payload);

/** Brings a subject's current facts within `scopes` to `facts`, as known from `at`. */
export function supersede(
  store: FactStore,
  subject: string,
  { scopes, facts }: DerivedFacts,
  at: Instant,
): void {
  // The derived facts still to open, by their place (each fact once: a repeat is dropped).
  const wanted = new Map<string, Fact[]>();
  const toOpen = new Set<Fact>();
  for (const fact of facts) {
    const place = placeOf(fact);
    const alike = wanted.get(place);
    if (alike === undefined) wanted.set(place, [fact]);
    else if (alike.some((other) => sameFact(other, fact))) continue;
    else alike.push(fact);
    toOpen.add(fact);
  }
  for (const { kind, key } of scopes)
    for (const open of store.openFacts(kind, subject, key)) {
      const alike = wanted.get(placeOf(open));
      const index = alike?.findIndex((fact) => sameFact(fact, open)) ?? -1;
      const same = alike?.[index];
      if (same === undefined) store.closeFact(open, at);
      else {
        alike?.splice(index, 1);
        toOpen.delete(same);
      }
    }
  for (const fact of toOpen) store.openFact(fact, at);
}
