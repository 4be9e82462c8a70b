/**
 * Corrections of a body's record through the read models (rule 14), on the seed: an erratum
 * (placeholder) corrects the founding date and name of a predecessor committee that has since
 * ended, the roles of the successor's deputy head, the date the successor was given its sixth
 * duty, the dates of a later rename, change of roles, duty amendment and dissolution of the
 * successor, and the holder its charter gave a seat — each naming by id the event that first
 * recorded the fact. As known before the
 * erratum was recorded the answers are the recorded ones, as known after the corrected ones; the
 * change history lists both. The same answers come from the in-memory, SQLite and PostgreSQL read
 * models, and from the naive oracle. Corrections naming no such event, or breaking a rule, are
 * refused and append nothing.
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
  type CalendarDate,
  type Instant,
} from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import { createCommandHandler, type CommandHandler } from '@mandate/application';
import type { EventStore, StoredEvent } from '@mandate/eventstore';
import { answerOf } from './answers.fixture.js';
import { everyReadModel } from './every-read-model.fixture.js';
import { envelope, memoryWorld, wholeLog } from './history.fixture.js';

const { SeedIds } = Seed;
const successor = SeedIds.successor as BodyId;
const reform = SeedIds.predecessors.reform as BodyId;
const HOUR = 3_600_000;

/** The erratum (placeholder, đính chính) behind every correction here. */
const erratum = {
  type: 'decision',
  number: 'XXXX-31/QĐ-UBND',
  issuer: SeedIds.province,
  signer: { name: 'Người ký (minh hoạ)', title: 'Placeholder signer' },
  signedOn: '2019-03-01',
};
const correctedName = {
  vi: 'Ban Chỉ đạo cải cách thủ tục hành chính và chính quyền điện tử tỉnh Bình Phước',
};
/** The decision (placeholder) that renamed the successor and changed a seat and a duty. */
const changes2019 = { ...erratum, number: 'XXXX-32/QĐ-UBND', signedOn: '2019-05-01' };
/** The decision (placeholder) that dissolved the successor. */
const dissolution = { ...erratum, number: 'XXXX-33/QĐ-UBND', signedOn: '2020-06-01' };
const renamed = { vi: 'Ban Chỉ đạo chuyển đổi số tỉnh Bình Phước' };
const amendedText = { vi: 'Sơ kết, đánh giá (sửa đổi)' };

/** The id of the first stored event of `type` on `stream` whose data has `field` equal to `value`. */
function idOf(
  log: ReadonlyArray<StoredEvent>,
  stream: string,
  type: string,
  field?: string,
  value?: string,
) {
  const found = log.find(
    (stored) =>
      stored.stream === stream &&
      stored.type === type &&
      (field === undefined || (stored.data as Record<string, unknown>)[field] === value),
  );
  if (found === undefined) throw new Error(`no ${type} on ${stream}`);
  return found.eventId;
}

/** Submits a correction of `bodyId`'s record. */
const correct = (
  handler: CommandHandler,
  commandId: string,
  bodyId: string,
  corrects: string,
  correction: unknown,
) =>
  handler.handle(
    envelope(commandId, {
      type: 'CorrectBodyRecord',
      data: { bodyId, corrects, basis: erratum, correction },
    }),
  );

