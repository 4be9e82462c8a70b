/**
 * The rules across streams for seats, through the handler on the in-memory store: a seat naming
 * an office not in force, or a person never registered, is refused; so is a seat that would put
 * one person in the body twice through two offices. The offices and persons read are read
 * expectations of the append, so an office abolished between the read and the append makes the
 * command conflict and be refused on the new state. From the office's side, an appointment that
 * would seat its person twice in a body following the office is refused too, and one racing the
 * creation of such a seat conflicts on the office's index of followers and is decided again.
 *
 * @see docs/reference/domain.md rules 17, 18, 19 and 20
 */
import { describe, expect, it } from 'vitest';
import type { AppendRequest } from '@mandate/eventstore';
import {
  PROVINCE,
  appointOfficeHolder,
  createSeat,
  envelope,
  establishBody,
  instrument,
  registerCity,
  registerProvince,
  seatedWorld,
} from './commands.fixture.js';
import { createCommandHandler } from './handle.js';
import {
  acceptedOf,
  failureOf,
  intercepted,
  memoryStore,
  recordCited,
  streamEvents,
  wholeLog,
} from './store.fixture.js';

const abolishOffice = (officeId: string, effectiveOn: string) => ({
  type: 'AbolishOffice',
  data: { officeId, basis: instrument(PROVINCE, effectiveOn, '50/QĐ-UBND'), effectiveOn },
});

/** Mr. Trăm appointed to the finance department too, by an instrument of its own. */
const financeAppointment = (() => {
  const appointment = appointOfficeHolder('giam-doc-so-tc', 'nguyen-van-tram', '2018-05-01');
  return {
    ...appointment,
    data: { ...appointment.data, basis: instrument(PROVINCE, '2018-05-01', '8/QĐ-UBND') },
  };
})();

/** A store with the registry, the fixtures' offices and person, and body `bcd-a`. */
async function setUp() {
  const base = memoryStore();
  const other = createCommandHandler({ store: base });
  await recordCited(
    other,
    registerProvince,
    registerCity,
    ...seatedWorld.map(([, command]) => command),
    establishBody('bcd-a'),
    createSeat('bcd-a', 'uy-vien', 'so-khong-co'),
    appointOfficeHolder(),
    financeAppointment,
    abolishOffice('giam-doc-so-khdt', '2018-05-01'),
  );
  for (const [id, command] of [
    ['p', registerProvince],
    ['c', registerCity],
    ...seatedWorld,
    ['a', establishBody('bcd-a')],
  ] as const) {
    acceptedOf(await other.handle(envelope(id, command)));
  }
  return { base, other };
}

