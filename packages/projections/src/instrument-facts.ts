/**
 * Instrument facts: a recorded instrument as one fact about its canonical key (its number, type,
 * issuer, signer, signing date, title and where to read it), and one fact per relation to an
 * earlier instrument, referring to that instrument's key — so that what an instrument amends,
 * replaces, repeals, annuls or was issued on the basis of is read about it, and which later
 * instruments relate to it ("what replaced 109/QĐ-TTg?") is read by reference. An instrument is
 * recorded once: a second record under its key changes nothing, as the registry's fold says.
 *
 * @see docs/reference/domain.md rule 15
 */
import {
  canonicalNumber,
  instrumentKey,
  type CalendarDate,
  type Instrument,
  type InstrumentKey,
  type LegalBasis,
} from '@mandate/core';
import { BEGINNING_OF_TIME, type DerivedFacts, type Fact } from './facts.js';
import { nameFacts } from './name-facts.js';

/** The key of the fact holding an instrument's record, beside its relation facts. */
export const RECORD_KEY = 'record';

/** A recorded instrument: its canonical key, the instrument, and where its text can be read. */
export interface InstrumentRecord {
  readonly key: InstrumentKey;
  readonly instrument: LegalBasis;
  /** Its effective date as recorded (its signing date). */
  readonly effectiveOn: CalendarDate;
  readonly reference?: Instrument.DocumentReference;
}

/** What a relation fact holds: how the instrument relates to the earlier one, and its key. */
export interface RelationPayload {
  readonly kind: Instrument.RelationKind;
  readonly to: InstrumentKey;
}

/** The facts an `InstrumentRecorded` event adds: the record and one fact per relation. */
export function instrumentFacts(event: Instrument.Event): ReadonlyArray<Fact> {
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
    ...relations.map(({ kind, to }, i): Fact => {
      const payload: RelationPayload = { kind, to: instrumentKey(to) };
      const key = `relation-${i}`;
      return { kind: 'instrument', subject, key, ordinal: i + 1, ref: payload.to, valid, payload };
    }),
  ];
}

/** The name facts an instrument is found by: its canonical number and its title. */
export function instrumentNameFacts(event: Instrument.Event): DerivedFacts {
  const { instrument } = event.data;
  const { title } = instrument;
  return nameFacts('instrument', instrumentKey(instrument), [
    canonicalNumber(instrument.number),
    ...(title === undefined ? [] : [title.vi, ...(title.en === undefined ? [] : [title.en])]),
  ]);
}
