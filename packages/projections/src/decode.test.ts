/**
 * The read side refuses events that contradict their stream as corrupt, as the application's
 * load path does: an event naming another body or office than the stream's, a second
 * establishment, an event before the establishment. Through the upcasters it is given, it reads
 * an older version of any event it reads, the withdrawal included.
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { EventsWithdrawn, WITHDRAWAL_EVENT_TYPE } from '@mandate/core';
import { eventSchemaFromUnion, upcasterRegistry, type StoredEvent } from '@mandate/eventstore';
import { decodeReadSide } from './decode.js';
import { RECORDING_START, envelope, memoryWorld, wholeLog } from './history.fixture.js';

const province = 'ubnd-tinh-binh-phuoc';
const basis = {
  type: 'decision',
  number: '1/QĐ-UBND',
  issuer: province,
  signer: { name: 'Nguyễn Văn Trăm' },
  signedOn: '2018-03-01',
};

const registration = { ...basis, number: '2/QĐ-UBND', signedOn: '2018-01-01' };
/** Records an instrument the commands cite (the registry is mandatory, rule 15). */
const record = (cited: typeof basis) => ({
  type: 'RecordInstrument',
  data: { basis: cited, effectiveOn: cited.signedOn, relations: [] },
});

/** The stored events of a province, two instruments, a person, an office and a body renamed once. */
async function stored(): Promise<StoredEvent[]> {
  const { store, handler } = memoryWorld(RECORDING_START);
  const commands = [
    record(registration),
    record(basis),
    {
      type: 'RegisterAuthority',
      data: {
        authorityId: province,
        name: { vi: 'UBND tỉnh' },
        level: 'province',
        basis: registration,
        effectiveOn: '2018-01-01',
      },
    },
    {
      type: 'RegisterPerson',
      data: { personId: 'tran-thi-hoa', name: 'Trần Thị Hòa', basis, effectiveOn: '2018-03-01' },
    },
    {
      type: 'EstablishOffice',
      data: {
        officeId: 'chu-tich',
        authority: province,
        name: { vi: 'Chủ tịch' },
        basis,
        effectiveOn: '2018-03-01',
      },
    },
    {
      type: 'EstablishBody',
      data: {
        bodyId: 'bcd-a',
        kind: 'steering-committee',
        name: { vi: 'Ban Chỉ đạo' },
        authority: province,
        basis,
        effectiveOn: '2018-03-01',
      },
    },
    {
      type: 'AmendBody',
      data: {
        bodyId: 'bcd-a',
        basis,
        effectiveOn: '2018-03-01',
        changes: [{ change: 'Rename', name: { vi: 'Ban Chỉ đạo mới' } }],
      },
    },
  ];
  for (const [i, command] of commands.entries()) {
    const result = await handler.handle(envelope(`c-${i}`, command));
    if (E.isLeft(result)) throw new Error(result.left.message);
  }
  return wholeLog(store);
}

const find = (events: StoredEvent[], type: string): StoredEvent => {
  const found = events.find((event) => event.type === type);
  if (found === undefined) throw new Error(`No ${type}`);
  return found;
};

