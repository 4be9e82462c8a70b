/**
 * Citations against the instrument registry (rule 15), through the handler: an instrument is
 * recorded once under its canonical key; a command citing it with another signer, or by the wrong
 * year, is refused naming both and appends nothing; so is one citing an instrument never recorded
 * (the registry is mandatory); one citing it as recorded, however its number is printed, is
 * decided as before.
 *
 * @see docs/reference/domain.md rule 15
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore, type EventStore, type StoredEvent } from '@mandate/eventstore';
import {
  PROVINCE,
  envelope,
  establishOffice,
  instrument,
  recordInstrument,
  registerProvince,
} from './commands.fixture.js';
import { createCommandHandler } from './handle.js';

const decision = instrument(PROVINCE, '2018-01-05', '5/QĐ-UBND');

const recordDecision = {
  type: 'RecordInstrument',
  data: {
    basis: decision,
    effectiveOn: '2018-01-05',
    relations: [],
    reference: { kind: 'archive', archive: 'Lưu trữ UBND tỉnh, hồ sơ 5/2018' },
  },
};

const establishCiting = (basis: unknown) => {
  const command = establishOffice();
  return { ...command, data: { ...command.data, basis } };
};

async function log(store: EventStore): Promise<ReadonlyArray<StoredEvent>> {
  const all = await store.readAll({});
  if (E.isLeft(all)) throw new Error(all.left.message);
  return all.right;
}

async function world() {
  const store = createInMemoryEventStore();
  const handler = createCommandHandler({ store });
  for (const [id, command] of [
    ['record-province', recordInstrument(registerProvince.data.basis)],
    ['province', registerProvince],
    ['record', recordDecision],
  ] as const)
    expect(E.isRight(await handler.handle(envelope(id, command))), id).toBe(true);
  return { store, handler };
}

describe('citations of recorded instruments (rule 15)', () => {
  it('refuses another signer under a recorded key, naming both, and appends nothing', async () => {
    const { store, handler } = await world();
    const before = await log(store);
    const other = { ...decision, signer: { name: 'Trần Văn B', title: 'Phó Chủ tịch' } };
    const result = await handler.handle(envelope('office', establishCiting(other)));
    expect(result).toMatchObject({
      _tag: 'Left',
      left: {
        _tag: 'Refused',
        refusal: { _tag: 'CitationConflict', rule: 15, cited: other, recorded: decision },
      },
    });
    expect(await log(store)).toEqual(before);
  });

  it('refuses a citation by the wrong year, naming the instrument recorded in another', async () => {
    const { store, handler } = await world();
    const before = await log(store);
    const wrongYear = { ...decision, signedOn: '2019-01-05' };
    const result = await handler.handle(envelope('office', establishCiting(wrongYear)));
    expect(result).toMatchObject({
      _tag: 'Left',
      left: { refusal: { _tag: 'UnresolvedCitation', rule: 15, candidates: [decision] } },
    });
    expect(await log(store)).toEqual(before);
  });

  it('accepts the recorded instrument however its number is printed', async () => {
    const { handler } = await world();
    const printed = { ...decision, number: '5/QÐ-UBND ' };
    expect(E.isRight(await handler.handle(envelope('a', establishCiting(printed))))).toBe(true);
  });

  it('refuses an instrument never recorded, under any year, and appends nothing', async () => {
    const { store, handler } = await world();
    const before = await log(store);
    const unrecorded = instrument(PROVINCE, '2018-02-01', '77/QĐ-UBND');
    const result = await handler.handle(envelope('b', establishCiting(unrecorded)));
    expect(result).toMatchObject({
      _tag: 'Left',
      left: {
        _tag: 'Refused',
        refusal: { _tag: 'UnresolvedCitation', rule: 15, cited: unrecorded, candidates: [] },
      },
    });
    expect(await log(store)).toEqual(before);
    expect(
      E.isRight(await handler.handle(envelope('record-77', recordInstrument(unrecorded)))),
    ).toBe(true);
    expect(E.isRight(await handler.handle(envelope('b', establishCiting(unrecorded))))).toBe(true);
  });

  it('records an instrument once: recording it again is nothing to do', async () => {
    const { store, handler } = await world();
    const before = await log(store);
    expect(await handler.handle(envelope('again', recordDecision))).toMatchObject({
      _tag: 'Right',
      right: { events: 0 },
    });
    expect(await log(store)).toEqual(before);
  });
});
