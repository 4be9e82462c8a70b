/**
 * The command handler on the in-memory store: the happy path of every aggregate, a
 * reorganisation appending to several streams atomically, refusals, idempotency by command id
 * (docs/reference/domain.md rule 10), the actor policy, store failures and corrupt stored events.
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { BodyId, OfficeId, PersonId } from '@mandate/core';
import {
  EventMetadataCodec,
  storeUnavailable,
  type EventMetadata,
  type EventStore,
  type UpcasterRegistry,
} from '@mandate/eventstore';
import {
  CITY,
  appointOfficeHolder,
  createSeat,
  defaultFixtureCommands,
  envelope,
  establishBody,
  establishOffice,
  instrument,
  mergeBodies,
  registerCity,
  registerPerson,
  registerProvince,
  renameBody,
  seatedWorld,
} from './commands.fixture.js';
import { createCommandHandler, type CommandHandler } from './handle.js';
import { unauthorised } from './result.js';
import {
  acceptedOf,
  failureOf,
  intercepted,
  memoryStore,
  recordCited,
  recordingReads,
  sequentialIds,
  streamEvents,
  wholeLog,
} from './store.fixture.js';

const bodyId = (id: string) => id as BodyId;

/** An office none of the fixtures' seats follow, established by the test that needs it. */
const VICE_CHAIR = 'pho-chu-tich-ubnd-tinh';

/** Metadata of an event written straight to the store, as an import of old records would. */
const importMetadata: EventMetadata = (() => {
  const decoded = EventMetadataCodec.decode({
    validDate: '2018-03-01',
    commandId: 'import',
    correlationId: 'import',
    causationId: 'import',
    actor: 'import',
  });
  if (E.isLeft(decoded)) throw new Error('The import metadata does not decode');
  return decoded.right;
})();

/** A handler over a fresh store in which the province and the city are registered. */
async function withRegistry(store: EventStore = memoryStore()): Promise<{
  store: EventStore;
  handler: CommandHandler;
}> {
  const handler = createCommandHandler({ store, newEventId: sequentialIds() });
  await recordCited(handler, ...defaultFixtureCommands());
  acceptedOf(await handler.handle(envelope('register-province', registerProvince)));
  acceptedOf(await handler.handle(envelope('register-city', registerCity)));
  for (const [id, command] of seatedWorld) acceptedOf(await handler.handle(envelope(id, command)));
  return { store, handler };
}