describe('a seat naming other streams', () => {
  it('SeatOfficeNotInForce: an office never established is refused, appending nothing', async () => {
    const { base, other } = await setUp();
    const before = (await wholeLog(base)).length;
    const failure = failureOf(
      await other.handle(envelope('x', createSeat('bcd-a', 'uy-vien', 'so-khong-co'))),
    );
    expect(failure).toMatchObject({
      _tag: 'Refused',
      refusal: { _tag: 'SeatOfficeNotInForce', rule: 18, office: 'so-khong-co', on: '2018-06-01' },
    });
    expect(await wholeLog(base)).toHaveLength(before);
  });

  it('SeatPersonNotRegistered: a charter naming a person never registered is refused', async () => {
    const store = memoryStore();
    const handler = createCommandHandler({ store });
    const offices = seatedWorld.filter(([id]) => id.startsWith('office-'));
    await recordCited(
      handler,
      registerProvince,
      ...offices.map(([, command]) => command),
      establishBody('bcd-a'),
    );
    acceptedOf(await handler.handle(envelope('p', registerProvince)));
    for (const [id, command] of offices) acceptedOf(await handler.handle(envelope(id, command)));
    const failure = failureOf(await handler.handle(envelope('a', establishBody('bcd-a'))));
    expect(failure).toMatchObject({
      _tag: 'Refused',
      refusal: { _tag: 'SeatPersonNotRegistered', rule: 19, person: 'nguyen-van-tram' },
    });
    expect(await streamEvents(store, 'body-bcd-a')).toEqual([]);
  });

  it('PersonSitsTwice: a seat whose office the head already holds is refused', async () => {
    const { other } = await setUp();
    // Mr. Trăm chairs the committee ex officio and also holds the finance department.
    acceptedOf(await other.handle(envelope('chair', appointOfficeHolder())));
    acceptedOf(await other.handle(envelope('finance', financeAppointment)));
    const failure = failureOf(
      await other.handle(envelope('x', createSeat('bcd-a', 'uy-vien', 'giam-doc-so-tc'))),
    );
    expect(failure).toMatchObject({
      _tag: 'Refused',
      refusal: {
        _tag: 'PersonSitsTwice',
        rule: 20,
        person: 'nguyen-van-tram',
        on: '2018-06-01',
        seats: ['truong-ban', 'uy-vien'],
      },
    });
  });

  it('relies on the offices and persons it read, and is decided again when one changed', async () => {
    const { base, other } = await setUp();
    const appends: AppendRequest[] = [];
    const store = intercepted(base, {
      beforeAppend: async (request, call) => {
        appends.push(request);
        if (call === 1)
          acceptedOf(
            await other.handle(
              envelope('abolish', abolishOffice('giam-doc-so-khdt', '2018-05-01')),
            ),
          );
      },
    });
    const handler = createCommandHandler({ store });

    const failure = failureOf(
      await handler.handle(envelope('mine', createSeat('bcd-a', 'uy-vien', 'giam-doc-so-khdt'))),
    );

    expect(appends).toHaveLength(1);
    expect(appends[0]?.expectations).toEqual(
      expect.arrayContaining([
        { stream: 'authorities', expectedRevision: 1n },
        { stream: 'office-chu-tich-ubnd-tinh', expectedRevision: 0n },
        { stream: 'office-giam-doc-so-tttt', expectedRevision: 0n },
        { stream: 'office-giam-doc-so-khdt', expectedRevision: 0n },
      ]),
    );
    expect(failure).toMatchObject({
      _tag: 'Refused',
      refusal: { _tag: 'SeatOfficeNotInForce', office: 'giam-doc-so-khdt', on: '2018-06-01' },
    });
    const body = await streamEvents(base, 'body-bcd-a');
    expect(body.map((e) => e.metadata.commandId)).not.toContain('mine');
  });
});

describe('an office some body follows (rule 20 from the office side)', () => {
  it('PersonSitsTwice: appointing the chair to an office a seat of the body follows is refused', async () => {
    const { base, other } = await setUp();
    // The committee's head follows the chairmanship; a member seat follows the finance department.
    acceptedOf(await other.handle(envelope('chair', appointOfficeHolder())));
    acceptedOf(
      await other.handle(envelope('seat', createSeat('bcd-a', 'uy-vien', 'giam-doc-so-tc'))),
    );
    const before = await wholeLog(base);

    const failure = failureOf(await other.handle(envelope('finance', financeAppointment)));

    expect(failure).toMatchObject({
      _tag: 'Refused',
      refusal: {
        _tag: 'PersonSitsTwice',
        rule: 20,
        bodyId: 'bcd-a',
        person: 'nguyen-van-tram',
        on: '2018-06-01',
        seats: ['truong-ban', 'uy-vien'],
      },
    });
    expect(await wholeLog(base)).toEqual(before);
  });

  it('an appointment racing the creation of a seat following the office conflicts and is refused', async () => {
    const { base, other } = await setUp();
    acceptedOf(await other.handle(envelope('chair', appointOfficeHolder())));
    const appends: AppendRequest[] = [];
    const store = intercepted(base, {
      beforeAppend: async (request, call) => {
        appends.push(request);
        if (call === 1)
          acceptedOf(
            await other.handle(envelope('seat', createSeat('bcd-a', 'uy-vien', 'giam-doc-so-tc'))),
          );
      },
    });
    const handler = createCommandHandler({ store });

    const failure = failureOf(await handler.handle(envelope('finance', financeAppointment)));

    // Decided first on an index listing no body, the appointment expected it unchanged.
    expect(appends).toHaveLength(1);
    expect(appends[0]?.expectations).toEqual(
      expect.arrayContaining([
        { stream: 'seats-of-office-giam-doc-so-tc', expectedRevision: 'no-stream' },
      ]),
    );
    expect(failure).toMatchObject({
      _tag: 'Refused',
      refusal: { _tag: 'PersonSitsTwice', bodyId: 'bcd-a', seats: ['truong-ban', 'uy-vien'] },
    });
    const office = await streamEvents(base, 'office-giam-doc-so-tc');
    expect(office.map((e) => e.metadata.commandId)).not.toContain('finance');
  });
});
