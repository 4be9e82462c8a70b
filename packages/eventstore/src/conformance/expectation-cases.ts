/**
 * Conformance cases for read expectations: an append may rely on streams it does not write, and
 * commits only while each is still where the caller read it. A change committed to a relied-on
 * stream between the read and the append makes the append conflict, naming that stream, and
 * nothing is written; a relied-on stream is never written by the append.
 *
 * @see docs/reference/domain.md rule 17
 */
import type { AppendRequest, EventStore, ReadExpectation } from '../port.js';
import { checkEqual, expectLeft, expectRight } from './assert.js';
import { appendTo, eventFactory, type EventFactory } from './fixtures.js';
import { withStore, type ConformanceCase, type StoreFactory } from './store-under-test.js';

const snapshot = async (store: EventStore) =>
  expectRight(await store.readAll(), 'readAll').map((e) => [e.stream, e.revision, e.eventId]);

/** One event to `written`, relying on `expectations`, for command `commandId` when given. */
const relyingAppend = (
  factory: EventFactory,
  written: string,
  expectations: ReadonlyArray<ReadExpectation>,
  commandId?: string,
): AppendRequest => ({ ...appendTo(written, 'any', [factory.event()], commandId), expectations });

/** The read-expectation cases, each on a fresh store from `factory`. */
export const expectationCases = (factory: StoreFactory): ReadonlyArray<ConformanceCase> => [
  {
    name: 'an append relying on streams that are where it read them commits, writing none of them',
    run: withStore(factory, async ({ store }) => {
      const events = eventFactory();
      expectRight(await store.append(appendTo('registry', 'no-stream', events.events(2))), 'seed');
      const result = expectRight(
        await store.append(
          relyingAppend(events, 'body', [
            { stream: 'registry', expectedRevision: 1n },
            { stream: 'person', expectedRevision: 'no-stream' },
          ]),
        ),
        'relying append',
      );
      checkEqual(result.streams, [{ stream: 'body', nextExpectedRevision: 0n }], 'streams');
      checkEqual(
        await snapshot(store),
        [
          ['registry', 0n, 'evt-1'],
          ['registry', 1n, 'evt-2'],
          ['body', 0n, 'evt-3'],
        ],
        'log',
      );
    }),
  },
  {
    name: 'a relied-on stream written between the read and the append makes it conflict, writing nothing',
    run: withStore(factory, async ({ store }) => {
      const events = eventFactory();
      expectRight(await store.append(appendTo('registry', 'no-stream', events.events(1))), 'seed');
      const read = expectRight(await store.readStream('registry'), 'read').at(-1)?.revision;
      expectRight(await store.append(appendTo('registry', 0n, events.events(1))), 'concurrent');
      const before = await snapshot(store);
      const conflict = expectLeft(
        await store.append(
          relyingAppend(events, 'body', [{ stream: 'registry', expectedRevision: read ?? 0n }]),
        ),
        'VersionConflict',
        'relying append',
      );
      checkEqual(
        [conflict.stream, conflict.expected, conflict.actual],
        ['registry', 0n, 1n],
        'conflict',
      );
      checkEqual(await snapshot(store), before, 'log after the conflict');
    }),
  },
  {
    name: "expectations 'no-stream' and 'stream-exists' hold exactly when the stream is empty or not",
    run: withStore(factory, async ({ store }) => {
      const events = eventFactory();
      const absent = expectLeft(
        await store.append(
          relyingAppend(events, 'body', [{ stream: 'person', expectedRevision: 'stream-exists' }]),
        ),
        'VersionConflict',
        "'stream-exists' on an empty stream",
      );
      checkEqual([absent.stream, absent.actual], ['person', 'no-stream'], 'conflict');
      expectRight(await store.append(appendTo('person', 'no-stream', events.events(1))), 'person');
      const present = expectLeft(
        await store.append(
          relyingAppend(events, 'body', [{ stream: 'person', expectedRevision: 'no-stream' }]),
        ),
        'VersionConflict',
        "'no-stream' on a stream with events",
      );
      checkEqual([present.stream, present.actual], ['person', 0n], 'conflict');
      expectRight(
        await store.append(
          relyingAppend(events, 'body', [{ stream: 'person', expectedRevision: 'stream-exists' }]),
        ),
        "'stream-exists' on a stream with events",
      );
      checkEqual((await snapshot(store)).length, 2, 'events stored');
    }),
  },
  {
    name: 'a conflicting expectation in a multi-stream append leaves every stream untouched',
    run: withStore(factory, async ({ store }) => {
      const events = eventFactory();
      expectRight(await store.append(appendTo('office', 'no-stream', events.events(2))), 'seed');
      const before = await snapshot(store);
      expectLeft(
        await store.append({
          appends: [
            { stream: 'body-a', expectedRevision: 'no-stream', events: events.events(2) },
            { stream: 'body-b', expectedRevision: 'any', events: events.events(1) },
          ],
          expectations: [{ stream: 'office', expectedRevision: 0n }],
        }),
        'VersionConflict',
        'append',
      );
      checkEqual(await snapshot(store), before, 'log after the conflict');
      expectLeft(await store.readStream('body-a'), 'StreamNotFound', 'body-a');
    }),
  },
  {
    name: 'a repeated command id answers with its first result, whatever its expectations now',
    run: withStore(factory, async ({ store }) => {
      const events = eventFactory();
      expectRight(await store.append(appendTo('registry', 'no-stream', events.events(1))), 'seed');
      const first = expectRight(
        await store.append(
          relyingAppend(events, 'body', [{ stream: 'registry', expectedRevision: 0n }], 'cmd-1'),
        ),
        'first',
      );
      expectRight(await store.append(appendTo('registry', 0n, events.events(1))), 'move registry');
      const again = expectRight(
        await store.append(
          relyingAppend(events, 'body', [{ stream: 'registry', expectedRevision: 0n }], 'cmd-1'),
        ),
        'repeat',
      );
      checkEqual(again, { ...first, duplicate: true }, 'repeat result');
    }),
  },
  {
    name: 'an expectation on a stream the append writes, or named twice, is an InvalidAppend',
    run: withStore(factory, async ({ store }) => {
      const events = eventFactory();
      const writesIt = {
        ...appendTo('body', 'any', events.events(1)),
        expectations: [{ stream: 'body', expectedRevision: 'no-stream' }],
      } as const;
      expectLeft(await store.append(writesIt), 'InvalidAppend', 'relies on a written stream');
      const twice = {
        ...appendTo('body', 'any', events.events(1)),
        expectations: [
          { stream: 'office', expectedRevision: 'no-stream' },
          { stream: 'office', expectedRevision: 'no-stream' },
        ],
      } as const;
      expectLeft(await store.append(twice), 'InvalidAppend', 'names a stream twice');
      const any = {
        ...appendTo('body', 'any', events.events(1)),
        expectations: [{ stream: 'office', expectedRevision: 'any' }],
      } as unknown as AppendRequest;
      expectLeft(await store.append(any), 'InvalidAppend', "expects 'any'");
      checkEqual(await snapshot(store), [], 'log');
    }),
  },
];