describe('the happy path of every aggregate', () => {
  it('registers an authority, stamping every event with its audit metadata', async () => {
    const store = memoryStore();
    const handler = createCommandHandler({ store, newEventId: sequentialIds() });
    await recordCited(handler, registerProvince);

    const accepted = acceptedOf(await handler.handle(envelope('cmd-1', registerProvince)));

    expect(accepted).toEqual({
      commandId: 'cmd-1',
      duplicate: false,
      unchanged: false,
      streams: [{ stream: 'authorities', nextExpectedRevision: 0n }],
      lastPosition: 2n,
      events: 1,
    });
    const [event] = await streamEvents(store, 'authorities');
    expect(event).toMatchObject({
      eventId: 'event-2',
      type: 'AuthorityRegistered',
      schemaVersion: 1,
      revision: 0n,
      metadata: {
        validDate: '2017-12-20',
        commandId: 'cmd-1',
        correlationId: 'cmd-1',
        causationId: 'cmd-1',
        actor: 'clerk@ubnd-binh-phuoc',
      },
    });
    // The source document is stored once, in the data; the metadata does not repeat it.
    expect(event?.data).toMatchObject({
      source: { kind: 'instrument', instrument: registerProvince.data.basis },
    });
    expect(event?.metadata).not.toHaveProperty('source');
    const registry = await handler.loadAuthorities();
    expect(E.isRight(registry) && registry.right.state.status).toBe('populated');
  });

  it('keeps the correlation and causation ids given, and the actor in NFC', async () => {
    const store = memoryStore();
    const handler = createCommandHandler({ store });
    await recordCited(handler, registerProvince);
    acceptedOf(
      await handler.handle({
        ...envelope('cmd-1', registerProvince, {
          correlationId: 'import-2018',
          causationId: 'row-17',
        }),
        actor: 'Nguye\u0302\u0303n', // NFD
      }),
    );
    const [event] = await streamEvents(store, 'authorities');
    expect(event?.metadata).toMatchObject({
      correlationId: 'import-2018',
      causationId: 'row-17',
      actor: 'Nguy\u1EC5n',
    });
    expect(event?.eventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('establishes an office and appoints its holder, on the office stream', async () => {
    const { store, handler } = await withRegistry();
    acceptedOf(
      await handler.handle(
        envelope('office-1', establishOffice(VICE_CHAIR, 'Phó Chủ tịch UBND tỉnh')),
      ),
    );
    const appointed = acceptedOf(
      await handler.handle(envelope('office-2', appointOfficeHolder(VICE_CHAIR))),
    );

    expect(appointed.streams).toEqual([
      { stream: `office-${VICE_CHAIR}`, nextExpectedRevision: 1n },
    ]);
    const office = await handler.loadOffice(VICE_CHAIR as OfficeId);
    expect(E.isRight(office) && office.right).toMatchObject({
      revision: 1n,
      state: { status: 'established', holdings: [{ person: 'nguyen-van-tram' }] },
    });
    expect((await streamEvents(store, `office-${VICE_CHAIR}`)).map((e) => e.type)).toEqual([
      'OfficeEstablished',
      'OfficeHolderAppointed',
    ]);
  });

  it('registers a person, reading only the instrument registry (its citation) and the person stream', async () => {
    const recording = recordingReads(memoryStore());
    const handler = createCommandHandler({ store: recording.store });
    await recordCited(handler, registerPerson());
    const readsBefore = recording.reads.length;
    const accepted = acceptedOf(await handler.handle(envelope('person-1', registerPerson())));
    expect(accepted.streams).toEqual([
      { stream: 'person-nguyen-van-tram', nextExpectedRevision: 0n },
    ]);
    expect(recording.reads.slice(readsBefore).map((read) => read.stream)).toEqual([
      'instruments',
      'person-nguyen-van-tram',
    ]);
    const person = await handler.loadPerson('nguyen-van-tram' as PersonId);
    expect(E.isRight(person) && person.right.state).toMatchObject({
      status: 'registered',
      name: 'Nguyễn Văn Trăm',
    });
  });

  it('establishes a body with its charter in one append, then amends it', async () => {
    const { store, handler } = await withRegistry();
    const established = acceptedOf(
      await handler.handle(envelope('body-1', establishBody('bcd-a'))),
    );
    // The body's four events, and the body on the index of each office its seats follow.
    expect(established).toMatchObject({
      streams: [
        { stream: 'body-bcd-a', nextExpectedRevision: 3n },
        { stream: 'seats-of-office-chu-tich-ubnd-tinh', nextExpectedRevision: 0n },
        { stream: 'seats-of-office-giam-doc-so-tttt', nextExpectedRevision: 0n },
      ],
      events: 6,
    });
    const amended = acceptedOf(
      await handler.handle(envelope('body-2', createSeat('bcd-a', 'uy-vien-1', 'giam-doc-so-tc'))),
    );
    expect(amended.streams).toEqual([
      { stream: 'body-bcd-a', nextExpectedRevision: 4n },
      { stream: 'seats-of-office-giam-doc-so-tc', nextExpectedRevision: 0n },
    ]);
    const body = await handler.loadBody(bodyId('bcd-a'));
    expect(E.isRight(body) && body.right.revision).toBe(4n);
    expect(E.isRight(body) && body.right.state.status).toBe('active');
    expect((await streamEvents(store, 'body-bcd-a')).map((e) => e.type)).toEqual([
      'BodyEstablished',
      'SeatCreated',
      'SeatCreated',
      'DutyAssigned',
      'SeatCreated',
    ]);
  });

  it('appends a merger to every body it touches in one atomic append', async () => {
    const { store, handler } = await withRegistry();
    acceptedOf(await handler.handle(envelope('a', establishBody('bcd-a'))));
    acceptedOf(await handler.handle(envelope('b', establishBody('bcd-b'))));
    const before = (await wholeLog(store)).length;

    const merged = acceptedOf(
      await handler.handle(envelope('merge', mergeBodies('hop-nhat', ['bcd-a', 'bcd-b'], 'bcd-c'))),
    );

    expect(merged.streams.map((s) => s.stream)).toEqual(['body-bcd-a', 'body-bcd-b', 'body-bcd-c']);
    const appendedNow = (await wholeLog(store)).slice(before);
    expect(appendedNow).toHaveLength(merged.events);
    expect(merged.lastPosition).toBe(appendedNow.at(-1)?.position);
    expect(new Set(appendedNow.map((e) => e.metadata.commandId))).toEqual(new Set(['merge']));
    expect(new Set(appendedNow.map((e) => e.recordedAt)).size).toBe(1);
    expect(appendedNow.filter((e) => e.type === 'BodyEnded').map((e) => e.stream)).toEqual([
      'body-bcd-a',
      'body-bcd-b',
    ]);
    const successor = await handler.loadBody(bodyId('bcd-c'));
    expect(E.isRight(successor) && successor.right.state.status).toBe('active');
    const original = await handler.loadBody(bodyId('bcd-a'));
    expect(E.isRight(original) && original.right.state.status).toBe('ended');
  });
});

describe('refusals and commands with nothing to do', () => {
  it('refuses a body change by an authority without jurisdiction, appending nothing', async () => {
    const { store, handler } = await withRegistry();
    acceptedOf(await handler.handle(envelope('a', establishBody('bcd-a'))));

    const bySeat = createSeat('bcd-a', 'uy-vien-1', 'giam-doc-so-tc');
    const change = { ...bySeat, data: { ...bySeat.data, basis: instrument(CITY, '2018-06-01') } };
    await recordCited(handler, change);
    const before = await wholeLog(store);
    const failure = failureOf(await handler.handle(envelope('by-city', change)));

    expect(failure).toMatchObject({
      _tag: 'Refused',
      commandId: 'by-city',
      commandType: 'AmendBody',
      refusal: { rule: 9 },
    });
    expect(await wholeLog(store)).toEqual(before);
  });

  it('refuses a body of an unregistered authority (no registry at all)', async () => {
    const store = memoryStore();
    const handler = createCommandHandler({ store });
    await recordCited(handler, establishBody('bcd-a'));
    const before = await wholeLog(store);
    const failure = failureOf(await handler.handle(envelope('a', establishBody('bcd-a'))));
    expect(failure).toMatchObject({ _tag: 'Refused', refusal: { rule: 9 } });
    expect(await wholeLog(store)).toEqual(before);
  });

  it('accepts a command with nothing to do as unchanged, appending nothing', async () => {
    const { store, handler } = await withRegistry();
    acceptedOf(await handler.handle(envelope('a', establishBody('bcd-a'))));
    acceptedOf(await handler.handle(envelope('rename-1', renameBody('bcd-a', 'Tên mới'))));
    const before = await wholeLog(store);

    const again = acceptedOf(
      await handler.handle(envelope('rename-2', renameBody('bcd-a', 'Tên mới'))),
    );

    expect(again).toEqual({
      commandId: 'rename-2',
      duplicate: false,
      unchanged: true,
      streams: [],
      events: 0,
    });
    expect(await wholeLog(store)).toEqual(before);
  });
});

describe('idempotency by command id (rule 10)', () => {
  it('appends a command once and answers its repetition with the first outcome', async () => {
    const { store, handler } = await withRegistry();
    const first = acceptedOf(await handler.handle(envelope('a', establishBody('bcd-a'))));
    const before = await wholeLog(store);

    const second = acceptedOf(await handler.handle(envelope('a', establishBody('bcd-a'))));

    expect(second).toEqual({ ...first, duplicate: true, events: 0 });
    expect(await wholeLog(store)).toEqual(before);
  });

  it('does not load or decide a recorded command again, whatever it now says', async () => {
    const recording = recordingReads(memoryStore());
    const { store, handler } = await withRegistry(recording.store);
    const first = acceptedOf(await handler.handle(envelope('a', establishBody('bcd-a'))));
    const before = await wholeLog(store);
    const readsBefore = recording.reads.length;

    const reused = acceptedOf(await handler.handle(envelope('a', establishBody('bcd-other'))));

    expect(reused).toEqual({ ...first, duplicate: true, events: 0 });
    expect(recording.reads.length).toBe(readsBefore);
    expect(await wholeLog(store)).toEqual(before);
  });

  it('answers two concurrent submissions of one command with one append and one duplicate', async () => {
    const { store, handler } = await withRegistry();
    const other = createCommandHandler({ store });
    const before = (await wholeLog(store)).length;

    const results = await Promise.all([
      handler.handle(envelope('a', establishBody('bcd-a'))),
      other.handle(envelope('a', establishBody('bcd-a'))),
    ]);

    const outcomes = results.map(acceptedOf);
    expect(outcomes.map((o) => o.duplicate).sort()).toEqual([false, true]);
    // The body's four events and its two entries on the indexes of the offices it follows.
    expect((await wholeLog(store)).length - before).toBe(6);
  });

  it('answers a duplicate, not a refusal, when the same command won the race while deciding', async () => {
    const base = memoryStore();
    const { handler: winner } = await withRegistry(base);
    // The loser finds its command unrecorded; before it loads, the winner applies the same command.
    const store = intercepted(base, {
      beforeReadStream: async (_stream, call) => {
        if (call === 1) acceptedOf(await winner.handle(envelope('a', establishBody('bcd-a'))));
      },
    });
    const loser = createCommandHandler({ store });

    const outcome = acceptedOf(await loser.handle(envelope('a', establishBody('bcd-a'))));

    expect(outcome.duplicate).toBe(true);
    expect(await streamEvents(base, 'body-bcd-a')).toHaveLength(4);
  });
});

describe('the actor policy', () => {
  it('refuses an actor the policy does not allow, before loading anything', async () => {
    const store = memoryStore();
    const handler = createCommandHandler({
      store,
      authorise: (actor, command) =>
        actor.startsWith('clerk@')
          ? E.right(undefined)
          : E.left(unauthorised(actor, command.type, 'only clerks may submit commands')),
    });

    const failure = failureOf(
      await handler.handle({ ...envelope('x', registerProvince), actor: 'visitor' }),
    );

    expect(failure).toMatchObject({
      _tag: 'Unauthorised',
      actor: 'visitor',
      commandType: 'RegisterAuthority',
    });
    expect(await wholeLog(store)).toEqual([]);
    await recordCited(handler, registerProvince);
    acceptedOf(await handler.handle(envelope('y', registerProvince)));
  });
});

describe('failures of the store and of stored events', () => {
  it('returns the store error of an append as it is', async () => {
    const base = memoryStore();
    await recordCited(createCommandHandler({ store: base }), registerProvince);
    const store: EventStore = {
      ...base,
      append: async () => E.left(storeUnavailable('disk full', false)),
    };
    const handler = createCommandHandler({ store });
    expect(failureOf(await handler.handle(envelope('x', registerProvince)))).toMatchObject({
      _tag: 'StoreUnavailable',
      message: 'disk full',
    });
  });

  it('returns the store error of a command look-up as it is', async () => {
    const base = memoryStore();
    const store: EventStore = {
      ...base,
      findCommand: async () => E.left(storeUnavailable('no connection', true)),
    };
    const handler = createCommandHandler({ store });
    expect(failureOf(await handler.handle(envelope('x', registerProvince)))).toMatchObject({
      _tag: 'StoreUnavailable',
      retryable: true,
    });
  });

  it('refuses an append over the store limits as a typed failure, appending nothing', async () => {
    const { store, handler } = await withRegistry();
    const before = await wholeLog(store);
    const established = establishBody('bcd-huge');
    const charter = Array.from({ length: 1_000 }, (_, i) => ({
      change: 'AssignDuty',
      dutyId: `duty-${i}`,
      category: 'other',
      text: { vi: `Nhiệm vụ ${i}` },
    }));
    const command = { ...established, data: { ...established.data, charter } };

    const failure = failureOf(await handler.handle(envelope('huge', command)));

    expect(failure._tag).toBe('InvalidAppend');
    expect(await wholeLog(store)).toEqual(before);
  });

  it.each([
    ['data that does not decode', { type: 'BodyEstablished', schemaVersion: 1, data: {} }],
    ['an unknown event type', { type: 'BodyTeleported', schemaVersion: 1, data: {} }],
    ['a version newer than the code', { type: 'BodyEstablished', schemaVersion: 2, data: {} }],
  ])('fails with CorruptEvent, naming stream and revision, on %s', async (_, corrupt) => {
    const { store, handler } = await withRegistry();
    const written = await store.append({
      appends: [
        {
          stream: 'body-bcd-a',
          expectedRevision: 'no-stream',
          events: [{ eventId: 'corrupt-1', ...corrupt, metadata: importMetadata }],
        },
      ],
    });
    expect(E.isRight(written)).toBe(true);
    const before = await wholeLog(store);

    const failure = failureOf(
      await handler.handle(envelope('x', createSeat('bcd-a', 'uy-vien-1', 'giam-doc-so-tc'))),
    );

    expect(failure).toMatchObject({ _tag: 'CorruptEvent', stream: 'body-bcd-a', revision: 0n });
    expect(await wholeLog(store)).toEqual(before);
    expect(await handler.loadBody(bodyId('bcd-a'))).toEqual(E.left(failure));
  });
});

describe('loaders', () => {
  it('load a stream with no events as the initial state at no-stream', async () => {
    const handler = createCommandHandler({ store: memoryStore() });
    expect(await handler.loadBody(bodyId('none'))).toEqual(
      E.right({ state: { status: 'unestablished' }, revision: 'no-stream' }),
    );
    expect(await handler.loadAuthorities()).toEqual(
      E.right({ state: { status: 'empty' }, revision: 'no-stream' }),
    );
  });

  it('decode stored events with the upcasters they were given', async () => {
    const store = memoryStore();
    const asked: Array<readonly [string, number]> = [];
    const upcasters: UpcasterRegistry = {
      find: (type, fromVersion) => {
        asked.push([type, fromVersion]);
        return undefined;
      },
    };
    const handler = createCommandHandler({ store, upcasters });
    const legacy = { eventId: 'legacy-1', type: 'PersonEnrolled', schemaVersion: 1, data: {} };
    await store.append({
      appends: [
        {
          stream: 'person-nguyen-van-tram',
          expectedRevision: 'no-stream',
          events: [{ ...legacy, metadata: importMetadata }],
        },
      ],
    });

    const loaded = await handler.loadPerson('nguyen-van-tram' as PersonId);

    expect(loaded).toMatchObject(
      E.left({ _tag: 'CorruptEvent', stream: 'person-nguyen-van-tram' }),
    );
    expect(asked).toContainEqual(['PersonEnrolled', 1]);
  });

  it('refuse a negative or fractional retry bound as a defect', () => {
    expect(() => createCommandHandler({ store: memoryStore(), maxConflictRetries: -1 })).toThrow(
      RangeError,
    );
    expect(() => createCommandHandler({ store: memoryStore(), maxConflictRetries: 1.5 })).toThrow(
      RangeError,
    );
  });
});
