/**
 * Conformance cases for reading: one stream in both directions from a revision with a maximum
 * count, a missing stream, the whole log page by page, what a stored event carries, verbatim
 * round trips of Vietnamese text and prototype-named keys, and a closed store.
 *
 * @see docs/reference/domain.md rule 12
 */
import type { CommandId, Instant } from '@mandate/core';
import { GENESIS_HASH, computeHash } from '../hash-chain.js';
import type { EventStore, ReadStreamOptions } from '../port.js';
import { check, checkEqual, expectLeft, expectRight, show } from './assert.js';
import { appendTo, eventFactory, sampleMetadata } from './fixtures.js';
import { withStore, type ConformanceCase, type StoreFactory } from './store-under-test.js';

const revisions = async (
  store: EventStore,
  options: ReadStreamOptions,
): Promise<ReadonlyArray<bigint>> =>
  expectRight(await store.readStream('a', options), `readStream ${show(options)}`).map(
    (event) => event.revision,
  );

/** The read cases, each on a fresh store from `factory`. */
export const readCases = (factory: StoreFactory): ReadonlyArray<ConformanceCase> => [
  {
    name: 'readStream reads forwards and backwards from a revision, up to maxCount',
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      expectRight(await store.append(appendTo('a', 'no-stream', events(5))), 'append');
      expectRight(await store.append(appendTo('b', 'no-stream', events(2))), 'append b');
      checkEqual(await revisions(store, {}), [0n, 1n, 2n, 3n, 4n], 'default');
      checkEqual(
        await revisions(store, { direction: 'forwards', fromRevision: 2n }),
        [2n, 3n, 4n],
        'forwards from 2',
      );
      checkEqual(
        await revisions(store, { fromRevision: 1n, maxCount: 2 }),
        [1n, 2n],
        'forwards from 1, 2 events',
      );
      checkEqual(await revisions(store, { maxCount: 1 }), [0n], 'forwards, 1 event');
      checkEqual(await revisions(store, { fromRevision: 5n }), [], 'forwards past the end');
      checkEqual(
        await revisions(store, { direction: 'backwards' }),
        [4n, 3n, 2n, 1n, 0n],
        'backwards',
      );
      checkEqual(
        await revisions(store, { direction: 'backwards', fromRevision: 3n, maxCount: 2 }),
        [3n, 2n],
        'backwards from 3, 2 events',
      );
      checkEqual(
        await revisions(store, { direction: 'backwards', maxCount: 1 }),
        [4n],
        'the last event',
      );
      checkEqual(
        await revisions(store, { direction: 'backwards', fromRevision: 9n }),
        [4n, 3n, 2n, 1n, 0n],
        'backwards from past the end',
      );
      checkEqual(
        await revisions(store, { direction: 'backwards', fromRevision: 0n }),
        [0n],
        'backwards from 0',
      );
    }),
  },
  {
    name: 'readStream of a stream without events is StreamNotFound',
    run: withStore(factory, async ({ store }) => {
      const missing = expectLeft(await store.readStream('nobody'), 'StreamNotFound', 'readStream');
      checkEqual(missing.stream, 'nobody', 'stream');
      const { events } = eventFactory();
      expectRight(await store.append(appendTo('a', 'no-stream', events(1))), 'append');
      expectLeft(
        await store.readStream('nobody', { direction: 'backwards' }),
        'StreamNotFound',
        'backwards',
      );
    }),
  },
  {
    name: 'readAll pages through the log after a position',
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      for (let i = 0; i < 7; i++)
        expectRight(await store.append(appendTo(`s-${i % 2}`, 'any', events(1))), `append ${i}`);
      const page = async (after: bigint, maxCount?: number) =>
        expectRight(
          await store.readAll(maxCount === undefined ? { after } : { after, maxCount }),
          `readAll after ${after}`,
        ).map((e) => e.position);
      checkEqual(
        expectRight(await store.readAll(), 'readAll').map((e) => e.position),
        [1n, 2n, 3n, 4n, 5n, 6n, 7n],
        'default page',
      );
      checkEqual(await page(0n, 3), [1n, 2n, 3n], 'page 1');
      checkEqual(await page(3n, 3), [4n, 5n, 6n], 'page 2');
      checkEqual(await page(6n, 3), [7n], 'page 3');
      checkEqual(await page(7n, 3), [], 'after the end');
      checkEqual(await page(2n), [3n, 4n, 5n, 6n, 7n], 'after 2, default count');
      checkEqual(await page(100n), [], 'far after the end');
      checkEqual(
        expectRight(await store.readAll({ maxCount: 1 }), 'readAll 1').map((e) => e.position),
        [1n],
        'maxCount 1',
      );
    }),
  },
  {
    name: 'a stored event carries what was appended, what the store stamped, and a linked hash',
    run: withStore(factory, async ({ store, clock }) => {
      clock.set('2021-03-04T05:06:07.089Z' as Instant);
      const { event } = eventFactory('stamp');
      const first = event({
        type: 'BodyEstablished',
        data: { name: 'Ban Chỉ đạo', seats: [1, 2.5, -3], open: true, none: null },
      });
      const second = { ...event({ type: 'MemberAppointed' }), schemaVersion: 3 };
      expectRight(await store.append(appendTo('body-1', 'no-stream', [first, second])), 'append');
      const [a, b] = expectRight(await store.readStream('body-1'), 'readStream');
      check(a !== undefined && b !== undefined, 'two events read back');
      checkEqual(
        [
          a.eventId,
          a.type,
          a.schemaVersion,
          a.data,
          a.metadata,
          a.stream,
          a.revision,
          a.position,
          a.recordedAt,
        ],
        [
          first.eventId,
          'BodyEstablished',
          1,
          first.data,
          first.metadata,
          'body-1',
          0n,
          1n,
          '2021-03-04T05:06:07.089Z',
        ],
        'first event',
      );
      checkEqual(
        [b.type, b.schemaVersion, b.revision, b.position],
        ['MemberAppointed', 3, 1n, 2n],
        'second event',
      );
      checkEqual(a.previousHash, GENESIS_HASH, 'the first previousHash is the genesis hash');
      checkEqual(b.previousHash, a.hash, 'the second event links to the first');
      check(/^[0-9a-f]{64}$/.test(a.hash), 'hashes are SHA-256 hex');
      const { hash: _a, ...unhashedA } = a;
      const { hash: _b, ...unhashedB } = b;
      checkEqual(
        [computeHash(unhashedA), computeHash(unhashedB)],
        [a.hash, b.hash],
        'hashes over the canonical envelope',
      );
      const fromLog = expectRight(await store.readAll(), 'readAll');
      checkEqual(fromLog, [a, b], 'readAll gives the same events');
    }),
  },
  {
    name: 'Vietnamese text, NFD strings and __proto__/constructor keys round-trip verbatim',
    run: withStore(factory, async ({ store }) => {
      const nfc = 'Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh Bình Phước'.normalize('NFC');
      const nfd = nfc.normalize('NFD');
      const data: unknown = JSON.parse(
        JSON.stringify({ nfc, nfd, astral: '𝄞 🏛️', quote: '"\\\n\t\u0001' }).replace(
          /^\{/,
          '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
        ),
      );
      const { event } = eventFactory();
      const metadata = { ...sampleMetadata('cmd-vi'), actor: 'Trần Thị Bích' };
      expectRight(
        await store.append(appendTo('vi', 'any', [{ ...event({ data }), metadata }])),
        'append',
      );
      const [stored] = expectRight(await store.readStream('vi'), 'readStream');
      check(stored !== undefined, 'the event reads back');
      checkEqual(stored.data, data, 'data');
      checkEqual(stored.metadata, metadata, 'metadata');
      const read = stored.data as Record<string, unknown>;
      check(read['nfd'] === nfd && read['nfd'] !== nfc, 'the NFD string is kept as given');
      check(Object.prototype.hasOwnProperty.call(read, '__proto__'), '__proto__ is an own key');
      check(Object.getPrototypeOf(read) === Object.prototype, 'the prototype is untouched');
      check(
        ({} as Record<string, unknown>)['polluted'] === undefined,
        'Object.prototype is not polluted',
      );
    }),
  },
  {
    name: 'a closed store answers StoreUnavailable and closes again quietly',
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      expectRight(await store.append(appendTo('a', 'any', events(1))), 'append');
      const subscription = store.subscribe({ onEvent: () => undefined });
      await subscription.waitUntilCaughtUp();
      await store.close();
      await subscription.stop();
      expectLeft(await store.append(appendTo('a', 'any', events(1))), 'StoreUnavailable', 'append');
      expectLeft(await store.readStream('a'), 'StoreUnavailable', 'readStream');
      expectLeft(await store.readAll(), 'StoreUnavailable', 'readAll');
      expectLeft(await store.verify(), 'StoreUnavailable', 'verify');
      expectLeft(await store.findCommand('cmd-1' as CommandId), 'StoreUnavailable', 'findCommand');
      await store.close();
    }),
  },
];
