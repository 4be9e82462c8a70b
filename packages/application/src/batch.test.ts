/**
 * Batches: all or nothing in one append, each command decided on what the earlier ones leave,
 * once per batch id, planned without appending, and decided again after a concurrent change.
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { createBatchHandler, type BatchAccepted, type BatchFailure } from './batch.js';
import { createCommandHandler } from './handle.js';
import {
  createSeat,
  establishBody,
  FIXTURE_OFFICES,
  recordingsOf,
  registerCity,
  registerProvince,
  renameBody,
  seatedWorld,
  type CitingCommand,
} from './commands.fixture.js';
import { intercepted, memoryStore, wholeLog } from './store.fixture.js';

const batch = (commandId: string, commands: ReadonlyArray<unknown>) => ({
  commandId,
  actor: 'clerk@ubnd-binh-phuoc',
  commands,
});

const accepted = (result: E.Either<BatchFailure, BatchAccepted>): BatchAccepted => {
  if (E.isLeft(result))
    throw new Error(`expected the batch to be accepted: ${result.left.message}`);
  return result.right;
};

/** `commands`, preceded by the recording of every instrument they cite (the registry is mandatory). */
const citing = (...commands: ReadonlyArray<CitingCommand>): ReadonlyArray<unknown> => [
  ...recordingsOf(...commands).map(({ command }) => command),
  ...commands,
];

/** The offices and the person the fixtures' seats name (rules 18 and 19), one event each. */
const world = seatedWorld.map(([, command]) => command);

const story = citing(
  registerProvince,
  ...world,
  establishBody('bcd-1'),
  createSeat('bcd-1', 'uy-vien-1', 'giam-doc-so-tc'),
  renameBody('bcd-1', 'Tên mới'),
);
const recordings = story.length - 4 - world.length;
/** What the world's commands record, as a plan lists them. */
const worldPlanned = [
  ...FIXTURE_OFFICES.map(([officeId]) => [
    'EstablishOffice',
    [[`office-${officeId}`, 'OfficeEstablished', '2018-01-05']],
  ]),
  ['RegisterPerson', [['person-nguyen-van-tram', 'PersonRegistered', '2018-01-10']]],
];

