/**
 * An annulment ab initio through the read models (rule 14), on the illustrative sequel: the
 * decision appointing the new Director of the Department of Information and Communications (which
 * ended the previous director's holding the same day) is annulled by a later decision. As known
 * before the annulment was recorded, the successor's standing member on 2020-04-01 is the new
 * director; as known after, the previous one, whose holding never ended. The withdrawn events stay
 * in the change history and the withdrawal is a change of its own. The in-memory, SQLite (a real
 * file) and PostgreSQL (the real server) read models answer as the naive oracle does.
 *
 * @see docs/reference/domain.md rule 14
 */
import * as E from 'fp-ts/Either';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  LegalBasis,
  decodeWith,
  unsafeCalendarDate,
  type BodyId,
  type Instant,
  type PersonId,
} from '@mandate/core';
import { IllustrativeSequel, Seed } from '@mandate/core/testing';
import type { EventStore } from '@mandate/eventstore';
import { answerOf, expectSameAnswers } from './answers.fixture.js';
import { everyReadModel } from './every-read-model.fixture.js';
import { memoryWorld, wholeLog } from './history.fixture.js';
import { createOracle } from './oracle.js';
import type { ReadModelQueries } from './views.js';

const successor = Seed.SeedIds.successor as BodyId;
const { IllustrativeIds } = IllustrativeSequel;
const april2020 = unsafeCalendarDate('2020-04-01');
const HOUR = 3_600_000;
const decision = IllustrativeSequel.appointmentDecision;
const annulling = { ...decision, number: 'XXXX-22/QĐ-UBND', signedOn: '2020-07-01' };

/** The standing member's occupant on 2020-04-01, as known at `knownAt`. */
async function standingMember(model: ReadModelQueries, knownAt: Instant) {
  const roster = await answerOf(model.roster(successor, april2020, knownAt));
  return roster.find((seat) => seat.roles.includes('standing-member'))?.occupant;
}

const legalBasis = (json: unknown): LegalBasis => {
  const decoded = decodeWith(LegalBasis, json);
  if (E.isLeft(decoded)) throw new Error('placeholder instrument does not decode');
  return decoded.right;
};

describe('an appointment decision, annulled ab initio (rule 14)', () => {
  let store: EventStore;
  let beforeAnnulment: Instant;
  let afterAnnulment: Instant;

  beforeAll(async () => {
    const world = memoryWorld('2018-12-05T02:00:00.000Z' as Instant);
    store = world.store;
    for (const step of [...Seed.seedSteps, ...IllustrativeSequel.sequelSteps]) {
      world.clock.advance(HOUR);
      expect(E.isRight(await world.handler.handle(step.envelope)), step.title).toBe(true);
    }
    world.clock.advance(HOUR);
    beforeAnnulment = world.clock.now();
    const submit = (commandId: string, type: string, data: unknown) =>
      world.handler.handle({ commandId, actor: 'clerk', command: { type, data } });
    world.clock.advance(HOUR);
    const recorded = await submit('record-annulling', 'RecordInstrument', {
      basis: annulling,
      effectiveOn: annulling.signedOn,
      relations: [{ kind: 'annuls', to: decision }],
    });
    expect(E.isRight(recorded)).toBe(true);
    world.clock.advance(HOUR);
    const annulled = await submit('annul', 'AnnulInstrument', {
      instrument: decision,
      basis: annulling,
      effectiveOn: annulling.signedOn,
    });
    expect(annulled).toMatchObject({ _tag: 'Right', right: { events: 2 } });
    world.clock.advance(HOUR);
    afterAnnulment = world.clock.now();
  });

  const models = everyReadModel('annulment', () => store);

  it.each(models)(
    'answers %s: the new director as known before, the previous one as known after',
    async (_name, build) => {
      const model = await build();
      const office = { kind: 'person', via: 'office', office: IllustrativeIds.office };
      expect(await standingMember(model, beforeAnnulment)).toEqual({
        ...office,
        person: IllustrativeIds.newDirector,
        acting: false,
      });
      expect(await standingMember(model, afterAnnulment)).toEqual({
        ...office,
        person: IllustrativeIds.previousDirector,
        acting: false,
      });
      const newDirector = IllustrativeIds.newDirector as PersonId;
      expect((await answerOf(model.holdings(newDirector, beforeAnnulment))).offices).toEqual([
        { officeId: IllustrativeIds.office, capacity: 'substantive', from: '2020-03-01' },
      ]);
      // Having held nothing, as known after, the new director is no one the read models know of.
      expect(await model.holdings(newDirector, afterAnnulment)).toMatchObject({
        _tag: 'Left',
        left: { _tag: 'UnknownPerson' },
      });
    },
  );

  it.each(models)('keeps %s the withdrawn changes and the withdrawal', async (_name, build) => {
    const model = await build();
    const withdrawn = await answerOf(model.changesByInstrument(legalBasis(decision)));
    expect(withdrawn.map((change) => change.type)).toEqual([
      'OfficeHolderEnded',
      'OfficeHolderAppointed',
    ]);
    const annulment = await answerOf(model.changesByInstrument(legalBasis(annulling)));
    expect(annulment.map((change) => [change.type, change.aggregateId])).toEqual([
      ['EventsWithdrawn', IllustrativeIds.office],
    ]);
  });

  it('answers every query in every read model as the oracle does, before and after', async () => {
    const oracle = createOracle(await wholeLog(store));
    for (const [name, build] of models.slice(0, 3)) {
      const model = await build();
      for (const knownAt of [beforeAnnulment, afterAnnulment, undefined])
        for (const on of ['2019-06-01', '2020-04-01', '2020-08-01'])
          await expectSameAnswers(model, oracle, {
            bodyId: successor,
            on: unsafeCalendarDate(on),
            knownAt,
            persons: [IllustrativeIds.newDirector, IllustrativeIds.previousDirector] as PersonId[],
          }).catch((error: unknown) => {
            throw new Error(`${name}, known at ${String(knownAt)}, on ${on}: ${String(error)}`);
          });
    }
  });
});
