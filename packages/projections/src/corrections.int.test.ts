/**
 * A correction through the read models (rule 14), on the example: the new Director of the
 * Department of Information and Communications is first recorded as appointed from 2020-03-01 (a
 * misprint), then corrected to 2020-05-01. The successor's standing member — ex officio, the
 * director — on 2020-04-01 is the new director as known before the correction was recorded and the
 * previous director as known after; both recordings stay in the change history. The same answers
 * come from the in-memory, SQLite and PostgreSQL read models, and from the naive oracle.
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
import { answerOf } from './answers.fixture.js';
import { everyReadModel } from './every-read-model.fixture.js';
import { memoryWorld, wholeLog } from './history.fixture.js';
import type { ReadModelQueries } from './views.js';

const successor = Seed.SeedIds.successor as BodyId;
const { IllustrativeIds } = IllustrativeSequel;
const april2020 = unsafeCalendarDate('2020-04-01');
const HOUR = 3_600_000;

/** The standing member's occupant on `on`, as known at `knownAt`. */
async function standingMember(model: ReadModelQueries, knownAt: Instant) {
  const roster = await answerOf(model.roster(successor, april2020, knownAt));
  return roster.find((seat) => seat.roles.includes('standing-member'))?.occupant;
}

describe('a misprinted office holding, corrected (rule 14)', () => {
  let store: EventStore;
  let beforeCorrection: Instant;
  let afterCorrection: Instant;
  let appointmentEventId: string;

  beforeAll(async () => {
    const world = memoryWorld('2018-12-05T02:00:00.000Z' as Instant);
    store = world.store;
    for (const step of [...Seed.seedSteps, ...IllustrativeSequel.sequelSteps]) {
      world.clock.advance(HOUR);
      expect(E.isRight(await world.handler.handle(step.envelope)), step.title).toBe(true);
    }
    const appointment = (await wholeLog(store)).findLast(
      (stored) => stored.type === 'OfficeHolderAppointed',
    );
    appointmentEventId = appointment?.eventId ?? '';
    world.clock.advance(HOUR);
    beforeCorrection = world.clock.now();
    world.clock.advance(HOUR);
    const [recordErratum, correction] = IllustrativeSequel.correctionSteps(appointmentEventId);
    for (const step of [recordErratum, correction]) {
      if (step === undefined) throw new Error('the erratum has no steps');
      world.clock.advance(HOUR);
      const outcome = await world.handler.handle(step.envelope);
      expect(outcome, step.title).toMatchObject({
        _tag: 'Right',
        right: { events: step === correction ? 2 : 1 },
      });
    }
    world.clock.advance(HOUR);
    afterCorrection = world.clock.now();
  });

  const models = everyReadModel('corrections', () => store);

  it.each(models)(
    'answers %s: the new director as known before, the previous one as known after',
    async (_name, build) => {
      const model = await build();
      const office = { kind: 'person', via: 'office', office: IllustrativeIds.office };
      expect(await standingMember(model, beforeCorrection)).toEqual({
        ...office,
        person: IllustrativeIds.newDirector,
        acting: false,
      });
      expect(await standingMember(model, afterCorrection)).toEqual({
        ...office,
        person: IllustrativeIds.previousDirector,
        acting: false,
      });
      const newDirector = IllustrativeIds.newDirector as PersonId;
      expect((await answerOf(model.holdings(newDirector, beforeCorrection))).offices).toEqual([
        { officeId: IllustrativeIds.office, capacity: 'substantive', from: '2020-03-01' },
      ]);
      expect((await answerOf(model.holdings(newDirector, afterCorrection))).offices).toEqual([
        { officeId: IllustrativeIds.office, capacity: 'substantive', from: '2020-05-01' },
      ]);
    },
  );

  it.each(models)('keeps %s both the misprint and the erratum in history', async (_name, build) => {
    const model = await build();
    const decode = (json: unknown) => {
      const decoded = decodeWith(LegalBasis, json);
      if (E.isLeft(decoded)) throw new Error('placeholder instrument does not decode');
      return decoded.right;
    };
    const misprint = await answerOf(
      model.changesByInstrument(decode(IllustrativeSequel.appointmentDecision)),
    );
    expect(misprint.map((change) => [change.type, change.effectiveOn])).toEqual([
      ['OfficeHolderEnded', '2020-03-01'],
      ['OfficeHolderAppointed', '2020-03-01'],
    ]);
    const erratum = await answerOf(model.changesByInstrument(decode(IllustrativeSequel.erratum)));
    expect(erratum.map((change) => [change.type, change.effectiveOn])).toEqual([
      ['OfficeHoldingCorrected', '2018-12-04'],
      ['OfficeHoldingCorrected', '2020-05-01'],
    ]);
  });
});