describe('a body’s recorded facts, corrected by an erratum (rule 14)', () => {
  let store: EventStore;
  let beforeCorrection: Instant;
  let afterCorrection: Instant;

  beforeAll(async () => {
    const world = memoryWorld('2018-12-05T02:00:00.000Z' as Instant);
    store = world.store;
    for (const step of Seed.seedSteps) {
      world.clock.advance(HOUR);
      expect(E.isRight(await world.handler.handle(step.envelope)), step.title).toBe(true);
    }
    const log = await wholeLog(store);
    world.clock.advance(HOUR);
    const unrecorded = await correct(
      world.handler,
      'unrecorded',
      reform,
      idOf(log, `body-${reform}`, 'BodyEstablished'),
      { correct: 'Date', effectiveOn: '2016-05-01' },
    );
    expect(unrecorded, 'the erratum must be recorded first (rule 15)').toMatchObject({
      _tag: 'Left',
      left: { _tag: 'Refused', refusal: { _tag: 'UnresolvedCitation' } },
    });
    const recorded = await world.handler.handle(
      envelope('record-erratum', {
        type: 'RecordInstrument',
        data: { basis: erratum, effectiveOn: erratum.signedOn, relations: [] },
      }),
    );
    expect(E.isRight(recorded)).toBe(true);
    const decided = [
      {
        type: 'RecordInstrument',
        data: { basis: changes2019, effectiveOn: '2019-05-01', relations: [] },
      },
      {
        type: 'AmendBody',
        data: {
          bodyId: successor,
          basis: changes2019,
          effectiveOn: '2019-05-01',
          changes: [
            { change: 'Rename', name: renamed },
            {
              change: 'ChangeSeatRoles',
              seatId: 'uv-thuong-truc-thu-ky',
              roles: ['standing-member'],
            },
            { change: 'AmendDuty', dutyId: 'nv-4-so-ket', text: amendedText },
          ],
        },
      },
      {
        type: 'RecordInstrument',
        data: { basis: dissolution, effectiveOn: '2020-06-01', relations: [] },
      },
      {
        type: 'DissolveBody',
        data: { bodyId: successor, basis: dissolution, effectiveOn: '2020-06-01' },
      },
    ];
    for (const [i, command] of decided.entries()) {
      world.clock.advance(HOUR);
      const outcome = await world.handler.handle(envelope(`decided-${i}`, command));
      expect(outcome, `decided-${i}`).toMatchObject({ _tag: 'Right' });
    }
    const decidedLog = await wholeLog(store);
    beforeCorrection = world.clock.now();
    const corrections = [
      [
        reform,
        idOf(log, `body-${reform}`, 'BodyEstablished'),
        { correct: 'Date', effectiveOn: '2016-05-01' },
      ],
      [
        reform,
        idOf(log, `body-${reform}`, 'BodyEstablished'),
        { correct: 'Name', name: correctedName },
      ],
      [
        successor,
        idOf(log, `body-${successor}`, 'SeatCreated', 'seatId', 'pho-truong-ban'),
        { correct: 'Roles', roles: ['deputy-head', 'standing-member'] },
      ],
      [
        successor,
        idOf(log, `body-${successor}`, 'DutyAssigned', 'dutyId', 'nv-6-nhiem-vu-khac'),
        { correct: 'Date', effectiveOn: '2019-01-01' },
      ],
      [
        successor,
        idOf(decidedLog, `body-${successor}`, 'BodyRenamed'),
        { correct: 'Date', effectiveOn: '2019-04-01' },
      ],
      [
        successor,
        idOf(decidedLog, `body-${successor}`, 'SeatRolesChanged'),
        { correct: 'Date', effectiveOn: '2019-04-01' },
      ],
      [
        successor,
        idOf(decidedLog, `body-${successor}`, 'DutyAmended'),
        { correct: 'Date', effectiveOn: '2019-04-01' },
      ],
      [
        successor,
        idOf(decidedLog, `body-${successor}`, 'BodyEnded'),
        { correct: 'Date', effectiveOn: '2020-07-01' },
      ],
      [
        successor,
        idOf(log, `body-${successor}`, 'SeatCreated', 'seatId', 'uv-thuong-truc-thu-ky'),
        { correct: 'Holder', holder: null },
      ],
    ] as const;
    for (const [i, [bodyId, corrects, correction]] of corrections.entries()) {
      world.clock.advance(HOUR);
      const outcome = await correct(world.handler, `erratum-${i}`, bodyId, corrects, correction);
      expect(outcome, JSON.stringify(correction)).toMatchObject({
        _tag: 'Right',
        right: { events: 1 },
      });
    }
    world.clock.advance(HOUR);
    afterCorrection = world.clock.now();
  });

  it('refuses a correction naming no event of the stream, or breaking a rule, and appends nothing', async () => {
    const log = await wholeLog(store);
    let next = 0;
    const same = createCommandHandler({ store, newEventId: () => `refused-${++next}` });
    const unknown = await correct(same, 'refuse-1', successor, 'no-such-event', {
      correct: 'Date',
      effectiveOn: '2019-01-01',
    });
    expect(unknown).toMatchObject({
      _tag: 'Left',
      left: { refusal: { _tag: 'UnknownEvent', rule: 14 } },
    });
    const seatCreated = idOf(
      log,
      `body-${successor}`,
      'SeatCreated',
      'seatId',
      'uv-thuong-truc-thu-ky',
    );
    const twoHeads = await correct(same, 'refuse-2', successor, seatCreated, {
      correct: 'Roles',
      roles: ['head'],
    });
    expect(twoHeads).toMatchObject({
      _tag: 'Left',
      left: { refusal: { _tag: 'TwoHeads', rule: 2 } },
    });
    const beforeLife = await correct(same, 'refuse-3', successor, seatCreated, {
      correct: 'Date',
      effectiveOn: '2018-01-01',
    });
    expect(beforeLife).toMatchObject({
      _tag: 'Left',
      left: { refusal: { _tag: 'CorrectionOutsideLife', rule: 4 } },
    });
    const wrongKind = await correct(same, 'refuse-4', successor, seatCreated, {
      correct: 'Name',
      name: correctedName,
    });
    expect(wrongKind).toMatchObject({
      _tag: 'Left',
      left: { refusal: { _tag: 'NothingRecordedBy', rule: 14 } },
    });
    const merged = await correct(
      same,
      'refuse-5',
      reform,
      idOf(log, `body-${reform}`, 'BodyEnded'),
      {
        correct: 'Date',
        effectiveOn: '2018-12-01',
      },
    );
    expect(merged).toMatchObject({
      _tag: 'Left',
      left: { refusal: { _tag: 'EndedByReorganisation', rule: 14, reason: 'merger' } },
    });
    const noHolding = await correct(
      same,
      'refuse-6',
      successor,
      idOf(log, `body-${successor}`, 'DutyAmended'),
      {
        correct: 'Holder',
        holder: null,
      },
    );
    expect(noHolding).toMatchObject({
      _tag: 'Left',
      left: { refusal: { _tag: 'NothingRecordedBy', rule: 14, correction: 'Holder' } },
    });
    expect((await wholeLog(store)).length, 'a refusal appends nothing').toBe(log.length);
  });

  const models = everyReadModel('body-corrections', () => store);

  it.each(models)(
    'answers %s with the recorded facts as known before, the corrected after',
    async (_name, build) => {
      const model = await build();
      const may2016 = unsafeCalendarDate('2016-05-15');
      const was = await answerOf(model.body(reform, may2016, beforeCorrection));
      expect(was).toMatchObject({ status: 'not-yet-established', establishedOn: '2016-06-01' });
      const is = await answerOf(model.body(reform, may2016, afterCorrection));
      expect(is).toMatchObject({
        status: 'active',
        establishedOn: '2016-05-01',
        name: correctedName,
      });
      expect(is.end?.on, 'the ended body keeps its end').toBe('2018-12-04');

      const december2018 = unsafeCalendarDate('2018-12-10');
      const deputy = async (knownAt: Instant) =>
        (await answerOf(model.roster(successor, december2018, knownAt))).find(
          (seat) => seat.seatId === 'pho-truong-ban',
        )?.roles;
      expect(await deputy(beforeCorrection)).toEqual(['deputy-head']);
      expect(await deputy(afterCorrection)).toEqual(['deputy-head', 'standing-member']);

      const sixth = async (knownAt: Instant) =>
        (await answerOf(model.duties(successor, december2018, knownAt))).some(
          (duty) => duty.dutyId === 'nv-6-nhiem-vu-khac',
        );
      expect(await sixth(beforeCorrection)).toBe(true);
      expect(await sixth(afterCorrection)).toBe(false);

      const april2019 = unsafeCalendarDate('2019-04-15');
      const name = async (knownAt: Instant) =>
        (await answerOf(model.body(successor, april2019, knownAt))).name;
      expect(await name(beforeCorrection), 'the rename as recorded, from May').not.toEqual(renamed);
      expect(await name(afterCorrection), 'the rename as corrected, from April').toEqual(renamed);
      const secretary = async (date: CalendarDate, knownAt: Instant) =>
        (await answerOf(model.roster(successor, date, knownAt))).find(
          (seat) => seat.seatId === 'uv-thuong-truc-thu-ky',
        );
      expect([...((await secretary(april2019, beforeCorrection))?.roles ?? [])].sort()).toEqual([
        'secretary',
        'standing-member',
      ]);
      expect((await secretary(april2019, afterCorrection))?.roles).toEqual(['standing-member']);
      expect((await secretary(december2018, beforeCorrection))?.holder).not.toBeNull();
      expect((await secretary(december2018, afterCorrection))?.holder).toBeNull();
      const review = async (knownAt: Instant) =>
        (await answerOf(model.duties(successor, april2019, knownAt))).find(
          (duty) => duty.dutyId === 'nv-4-so-ket',
        )?.text;
      expect(await review(beforeCorrection)).not.toEqual(amendedText);
      expect(await review(afterCorrection)).toEqual(amendedText);
      const june2020 = unsafeCalendarDate('2020-06-15');
      const end = async (knownAt: Instant) => answerOf(model.body(successor, june2020, knownAt));
      expect(await end(beforeCorrection)).toMatchObject({
        status: 'ended',
        end: { on: '2020-06-01' },
      });
      expect(await end(afterCorrection)).toMatchObject({
        status: 'active',
        end: { on: '2020-07-01' },
      });
    },
  );

  it.each(models)(
    'keeps %s both the recorded facts and the corrections in history',
    async (_name, build) => {
      const model = await build();
      const basis = decodeWith(LegalBasis, erratum);
      if (E.isLeft(basis)) throw new Error('the erratum does not decode');
      const changes = await answerOf(model.changesByInstrument(basis.right));
      expect(changes.map((change) => [change.type, change.effectiveOn])).toEqual([
        ['EstablishmentDateCorrected', '2016-05-01'],
        ['BodyNameCorrected', '2016-05-01'],
        ['SeatRolesCorrected', '2018-12-04'],
        ['DutyDateCorrected', '2019-01-01'],
        ['RenameDateCorrected', '2019-04-01'],
        ['SeatRolesChangeDateCorrected', '2019-04-01'],
        ['DutyAmendmentDateCorrected', '2019-04-01'],
        ['EndDateCorrected', '2020-07-01'],
        ['SeatHoldingCorrected', '2018-12-04'],
      ]);
      expect(await answerOf(model.changesByInstrument(basis.right, beforeCorrection))).toEqual([]);
      const founding = await answerOf(
        model.changesBetween(unsafeCalendarDate('2016-01-01'), unsafeCalendarDate('2016-12-31')),
      );
      expect(
        founding.filter((c) => c.aggregateId === reform).map((c) => [c.type, c.effectiveOn]),
      ).toEqual([
        ['EstablishmentDateCorrected', '2016-05-01'],
        ['BodyNameCorrected', '2016-05-01'],
        ['BodyEstablished', '2016-06-01'],
      ]);
    },
  );
});