describe('handleBatch', () => {
  it('decides each command on what the earlier ones leave, and appends them in one go', async () => {
    const store = memoryStore();
    const appends: number[] = [];
    const watched = intercepted(store, {
      beforeAppend: async (request) => {
        appends.push(request.appends.length);
      },
    });
    const result = accepted(
      await createBatchHandler({ store: watched }).handleBatch(batch('b-1', story)),
    );
    // The instrument registry, the authority registry, the body, the world's streams, and the
    // indexes of the three offices the body's seats follow (one entry each, rule 20).
    expect(appends).toEqual([3 + world.length + 3]);
    expect(result.events).toBe(recordings + 7 + world.length + 3);
    expect(result.commands.slice(0, recordings).map(({ type }) => type)).toEqual(
      Array.from({ length: recordings }, () => 'RecordInstrument'),
    );
    expect(
      result.commands.slice(recordings).map(({ type, events }) => [type, events.length]),
    ).toEqual([
      ['RegisterAuthority', 1],
      ...worldPlanned.map(([type]) => [type, 1]),
      ['EstablishBody', 6],
      ['AmendBody', 2],
      ['AmendBody', 1],
    ]);
    const log = await wholeLog(store);
    expect(new Set(log.map((event) => event.metadata.commandId))).toEqual(new Set(['b-1']));
  });

  it('records the same events as the commands handled one by one', async () => {
    const one = memoryStore();
    const handler = createCommandHandler({ store: one });
    for (const [index, command] of story.entries())
      await handler.handle({ commandId: `c-${index}`, actor: 'clerk', command });
    const two = memoryStore();
    accepted(await createBatchHandler({ store: two }).handleBatch(batch('b-1', story)));
    const shape = (log: Awaited<ReturnType<typeof wholeLog>>) =>
      log.map(({ stream, revision, type, data }) => ({ stream, revision, type, data }));
    expect(shape(await wholeLog(two)).sort((a, b) => a.stream.localeCompare(b.stream))).toEqual(
      shape(await wholeLog(one)).sort((a, b) => a.stream.localeCompare(b.stream)),
    );
  });

  it('appends nothing when one command is refused, and names it', async () => {
    const store = memoryStore();
    const handler = createBatchHandler({ store });
    const refusing = citing(
      registerProvince,
      ...world,
      establishBody('bcd-1'),
      establishBody('bcd-1'),
    );
    const result = await handler.handleBatch(batch('b-1', refusing));
    expect(E.isLeft(result) && result.left._tag === 'RefusedInBatch' && result.left.index).toBe(
      refusing.length - 1,
    );
    expect(await wholeLog(store)).toEqual([]);
  });

  it('records nothing the second time the same batch id is applied', async () => {
    const store = memoryStore();
    const handler = createBatchHandler({ store });
    accepted(await handler.handleBatch(batch('b-1', story)));
    const before = await wholeLog(store);
    const again = accepted(await handler.handleBatch(batch('b-1', story)));
    expect(again).toMatchObject({ duplicate: true, events: 0, commands: [] });
    expect(await wholeLog(store)).toEqual(before);
  });

  it('names events as asked, and refuses an id already used in a stream it writes', async () => {
    const store = memoryStore();
    const handler = createBatchHandler({ store });
    const named = { eventIds: (command: number, event: number) => `e-${command}-${event}` };
    accepted(await handler.handleBatch(batch('b-1', citing(registerProvince)), named));
    expect((await wholeLog(store)).map((event) => event.eventId)).toEqual(['e-0-1', 'e-1-1']);
    const reused = await handler.handleBatch(batch('b-2', citing(registerCity)), named);
    expect(E.isLeft(reused) && reused.left._tag).toBe('DuplicateEventId');
    expect(await wholeLog(store)).toHaveLength(2);
  });

  it('decides the whole batch again after a concurrent change to a stream it read', async () => {
    const store = memoryStore();
    const seated = citing(registerProvince, ...world);
    accepted(await createBatchHandler({ store }).handleBatch(batch('b-0', seated)));
    let attempts = 0;
    const watched = intercepted(store, {
      beforeAppend: async (_request, call) => {
        attempts = call;
        if (call === 1)
          accepted(
            await createBatchHandler({ store }).handleBatch(batch('b-city', citing(registerCity))),
          );
      },
    });
    const commands = citing(establishBody('bcd-1'), renameBody('bcd-1', 'Tên mới'));
    const result = accepted(
      await createBatchHandler({ store: watched }).handleBatch(batch('b-1', commands)),
    );
    // The establishment adds the body to the indexes of the two offices its seats follow.
    const events = commands.length - 2 + 5 + 2;
    expect([attempts, result.events]).toEqual([2, events]);
    expect((await wholeLog(store)).map((event) => event.metadata.commandId)).toEqual([
      ...Array.from({ length: seated.length }, () => 'b-0'),
      'b-city',
      'b-city',
      ...Array.from({ length: events }, () => 'b-1'),
    ]);
  });

  it('refuses a batch that does not decode, naming the command and the field', async () => {
    const result = await createBatchHandler({ store: memoryStore() }).handleBatch(
      batch('b-1', [registerProvince, { type: 'EstablishBody', data: {} }]),
    );
    expect(
      E.isLeft(result) && result.left._tag === 'DecodeFailure' && result.left.issues[0],
    ).toEqual(expect.objectContaining({ path: expect.stringMatching(/^commands\.1\.data\./) }));
  });
});

describe('planBatch', () => {
  it('says what each command would record and appends nothing', async () => {
    const store = memoryStore();
    const plan = await createBatchHandler({ store }).planBatch(batch('b-1', story));
    const planned = E.isRight(plan) ? plan.right.commands.slice(recordings) : [];
    expect(
      planned.map(({ type, events }) => [
        type,
        events.map((e) => [e.stream, e.type, e.effectiveOn]),
      ]),
    ).toEqual([
      ['RegisterAuthority', [['authorities', 'AuthorityRegistered', '2017-12-20']]],
      ...worldPlanned,
      [
        'EstablishBody',
        [
          ['body-bcd-1', 'BodyEstablished', '2018-03-01'],
          ['body-bcd-1', 'SeatCreated', '2018-03-01'],
          ['body-bcd-1', 'SeatCreated', '2018-03-01'],
          ['body-bcd-1', 'DutyAssigned', '2018-03-01'],
          ['seats-of-office-chu-tich-ubnd-tinh', 'SeatFollowsOffice', '2018-03-01'],
          ['seats-of-office-giam-doc-so-tttt', 'SeatFollowsOffice', '2018-03-01'],
        ],
      ],
      [
        'AmendBody',
        [
          ['body-bcd-1', 'SeatCreated', '2018-06-01'],
          ['seats-of-office-giam-doc-so-tc', 'SeatFollowsOffice', '2018-06-01'],
        ],
      ],
      ['AmendBody', [['body-bcd-1', 'BodyRenamed', '2018-07-01']]],
    ]);
    expect(await wholeLog(store)).toEqual([]);
  });

  it('says a batch applied before is a duplicate', async () => {
    const store = memoryStore();
    const handler = createBatchHandler({ store });
    accepted(await handler.handleBatch(batch('b-1', story)));
    const plan = await handler.planBatch(batch('b-1', story));
    expect(E.isRight(plan) && plan.right.duplicate).toBe(true);
  });
});
