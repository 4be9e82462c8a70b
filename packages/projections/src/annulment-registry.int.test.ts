/**
 * An annulment ab initio of a person's name correction, then of their registration, through the
 * read models (rule 14): as known after the first, the person bears the name registered; as known
 * after the second, no one is registered; each annulled instrument shows its annulment (by which
 * instrument, effective and recorded when, by which event) from the annulment's recording on, and
 * the annulling one the `annuls` relation it was not recorded with; each change names its event,
 * and the changes of an annulled instrument are marked withdrawn from the annulment on. The
 * in-memory, SQLite (a real file) and PostgreSQL (the real server) read models answer as the
 * naive oracle does.
 *
 * @see docs/reference/domain.md rule 14
 */
import * as E from 'fp-ts/Either';
import { beforeAll, describe, expect, it } from 'vitest';
import { INSTRUMENTS_STREAM } from '@mandate/application';
import { instrumentKey, type Instant } from '@mandate/core';
import type { EventStore, StoredEvent, StreamName } from '@mandate/eventstore';
import { answerOf } from './answers.fixture.js';
import { everyReadModel } from './every-read-model.fixture.js';
import {
  RECORDING_START,
  envelope,
  instrument,
  legalBasis,
  memoryWorld,
  wholeLog,
} from './history.fixture.js';
import { createOracle } from './oracle.js';
import type { ReadModelQueries } from './views.js';

const registration = instrument('10/QĐ-UBND', '2019-01-02');
const correction = instrument('20/QĐ-UBND', '2019-02-01');
const annulsCorrection = instrument('30/QĐ-UBND', '2019-03-01');
const annulsRegistration = instrument('40/QĐ-UBND', '2019-04-01');
const personId = 'le-van-an';
/** The correction's annulment takes effect after its instrument was signed. */
const CORRECTION_ANNULLED_ON = '2019-03-15';

