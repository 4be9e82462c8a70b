/**
 * Annulment ab initio through the handler (rule 14): an office holder appointed by an instrument
 * later annulled is, as loaded after the annulment, never appointed; the withdrawn events stay in
 * the log; a later command citing the annulled instrument, a second annulment, an annulment by
 * itself, of an unrecorded instrument or with later events resting on the withdrawn ones are
 * refused and append nothing.
 *
 * @see docs/reference/domain.md rule 14
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { OfficeId } from '@mandate/core';
import {
  PROVINCE,
  appointOfficeHolder,
  envelope,
  establishOffice,
  instrument,
  recordInstrument,
  registerPerson,
  registerProvince,
} from './commands.fixture.js';
import { createBatchHandler } from './batch.js';
import { createCommandHandler, type CommandHandler } from './handle.js';
import {
  acceptedOf,
  failureOf,
  memoryStore,
  recordCited,
  streamEvents,
  wholeLog,
} from './store.fixture.js';

const office = 'chu-tich-ubnd-tinh' as OfficeId;
const appointment = appointOfficeHolder();
const annulling = instrument(PROVINCE, '2018-06-01', '60/QĐ-UBND');
const annul = (target = appointment.data.basis, basis = annulling) => ({
  type: 'AnnulInstrument',
  data: { instrument: target, basis, effectiveOn: basis.signedOn },
});

/** A world with an office whose holder was appointed by `7/QĐ-UBND`, and the annulling instrument recorded. */
async function world(): Promise<{
  handler: CommandHandler;
  store: ReturnType<typeof memoryStore>;
}> {
  const store = memoryStore();
  const handler = createCommandHandler({ store });
  const commands = [registerProvince, registerPerson(), establishOffice(), appointment];
  await recordCited(handler, ...commands);
  for (const [i, command] of commands.entries())
    acceptedOf(await handler.handle(envelope(`c-${i}`, command)));
  acceptedOf(await handler.handle(envelope('record-annulling', recordInstrument(annulling))));
  return { handler, store };
}

