/**
 * Superseding facts: after an event, the parts of a subject it changed are derived anew from its
 * folded state and compared with their current rows; rows no longer true are closed at the
 * event's recorded instant, new ones are opened at it, unchanged ones stay. Two facts are the
 * same when their canonical JSON is.
 *
 * The comparison is cheap for the common case, a part the event left as it was: facts are paired
 * by their fields first, then by the JSON text of their payloads (a current fact's as its storage
 * keeps it, when at hand); only payloads whose texts differ are compared through canonical JSON
 * (the same content with its keys in another order is the same fact).
 *
 * @see docs/reference/domain.md "Time"
 */
import type { Instant } from '@mandate/core';
import { canonicalJson } from '@mandate/eventstore';
import type { FactStore } from './fact-store.js';
import type { DerivedFacts, Fact } from './facts.js';

/** A derived fact with its payload's JSON text. */
interface Wanted {
  readonly fact: Fact;
  readonly payloadJson: string;
}

/** An optional text as a string of its own, telling absent from any text. */
const optional = (text: string | undefined): string => (text === undefined ? '-' : `+${text}`);

/** Everything but the payload, as one string: facts that differ here are different facts. */
const fieldsOf = ({ kind, subject, key, ordinal, ref, valid }: Fact): string =>
  [kind, subject, key, ordinal, optional(ref), valid.from, optional(valid.to)].join('\u0000');

/** Whether two facts with the same fields hold the same payload, given their JSON texts. */
const samePayload = (a: Fact, aJson: string, b: Fact, bJson: string): boolean =>
  aJson === bJson || canonicalJson(a.payload) === canonicalJson(b.payload);

/** Brings a subject's current facts within `scopes` to `facts`, as known from `at`. */
export function supersede(
  store: FactStore,
  subject: string,
  { scopes, facts }: DerivedFacts,
  at: Instant,
): void {
  // The derived facts still to open, by their fields (each fact once: a repeat is dropped).
  const wanted = new Map<string, Wanted[]>();
  const toOpen = new Set<Wanted>();
  for (const fact of facts) {
    const fields = fieldsOf(fact);
    const entry: Wanted = { fact, payloadJson: JSON.stringify(fact.payload) };
    const alike = wanted.get(fields);
    if (alike === undefined) wanted.set(fields, [entry]);
    else if (
      alike.some((other) => samePayload(other.fact, other.payloadJson, fact, entry.payloadJson))
    )
      continue;
    else alike.push(entry);
    toOpen.add(entry);
  }
  for (const { kind, key } of scopes)
    for (const open of store.openFacts(kind, subject, key)) {
      const alike = wanted.get(fieldsOf(open));
      if (alike === undefined) {
        store.closeFact(open, at);
        continue;
      }
      const openJson = open.payloadJson ?? JSON.stringify(open.payload);
      const index = alike.findIndex((entry) =>
        samePayload(entry.fact, entry.payloadJson, open, openJson),
      );
      const same = alike[index];
      if (same === undefined) store.closeFact(open, at);
      else {
        alike.splice(index, 1);
        toOpen.delete(same);
      }
    }
  for (const { fact, payloadJson } of toOpen) store.openFact(fact, at, payloadJson);
}