describe('the read-side decode', () => {
  it('decodes events that fit their stream', async () => {
    const events = await stored();
    for (const event of events) expect(E.isRight(decodeReadSide(event))).toBe(true);
  });

  it('refuses an event naming another body or office than its stream', async () => {
    const events = await stored();
    const body = decodeReadSide({ ...find(events, 'BodyRenamed'), stream: 'body-bcd-z' });
    expect(E.isLeft(body) && body.left).toMatchObject({
      _tag: 'CorruptEvent',
      stream: 'body-bcd-z',
      message: expect.stringContaining('names body bcd-a'),
    });
    const office = decodeReadSide({ ...find(events, 'OfficeEstablished'), stream: 'office-khac' });
    expect(E.isLeft(office) && office.left._tag).toBe('CorruptEvent');
    const person = decodeReadSide({ ...find(events, 'PersonRegistered'), stream: 'person-khac' });
    expect(E.isLeft(person) && person.left._tag).toBe('CorruptEvent');
  });

  it('reads the person, authority and instrument streams through their own codecs', async () => {
    const events = await stored();
    const aggregates = events.map((event) => {
      const decoded = decodeReadSide(event);
      return E.isRight(decoded) ? decoded.right.aggregate : 'corrupt';
    });
    expect(new Set(aggregates)).toEqual(
      new Set(['instrument', 'authority', 'person', 'office', 'body']),
    );
    const garbled = { ...find(events, 'InstrumentRecorded'), data: { instrument: 'none' } };
    expect(E.isLeft(decodeReadSide(garbled))).toBe(true);
  });

  it('reads a withdrawal on a person or authority stream as one, and refuses it on the registry', async () => {
    const events = await stored();
    const withdrawal = (of: StoredEvent): StoredEvent => {
      const { source } = of.data as { readonly source: unknown };
      return {
        ...of,
        revision: of.revision + 1n,
        type: 'EventsWithdrawn',
        data: { withdrawn: [of.eventId], annulled: basis, effectiveOn: '2018-04-01', source },
      };
    };
    const person = decodeReadSide(withdrawal(find(events, 'PersonRegistered')));
    expect(E.isRight(person) && person.right).toMatchObject({
      aggregate: 'withdrawal',
      from: 'person',
      subject: 'tran-thi-hoa',
    });
    const authority = decodeReadSide(withdrawal(find(events, 'AuthorityRegistered')));
    expect(E.isRight(authority) && authority.right).toMatchObject({
      aggregate: 'withdrawal',
      from: 'authority',
      subject: 'authorities',
    });
    const registry = decodeReadSide(withdrawal(find(events, 'InstrumentRecorded')));
    expect(E.isLeft(registry) && registry.left._tag).toBe('CorruptEvent');
  });

  it('reads a withdrawal of an older version through the upcasters, as any other event', async () => {
    const events = await stored();
    const of = find(events, 'PersonRegistered');
    const { source } = of.data as { readonly source: unknown };
    // A release whose withdrawal is at v2, where v1 named the withdrawn events `events`.
    const schemas = {
      withdrawal: eventSchemaFromUnion({ [WITHDRAWAL_EVENT_TYPE]: 2 }, EventsWithdrawn),
    };
    const renamed = upcasterRegistry([
      {
        type: WITHDRAWAL_EVENT_TYPE,
        fromVersion: 1,
        upcast: (data) => {
          const { events: withdrawn, ...rest } = data as { readonly events: unknown };
          return { ...rest, withdrawn };
        },
      },
    ]);
    const v1: StoredEvent = {
      ...of,
      revision: 1n,
      type: WITHDRAWAL_EVENT_TYPE,
      schemaVersion: 1,
      data: { events: [of.eventId], annulled: basis, effectiveOn: '2018-04-01', source },
    };
    const read = decodeReadSide(v1, { schemas, upcasters: renamed });
    expect(E.isRight(read) && read.right).toMatchObject({
      aggregate: 'withdrawal',
      event: { data: { withdrawn: [of.eventId] } },
    });
    expect(decodeReadSide(v1, { schemas })).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'CorruptEvent',
          stream: of.stream,
          revision: 1n,
          message: expect.stringContaining(
            `no upcaster from ${WITHDRAWAL_EVENT_TYPE} v1`,
          ) as unknown,
        }),
      ),
    );
  });

  it('refuses a second establishment, and an event before the establishment', async () => {
    const events = await stored();
    const again = decodeReadSide({ ...find(events, 'BodyEstablished'), revision: 1n });
    expect(E.isLeft(again) && again.left).toMatchObject({
      _tag: 'CorruptEvent',
      revision: 1n,
      message: expect.stringContaining('a second time'),
    });
    const early = decodeReadSide({ ...find(events, 'BodyRenamed'), revision: 0n });
    expect(E.isLeft(early) && early.left.message).toContain('before body bcd-a was established');
  });
});