describe('annulling an instrument ab initio (rule 14)', () => {
  it('withdraws every change it made, keeping them in the log', async () => {
    const { handler, store } = await world();
    const before = await handler.loadOffice(office);
    expect(E.isRight(before) && before.right.state.status === 'established').toBe(true);
    const held = E.isRight(before) && before.right.state.status === 'established';
    expect(held && before.right.state.holdings.length).toBe(1);
    const logBefore = await wholeLog(store);

    const outcome = acceptedOf(await handler.handle(envelope('annul', annul())));
    expect(outcome.events).toBe(2);

    const after = await handler.loadOffice(office);
    if (E.isLeft(after) || after.right.state.status !== 'established')
      throw new Error('the office is no longer established');
    expect(after.right.state.holdings).toEqual([]);
    const officeEvents = await streamEvents(store, `office-${office}`);
    expect(officeEvents.map((e) => e.type)).toEqual([
      'OfficeEstablished',
      'OfficeHolderAppointed',
      'EventsWithdrawn',
    ]);
    expect(officeEvents[2]?.data).toMatchObject({ withdrawn: [officeEvents[1]?.eventId] });
    const logAfter = await wholeLog(store);
    expect(logAfter.slice(0, logBefore.length)).toEqual(logBefore);

    const registry = await handler.loadInstruments();
    const annulled = E.isRight(registry)
      ? [...registry.right.state.instruments.values()].find(
          ({ instrument: { number } }) => number === '7/QĐ-UBND',
        )
      : undefined;
    expect(annulled?.annulledBy).toBe('60/QĐ-UBND|ubnd-tinh-binh-phuoc|2018');
    expect(annulled?.relatedBy).toContainEqual({
      kind: 'annuls',
      key: '60/QĐ-UBND|ubnd-tinh-binh-phuoc|2018',
    });
  });

  it('refuses a later command citing the annulled instrument, and a second annulment', async () => {
    const { handler, store } = await world();
    acceptedOf(await handler.handle(envelope('annul', annul())));
    const size = (await wholeLog(store)).length;
    const again = appointOfficeHolder(office, 'nguyen-van-tram', '2018-02-01');
    expect(failureOf(await handler.handle(envelope('again', again)))).toMatchObject({
      refusal: { _tag: 'CitesAnnulledInstrument' },
    });
    const later = instrument(PROVINCE, '2018-07-01', '70/QĐ-UBND');
    acceptedOf(await handler.handle(envelope('record-later', recordInstrument(later))));
    expect(
      failureOf(await handler.handle(envelope('twice', annul(appointment.data.basis, later)))),
    ).toMatchObject({ refusal: { _tag: 'CitesAnnulledInstrument' } });
    expect(await wholeLog(store)).toHaveLength(size + 1);
  });

  it('refuses to annul the annulling instrument: an annulment is not undone', async () => {
    const { handler, store } = await world();
    acceptedOf(await handler.handle(envelope('annul', annul())));
    const later = instrument(PROVINCE, '2018-07-01', '70/QĐ-UBND');
    acceptedOf(await handler.handle(envelope('record-later', recordInstrument(later))));
    const size = (await wholeLog(store)).length;
    expect(
      failureOf(await handler.handle(envelope('undo', annul(annulling, later)))),
    ).toMatchObject({
      refusal: { _tag: 'AnnulmentOfAnnulment', annulled: '7/QĐ-UBND|ubnd-tinh-binh-phuoc|2018' },
    });
    expect(await wholeLog(store)).toHaveLength(size);
  });

  it('refuses an annulment by itself, of an unrecorded instrument, or by an earlier one', async () => {
    const { handler, store } = await world();
    const size = (await wholeLog(store)).length;
    const unrecorded = instrument(PROVINCE, '2018-03-03', '33/QĐ-UBND');
    const cases: ReadonlyArray<readonly [unknown, string]> = [
      [annul(annulling, annulling), 'AnnulmentBySelf'],
      [annul(unrecorded), 'UnresolvedCitation'],
      [annul(appointment.data.basis, unrecorded), 'UnresolvedCitation'],
      [annul(annulling, appointment.data.basis), 'RelationNotEarlier'],
    ];
    for (const [i, [command, tag]] of cases.entries())
      expect(failureOf(await handler.handle(envelope(`refused-${i}`, command)))).toMatchObject({
        refusal: { _tag: tag },
      });
    expect(await wholeLog(store)).toHaveLength(size);
  });

  it('refuses an annulment on which later events rest, naming them', async () => {
    const { handler, store } = await world();
    const size = (await wholeLog(store)).length;
    const establishment = establishOffice().data.basis;
    const outcome = failureOf(await handler.handle(envelope('annul-office', annul(establishment))));
    const appointed = (await streamEvents(store, `office-${office}`))[1];
    expect(outcome).toMatchObject({
      refusal: {
        _tag: 'AnnulmentHasDependents',
        dependents: [
          {
            stream: `office-${office}`,
            eventId: appointed?.eventId,
            type: 'OfficeHolderAppointed',
          },
        ],
      },
    });
    expect(await wholeLog(store)).toHaveLength(size);
  });

  it('refuses an annulment batched with other changes, and takes one with recordings only', async () => {
    const { store } = await world();
    const size = (await wholeLog(store)).length;
    const batches = createBatchHandler({ store });
    const later = instrument(PROVINCE, '2018-07-01', '70/QĐ-UBND');
    const together = {
      commandId: 'together',
      actor: 'clerk@ubnd-binh-phuoc',
      commands: [recordInstrument(later), registerPerson('nguoi-khac', 'Người Khác'), annul()],
    };
    expect(await batches.handleBatch(together)).toMatchObject({
      left: { _tag: 'RefusedInBatch', index: 2, refusal: { _tag: 'AnnulmentNotAlone' } },
    });
    expect(await wholeLog(store)).toHaveLength(size);
    const alone = {
      commandId: 'alone',
      actor: 'clerk@ubnd-binh-phuoc',
      commands: [recordInstrument(later), annul()],
    };
    expect(await batches.handleBatch(alone)).toMatchObject({ right: { events: 3 } });
  });
});