describe('a person’s recorded name, corrected by an erratum naming the registration (rule 14)', () => {
  it('corrects it once the erratum is recorded; refuses naming anything but the registration', async () => {
    const world = memoryWorld('2018-12-05T02:00:00.000Z' as Instant);
    for (const step of Seed.seedSteps)
      expect(E.isRight(await world.handler.handle(step.envelope)), step.title).toBe(true);
    await world.handler.handle(
      envelope('record-erratum', {
        type: 'RecordInstrument',
        data: { basis: erratum, effectiveOn: erratum.signedOn, relations: [] },
      }),
    );
    const log = await wholeLog(world.store);
    const rename = (commandId: string, corrects: string) =>
      world.handler.handle(
        envelope(commandId, {
          type: 'CorrectPersonName',
          data: {
            personId: SeedIds.tram,
            corrects,
            name: 'Nguyễn Văn Trâm',
            basis: erratum,
            effectiveOn: '2018-12-04',
          },
        }),
      );
    const registration = idOf(log, `person-${SeedIds.tram}`, 'PersonRegistered');
    expect(await rename('wrong', idOf(log, `body-${reform}`, 'BodyEstablished'))).toMatchObject({
      _tag: 'Left',
      left: { refusal: { _tag: 'NotTheRegistration', rule: 14 } },
    });
    expect(await rename('right', registration)).toMatchObject({
      _tag: 'Right',
      right: { events: 1 },
    });
    const corrected = (await wholeLog(world.store)).at(-1);
    expect(corrected).toMatchObject({
      type: 'PersonNameCorrected',
      data: { corrects: registration, name: 'Nguyễn Văn Trâm', previous: 'Nguyễn Văn Trăm' },
    });
  });
});