describe('a name correction, then a registration, annulled ab initio (rule 14)', () => {
  let store: EventStore;
  /** Known before either annulment, after the first, and after both. */
  const known: Instant[] = [];
  /** The `InstrumentAnnulled` event of the correction's annulment, as stored. */
  let annulledCorrection: StoredEvent | undefined;

  beforeAll(async () => {
    const world = memoryWorld(RECORDING_START);
    store = world.store;
    const submit = async (id: string, command: unknown) => {
      world.clock.advance(60_000);
      const result = await world.handler.handle(envelope(id, command));
      if (E.isLeft(result)) throw new Error(`${id}: ${result.left.message}`);
    };
    const record = (basis: ReturnType<typeof instrument>) => ({
      type: 'RecordInstrument',
      data: { basis, effectiveOn: basis.signedOn, relations: [] },
    });
    const annul = (
      annulled: typeof registration,
      basis: typeof registration,
      effectiveOn: string,
    ) => ({ type: 'AnnulInstrument', data: { instrument: annulled, basis, effectiveOn } });
    for (const basis of [registration, correction, annulsCorrection, annulsRegistration])
      await submit(`record-${basis.signedOn}`, record(basis));
    await submit('register', {
      type: 'RegisterPerson',
      data: { personId, name: 'Lê Văn An', basis: registration, effectiveOn: '2019-01-02' },
    });
    const stream = await store.readStream(`person-${personId}` as StreamName);
    const corrects = E.isRight(stream) ? stream.right[0]?.eventId : undefined;
    await submit('correct', {
      type: 'CorrectPersonName',
      data: {
        personId,
        corrects,
        name: 'Lê Văn Bình',
        basis: correction,
        effectiveOn: '2019-02-01',
      },
    });
    world.clock.advance(60_000);
    known.push(world.clock.now());
    await submit('annul-correction', annul(correction, annulsCorrection, CORRECTION_ANNULLED_ON));
    world.clock.advance(60_000);
    known.push(world.clock.now());
    await submit(
      'annul-registration',
      annul(registration, annulsRegistration, annulsRegistration.signedOn),
    );
    world.clock.advance(60_000);
    known.push(world.clock.now());
    const instruments = await store.readStream(INSTRUMENTS_STREAM);
    annulledCorrection = (E.isRight(instruments) ? instruments.right : []).find(
      (stored) => stored.type === 'InstrumentAnnulled' && stored.recordedAt > (known[0] ?? ''),
    );
  });

  const models = everyReadModel('annulment-registry', () => store);

  it.each(models)('answers %s with the name each annulment leaves', async (_name, build) => {
    const model = await build();
    const names = async (knownAt: Instant | undefined) =>
      (await answerOf(model.persons('Lê Văn', knownAt))).map((person) => person.name);
    expect(await names(known[0])).toEqual(['Lê Văn Bình']);
    expect(await names(known[1])).toEqual(['Lê Văn An']);
    expect(await answerOf(model.persons('Bình', known[1]))).toEqual([]);
    expect(await names(known[2])).toEqual([]);
    expect(await names(undefined)).toEqual([]);
  });

  it.each(models)('shows %s each annulled instrument and its annulment', async (_name, build) => {
    const model = await build();
    const annulled = await answerOf(model.instrument(legalBasis(correction)));
    expect(annulledCorrection?.recordedAt).toBe(
      new Date(Date.parse(known[0] ?? '') + 60_000).toISOString(),
    );
    expect(annulled.annulment).toEqual({
      by: instrumentKey(legalBasis(annulsCorrection)),
      effectiveOn: CORRECTION_ANNULLED_ON,
      recordedAt: annulledCorrection?.recordedAt,
      eventId: annulledCorrection?.eventId,
    });
    expect(await answerOf(model.instrument(legalBasis(correction), known[1]))).toEqual(annulled);
    expect(
      annulled.relatedBy.map(({ kind, instrument }) => [kind, instrument.instrument.number]),
    ).toEqual([['annuls', annulsCorrection.number]]);
    const annulling = await answerOf(model.instrument(legalBasis(annulsCorrection)));
    expect(annulling).not.toHaveProperty('annulment');
    expect(
      annulling.relations.map(({ kind, instrument }) => [kind, instrument.instrument.number]),
    ).toEqual([['annuls', correction.number]]);
    const before = await answerOf(model.instrument(legalBasis(correction), known[0]));
    expect(before).not.toHaveProperty('annulment');
    expect(before.relatedBy).toEqual([]);
    // Known from the instant the annulment was recorded, not a millisecond before.
    const recordedAt = annulledCorrection?.recordedAt ?? ('' as Instant);
    const justBefore = new Date(Date.parse(recordedAt) - 1).toISOString() as Instant;
    const annulmentsKnown = async (knownAt: Instant) =>
      (await answerOf(model.instruments('20/QĐ', knownAt))).map((record) => record.annulment);
    expect(await annulmentsKnown(justBefore)).toEqual([undefined]);
    expect(await annulmentsKnown(recordedAt)).toEqual([annulled.annulment]);
  });

  it.each(models)(
    'marks %s the changes of an annulled instrument as withdrawn',
    async (_name, build) => {
      const model = await build();
      const changes = async (basis: typeof registration, knownAt: Instant | undefined) =>
        (await answerOf(model.changesByInstrument(legalBasis(basis), knownAt))).map(
          ({ type, withdrawn }) => [type, withdrawn],
        );
      expect(await changes(correction, known[0])).toEqual([['PersonNameCorrected', undefined]]);
      expect(await changes(correction, known[1])).toEqual([['PersonNameCorrected', true]]);
      expect(await changes(registration, known[1])).toEqual([['PersonRegistered', undefined]]);
      expect(await changes(registration, undefined)).toEqual([['PersonRegistered', true]]);
      expect(await changes(annulsCorrection, undefined)).toEqual([['EventsWithdrawn', undefined]]);
    },
  );

  it.each(models)('names %s the event behind each change', async (_name, build) => {
    const model = await build();
    const stream = await store.readStream(`person-${personId}` as StreamName);
    const events = E.isRight(stream) ? stream.right : [];
    const ids = async (basis: typeof registration) =>
      (await answerOf(model.changesByInstrument(legalBasis(basis)))).map(({ eventId }) => eventId);
    expect(await ids(registration)).toEqual([events[0]?.eventId]);
    expect(await ids(correction)).toEqual([events[1]?.eventId]);
  });

  it('answers every model as the oracle does, as known at each step', async () => {
    const oracle = createOracle(await wholeLog(store));
    for (const [name, build] of models.slice(0, 3)) {
      const model = await build();
      for (const knownAt of [...known, undefined]) {
        const asked = (queries: ReadModelQueries) =>
          Promise.all([
            queries.persons('', knownAt),
            queries.instruments('', knownAt),
            ...[registration, correction, annulsCorrection, annulsRegistration].flatMap((basis) => [
              queries.instrument(legalBasis(basis), knownAt),
              queries.changesByInstrument(legalBasis(basis), knownAt),
            ]),
          ]);
        expect(await asked(model), `${name}, known at ${String(knownAt)}`).toEqual(
          await asked(oracle),
        );
      }
    }
  });
});
