/**
 * The shrunk case of the append-cut property (seed 635467535), through the read models (rule 14):
 * a body established by an instrument, that instrument annulled ab initio, and the same body id
 * established again under another instrument. The write side refuses the second establishment
 * (`IdentityWithdrawn`): it used to append it, and every read model then refused the body's
 * stream as corrupt ("establishes body … a second time"). The in-memory, SQLite (a real file) and
 * PostgreSQL (the real server) read models catch up with the log and answer as the oracle: the
 * body as known before the annulment, no such body as known after.
 *
 * @see docs/reference/domain.md rule 14
 */
import * as E from 'fp-ts/Either';
import { beforeAll, describe, expect, it } from 'vitest';
import { unsafeCalendarDate, type BodyId, type Instant } from '@mandate/core';
import type { EventStore } from '@mandate/eventstore';
import { expectSameAnswers } from './answers.fixture.js';
import { everyReadModel } from './every-read-model.fixture.js';
import { registerProvince } from './generated-history.fixture.js';
import { RECORDING_START, envelope, memoryWorld, wholeLog } from './history.fixture.js';
import { createOracle } from './oracle.js';

const bodyId = 'bcd-rut-lai' as BodyId;
const HOUR = 3_600_000;
const { basis } = registerProvince.data;
const establishing = { ...basis, number: '100/QĐ-UBND', signedOn: '2018-03-01' };
const annulling = { ...basis, number: '60/QĐ-UBND', signedOn: '2018-06-01' };
const later = { ...basis, number: '110/QĐ-UBND', signedOn: '2018-07-01' };

/** Establishes the working group under `cited`. */
const establish = (cited: typeof basis) => ({
  type: 'EstablishBody',
  data: {
    bodyId,
    kind: 'working-group',
    name: { vi: 'Tổ công tác rút lại' },
    authority: registerProvince.data.authorityId,
    basis: cited,
    effectiveOn: cited.signedOn,
  },
});

describe('a body whose establishment was annulled, established again (rule 14)', () => {
  let store: EventStore;
  let beforeAnnulment: Instant;
  let afterAnnulment: Instant;

  beforeAll(async () => {
    const world = memoryWorld(RECORDING_START);
    store = world.store;
    const submit = async (commandId: string, command: unknown) => {
      world.clock.advance(HOUR);
      return world.handler.handle(envelope(commandId, command));
    };
    const recordings = [basis, establishing, annulling, later].map((cited) => ({
      type: 'RecordInstrument',
      data: { basis: cited, effectiveOn: cited.signedOn, relations: [] },
    }));
    for (const [i, command] of [...recordings, registerProvince, establish(establishing)].entries())
      expect(E.isRight(await submit(`c-${i}`, command))).toBe(true);
    beforeAnnulment = world.clock.now();
    const annul = {
      type: 'AnnulInstrument',
      data: { instrument: establishing, basis: annulling, effectiveOn: annulling.signedOn },
    };
    expect(await submit('annul', annul)).toMatchObject({ _tag: 'Right', right: { events: 2 } });
    afterAnnulment = world.clock.now();
    const size = (await wholeLog(store)).length;
    expect(await submit('again', establish(later))).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'Refused', refusal: { _tag: 'IdentityWithdrawn', kind: 'body', id: bodyId } },
    });
    expect(await wholeLog(store)).toHaveLength(size);
  });

  const models = everyReadModel('withdrawn-establishment', () => store);

  it.each(models)(
    'answers %s: the body as known before the annulment, no body as known after',
    async (_name, build) => {
      const model = await build();
      const on = unsafeCalendarDate('2018-08-01');
      expect(await model.body(bodyId, on, beforeAnnulment)).toMatchObject({
        _tag: 'Right',
        right: { bodyId },
      });
      for (const knownAt of [afterAnnulment, undefined])
        expect(await model.body(bodyId, on, knownAt)).toMatchObject({
          _tag: 'Left',
          left: { _tag: 'UnknownBody' },
        });
    },
  );

  it('answers every query in every read model as the oracle does, before and after', async () => {
    const oracle = createOracle(await wholeLog(store));
    for (const [name, build] of models.slice(0, 3)) {
      const model = await build();
      for (const knownAt of [beforeAnnulment, afterAnnulment, undefined])
        for (const on of ['2018-04-01', '2018-08-01'])
          await expectSameAnswers(model, oracle, {
            bodyId,
            on: unsafeCalendarDate(on),
            knownAt,
          }).catch((error: unknown) => {
            throw new Error(`${name}, known at ${String(knownAt)}, on ${on}: ${String(error)}`);
          });
    }
  });
});
