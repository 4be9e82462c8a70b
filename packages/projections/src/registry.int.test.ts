/**
 * Instruments, persons and search by name through the read models, on the seed and a few more
 * commands: the Prime Minister's decision 1072/QĐ-TTg (recorded with a look-alike `Ð` and a
 * trailing space) replaces 109/QĐ-TTg; Mr. Đặng Văn Hòa is registered under it and his name is
 * corrected to Đặng Văn Hoà Bình. What replaced 109/QĐ-TTg, the instruments, persons and bodies
 * found by names written with or without diacritics, before and after the correction was
 * recorded, and what 1072/QĐ-TTg changed come out the same from the in-memory read model, SQLite
 * on a real file, PostgreSQL on the real server, and the naive oracle.
 *
 * @see docs/reference/domain.md rule 15 and "Questions the read models answer"
 */
import * as E from 'fp-ts/Either';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  instrumentKey,
  unsafeCalendarDate,
  type BodyId,
  type Instant,
  type LegalBasis,
} from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import type { EventStore } from '@mandate/eventstore';
import { answerOf } from './answers.fixture.js';
import { everyReadModel } from './every-read-model.fixture.js';
import { envelope, eventOf, memoryWorld, withEventIds } from './history.fixture.js';

const HOUR = 3_600_000;
const government = Seed.SeedIds.government;
const signer = { name: 'Nguyễn Xuân Phúc', title: 'Thủ tướng Chính phủ' };

const decision109 = {
  type: 'decision',
  number: '109/QĐ-TTg',
  issuer: government,
  signer,
  signedOn: '2017-01-10',
  title: { vi: 'Quyết định về Ban Chỉ đạo quốc gia' },
};
const decision1072 = {
  type: 'decision',
  number: '1072/QÐ-TTg ',
  issuer: government,
  signer,
  signedOn: '2018-07-01',
  title: { vi: 'Quyết định thay thế Quyết định số 109/QĐ-TTg' },
};
const cite = (basis: typeof decision109, signedOn = basis.signedOn) =>
  ({ number: basis.number, issuer: basis.issuer, signedOn }) as LegalBasis;
const record = (basis: typeof decision109) => ({
  key: instrumentKey(cite(basis)),
  instrument: { ...basis, number: basis.number.normalize('NFC') },
  effectiveOn: basis.signedOn,
});

describe('instruments, persons and search by name', () => {
  let store: EventStore;
  let before1072: Instant;
  let beforeCorrection: Instant;

  beforeAll(async () => {
    const world = memoryWorld('2018-12-05T02:00:00.000Z' as Instant);
    store = world.store;
    for (const step of Seed.seedSteps) {
      world.clock.advance(HOUR);
      expect(E.isRight(await world.handler.handle(step.envelope)), step.title).toBe(true);
    }
    const registered = (name: string) => ({
      personId: 'dang-van-hoa',
      name,
      basis: decision1072,
      effectiveOn: '2018-07-01',
    });
    const commands = [
      {
        type: 'RecordInstrument',
        data: { basis: decision109, effectiveOn: '2017-01-10', relations: [] },
      },
      {
        type: 'RecordInstrument',
        data: {
          basis: decision1072,
          effectiveOn: '2018-07-01',
          relations: [{ kind: 'replaces', to: cite(decision109) }],
        },
      },
      { type: 'RegisterPerson', data: registered('Đặng Văn Hòa') },
      {
        type: 'CorrectPersonName',
        data: { ...registered('Đặng Văn Hoà Bình'), corrects: eventOf('person-dang-van-hoa', 0) },
      },
    ];
    for (const [i, command] of commands.entries()) {
      world.clock.advance(HOUR);
      if (i === 1) before1072 = world.clock.now();
      if (i === 3) beforeCorrection = world.clock.now();
      world.clock.advance(HOUR);
      const outcome = await world.handler.handle(
        envelope(`registry-${i}`, await withEventIds(store, command)),
      );
      expect(outcome, `command ${i}`).toMatchObject({ _tag: 'Right' });
    }
  });

  const models = everyReadModel('registry', () => store);

  it.each(models)('tells %s what replaced 109/QĐ-TTg, by either spelling', async (_name, build) => {
    const model = await build();
    const [r109, r1072] = [record(decision109), record(decision1072)];
    expect(await model.instrument(cite(decision109))).toEqual(
      E.right({ ...r109, relations: [], relatedBy: [{ kind: 'replaces', instrument: r1072 }] }),
    );
    const typed = { ...cite(decision1072), number: '1072/QĐ-TTg' } as LegalBasis;
    expect(await model.instrument(typed)).toEqual(
      E.right({ ...r1072, relations: [{ kind: 'replaces', instrument: r109 }], relatedBy: [] }),
    );
    expect(await model.instrument(typed, before1072)).toEqual(
      E.left({ _tag: 'UnknownInstrument', key: r1072.key, knownAt: before1072 }),
    );
    const wrongYear = cite(decision109, '2018-01-10');
    expect(await model.instrument(wrongYear)).toEqual(
      E.left({ _tag: 'UnknownInstrument', key: instrumentKey(wrongYear) }),
    );
    expect(await model.changesByInstrument(wrongYear)).toEqual(
      E.left({ _tag: 'UnknownInstrument', key: instrumentKey(wrongYear) }),
    );
    const keys = async (search: string) =>
      (await answerOf(model.instruments(search))).map((found) => found.key);
    expect(await keys('qd-TTG')).toEqual([r1072.key, r109.key]);
    expect(await keys('thay the')).toEqual([r1072.key]);
    expect(await keys('1072/QĐ')).toEqual([r1072.key]);
  });

  it.each(models)(
    'finds %s persons and bodies with or without diacritics',
    async (_name, build) => {
      const model = await build();
      const hoa = { personId: 'dang-van-hoa', registeredOn: '2018-07-01' };
      expect(await model.persons('dang van HOA')).toEqual(
        E.right([{ ...hoa, name: 'Đặng Văn Hoà Bình' }]),
      );
      expect(await model.persons('Đặng  Văn Hòa', beforeCorrection)).toEqual(
        E.right([{ ...hoa, name: 'Đặng Văn Hòa' }]),
      );
      expect(await model.persons('hoa binh', beforeCorrection)).toEqual(E.right([]));
      expect(await model.persons('Trăm')).toEqual(
        E.right([
          { personId: Seed.SeedIds.tram, name: 'Nguyễn Văn Trăm', registeredOn: '2018-12-04' },
        ]),
      );
      const jan2019 = unsafeCalendarDate('2019-01-01');
      const found = await answerOf(model.bodiesNamed('Binh Phuoc', jan2019));
      expect(found.map((body) => [body.bodyId, body.status])).toContainEqual([
        Seed.SeedIds.successor as BodyId,
        'active',
      ]);
      expect(await model.bodiesNamed('binh phuoc', '2019-02-30' as typeof jan2019)).toEqual(
        E.left({ _tag: 'InvalidQuery', argument: 'on', value: '2019-02-30' }),
      );
      const changes = await answerOf(model.changesByInstrument(cite(decision1072)));
      expect(changes.map((change) => [change.aggregate, change.aggregateId, change.type])).toEqual([
        ['person', 'dang-van-hoa', 'PersonRegistered'],
        ['person', 'dang-van-hoa', 'PersonNameCorrected'],
      ]);
    },
  );
});
