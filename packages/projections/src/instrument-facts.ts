/**
 * Instrument facts: a recorded instrument as one fact about its canonical key (its number, type,
 * issuer, signer, signing date, title and where to read it), and one fact per relation to an
 * earlier instrument, referring to that instrument's key — so that what an instrument amends,
 * replaces, repeals, annuls or was issued on the basis of is read about it, and which later
 * instruments relate to it ("what replaced 109/QĐ-TTg?") is read by reference. An instrument is
 * recorded once: a second record under its key changes nothing, as the registry's fold says. An
 * instrument annulled ab initio (rule 14) has its record superseded by one naming the annulling
 * instrument, and the annulling instrument gains an `annuls` relation unless recorded with one.
 *
 * @see docs/reference/domain.md rule 15
 */
import { canonicalNumber, instrumentKey, type Instrument, type InstrumentKey } from '@mandate/core';
import type { StoredEvent } from '@mandate/eventstore';
import { BEGINNING_OF_TIME, type DerivedFacts, type Fact } from './facts.js';
import type { FactStore } from './fact-store.js';
import { nameFacts } from './name-facts.js';
import type { InstrumentRecord } from './views.js';

/** The key of the fact holding an instrument's record, beside its relation facts. */
export const RECORD_KEY = 'record';

/** What a relation fact holds: how the instrument relates to the earlier one, and its key. */
export interface RelationPayload {
  readonly kind: Instrument.RelationKind;
  readonly to: InstrumentKey;
}

/** Whether an instrument is recorded under `key`: its record is a current fact. */
export const isRecorded = (store: FactStore, key: string): boolean =>
  store.openFacts('instrument', key, RECORD_KEY).length > 0;

/** The relation fact of an instrument's `index`-th relation. */
const relationFact = (subject: string, index: number, payload: RelationPayload): Fact => ({
  kind: 'instrument',
  subject,
  key: `relation-${index}`,
  ordinal: index + 1,
  ref: payload.to,
  valid: { from: BEGINNING_OF_TIME },
  payload,
});

/**
 * The facts an `InstrumentAnnulled` event (stored as `stored`) derives anew, each with its
 * subject, as the registry's fold says: the annulled instrument's record holding the annulment,
 * and the annulling one's `annuls` relation unless it has it already; none when either is
 * unrecorded or the instrument was annulled already.
 */
export function annulledInstrumentFacts(
  store: FactStore,
  event: Instrument.InstrumentAnnulled,
  stored: Pick<StoredEvent, 'eventId' | 'recordedAt'>,
): ReadonlyArray<{ readonly subject: string; readonly derived: DerivedFacts }> {
  const { instrument, source, effectiveOn } = event.data;
  if (source.kind !== 'instrument') return [];
  const key = instrumentKey(instrument);
  const by = instrumentKey(source.instrument);
  const [target] = store.openFacts('instrument', key, RECORD_KEY);
  const record = target?.payload as InstrumentRecord | undefined;
  if (record === undefined || record.annulment !== undefined || !isRecorded(store, by)) return [];
  const annulment = { by, effectiveOn, recordedAt: stored.recordedAt, eventId: stored.eventId };
  const annulled: Fact = {
    kind: 'instrument',
    subject: key,
    key: RECORD_KEY,
    ordinal: 0,
    valid: { from: BEGINNING_OF_TIME },
    payload: { ...record, annulment } satisfies InstrumentRecord,
  };
  const recordScope = { kind: 'instrument' as const, key: RECORD_KEY };
  const changes = [{ subject: key, derived: { scopes: [recordScope], facts: [annulled] } }];
  const relations = store
    .openFacts('instrument', by)
    .filter((fact) => fact.key !== RECORD_KEY)
    .map((fact) => fact.payload as RelationPayload);
  if (relations.some((relation) => relation.kind === 'annuls' && relation.to === key))
    return changes;
  const added = relationFact(by, relations.length, { kind: 'annuls', to: key });
  return [
    ...changes,
    { subject: by, derived: { scopes: [{ kind: 'instrument', key: added.key }], facts: [added] } },
  ];
}

/** The facts an `InstrumentRecorded` event adds: the record and one fact per relation. */
export function instrumentFacts(event: Instrument.InstrumentRecorded): ReadonlyArray<Fact> {
  const { instrument, relations, effectiveOn, reference } = event.data;
  const subject = instrumentKey(instrument);
  const valid = { from: BEGINNING_OF_TIME };
  const record: InstrumentRecord = {
    key: subject,
    instrument,
    effectiveOn,
    ...(reference === undefined ? {} : { reference }),
  };
  return [
    { kind: 'instrument', subject, key: RECORD_KEY, ordinal: 0, valid, payload: record },
    ...relations.map(({ kind, to }, i) =>
      relationFact(subject, i, { kind, to: instrumentKey(to) }),
    ),
  ];
}

/** The name facts an instrument is found by: its canonical number and its title. */
export function instrumentNameFacts(event: Instrument.InstrumentRecorded): DerivedFacts {
  const { instrument } = event.data;
  const { title } = instrument;
  return nameFacts('instrument', instrumentKey(instrument), [
    canonicalNumber(instrument.number),
    ...(title === undefined ? [] : [title.vi, ...(title.en === undefined ? [] : [title.en])]),
  ]);
}
