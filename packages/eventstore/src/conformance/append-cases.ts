/**
 * Conformance cases for appending: every kind of expected revision, conflicts that change
 * nothing, multi-stream atomicity, revisions from 0 and positions from 1 without gaps, the
 * store clock, and command-id idempotency.
 *
 * @see docs/reference/domain.md rule 10
 */
import type { CommandId, Instant } from '@mandate/core';
import type { EventStore, StoredEvent } from '../port.js';
import { check, checkEqual, expectLeft, expectRight } from './assert.js';
import { appendTo, eventFactory } from './fixtures.js';
import { withStore, type ConformanceCase, type StoreFactory } from './store-under-test.js';

const positionsOf = async (store: EventStore): Promise<ReadonlyArray<bigint>> =>
  expectRight(await store.readAll(), 'readAll').map((event) => event.position);

const revisionsOf = async (store: EventStore, stream: string): Promise<ReadonlyArray<bigint>> =>
  expectRight(await store.readStream(stream), `readStream ${stream}`).map((e) => e.revision);

/** The append cases, each on a fresh store from `factory`. */
export const appendCases = (factory: StoreFactory): ReadonlyArray<ConformanceCase> => [
  {
    name: "append 'no-stream' starts a stream at revision 0 and the log at position 1",
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      const result = expectRight(
        await store.append(appendTo('a', 'no-stream', events(3))),
        'append',
      );
      checkEqual(
        result,
        {
          streams: [{ stream: 'a', nextExpectedRevision: 2n }],
          lastPosition: 3n,
          duplicate: false,
        },
        'result',
      );
      checkEqual(await revisionsOf(store, 'a'), [0n, 1n, 2n], 'revisions');
      checkEqual(await positionsOf(store), [1n, 2n, 3n], 'positions');
    }),
  },
  {
    name: "append 'no-stream' to an existing stream is a VersionConflict",
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      expectRight(await store.append(appendTo('a', 'no-stream', events(1))), 'first append');
      const conflict = expectLeft(
        await store.append(appendTo('a', 'no-stream', events(1))),
        'VersionConflict',
        'second append',
      );
      checkEqual(
        [conflict.stream, conflict.expected, conflict.actual],
        ['a', 'no-stream', 0n],
        'conflict',
      );
    }),
  },
  {
    name: "append 'stream-exists' needs at least one event in the stream",
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      const conflict = expectLeft(
        await store.append(appendTo('a', 'stream-exists', events(1))),
        'VersionConflict',
        'append to a missing stream',
      );
      checkEqual(
        [conflict.stream, conflict.expected, conflict.actual],
        ['a', 'stream-exists', 'no-stream'],
        'conflict',
      );
      expectRight(await store.append(appendTo('a', 'no-stream', events(1))), 'create');
      const result = expectRight(
        await store.append(appendTo('a', 'stream-exists', events(2))),
        'append to an existing stream',
      );
      checkEqual(result.streams, [{ stream: 'a', nextExpectedRevision: 2n }], 'streams');
    }),
  },
  {
    name: 'append with an exact revision succeeds only at that revision',
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      const missing = expectLeft(
        await store.append(appendTo('a', 0n, events(1))),
        'VersionConflict',
        'exact revision on a missing stream',
      );
      checkEqual(missing.actual, 'no-stream', 'actual of a missing stream');
      expectRight(await store.append(appendTo('a', 'no-stream', events(2))), 'create');
      const stale = expectLeft(
        await store.append(appendTo('a', 0n, events(1))),
        'VersionConflict',
        'stale revision',
      );
      checkEqual([stale.stream, stale.expected, stale.actual], ['a', 0n, 1n], 'stale conflict');
      const ahead = expectLeft(
        await store.append(appendTo('a', 5n, events(1))),
        'VersionConflict',
        'revision ahead',
      );
      checkEqual(ahead.actual, 1n, 'actual when ahead');
      const result = expectRight(
        await store.append(appendTo('a', 1n, events(1))),
        'right revision',
      );
      checkEqual(result.streams, [{ stream: 'a', nextExpectedRevision: 2n }], 'streams');
    }),
  },
  {
    name: "append 'any' succeeds on a missing and on an existing stream",
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      expectRight(await store.append(appendTo('a', 'any', events(1))), 'on a missing stream');
      const result = expectRight(
        await store.append(appendTo('a', 'any', events(1))),
        'on an existing stream',
      );
      checkEqual(
        result,
        {
          streams: [{ stream: 'a', nextExpectedRevision: 1n }],
          lastPosition: 2n,
          duplicate: false,
        },
        'result',
      );
    }),
  },
  {
    name: 'a conflicting append changes nothing and the next right append continues without gaps',
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      expectRight(await store.append(appendTo('a', 'no-stream', events(2))), 'create a');
      expectRight(await store.append(appendTo('b', 'no-stream', events(1))), 'create b');
      const before = expectRight(await store.readAll(), 'readAll before');
      expectLeft(
        await store.append(appendTo('a', 0n, events(3))),
        'VersionConflict',
        'stale append',
      );
      checkEqual(
        expectRight(await store.readAll(), 'readAll after the conflict'),
        before,
        'log after the conflict',
      );
      checkEqual(await revisionsOf(store, 'a'), [0n, 1n], 'revisions after the conflict');
      const result = expectRight(await store.append(appendTo('a', 1n, events(1))), 'right append');
      checkEqual(
        result,
        {
          streams: [{ stream: 'a', nextExpectedRevision: 2n }],
          lastPosition: 4n,
          duplicate: false,
        },
        'result',
      );
      checkEqual(await positionsOf(store), [1n, 2n, 3n, 4n], 'positions');
    }),
  },
  {
    name: 'a multi-stream append with one conflicting stream appends nothing anywhere',
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      expectRight(await store.append(appendTo('b', 'no-stream', events(1))), 'create b');
      const conflict = expectLeft(
        await store.append({
          appends: [
            { stream: 'a', expectedRevision: 'no-stream', events: events(2) },
            { stream: 'b', expectedRevision: 'no-stream', events: events(1) },
            { stream: 'c', expectedRevision: 'any', events: events(1) },
          ],
        }),
        'VersionConflict',
        'multi-stream append',
      );
      checkEqual(conflict.stream, 'b', 'conflicting stream');
      expectLeft(await store.readStream('a'), 'StreamNotFound', 'stream a after the refusal');
      expectLeft(await store.readStream('c'), 'StreamNotFound', 'stream c after the refusal');
      checkEqual(await positionsOf(store), [1n], 'positions after the refusal');
      const result = expectRight(
        await store.append({
          appends: [
            { stream: 'c', expectedRevision: 'no-stream', events: events(1) },
            { stream: 'a', expectedRevision: 'no-stream', events: events(2) },
            { stream: 'b', expectedRevision: 0n, events: events(1) },
          ],
        }),
        'right multi-stream append',
      );
      checkEqual(
        result,
        {
          streams: [
            { stream: 'c', nextExpectedRevision: 0n },
            { stream: 'a', nextExpectedRevision: 1n },
            { stream: 'b', nextExpectedRevision: 1n },
          ],
          lastPosition: 5n,
          duplicate: false,
        },
        'result',
      );
      const log = expectRight(await store.readAll(), 'readAll');
      checkEqual(
        log.map((e) => [e.position, e.stream, e.revision]),
        [
          [1n, 'b', 0n],
          [2n, 'c', 0n],
          [3n, 'a', 0n],
          [4n, 'a', 1n],
          [5n, 'b', 1n],
        ],
        'log in request order',
      );
      const recordedAt = new Set(log.slice(1).map((e) => e.recordedAt));
      checkEqual(recordedAt.size, 1, 'one recorded instant per append');
    }),
  },
  {
    name: 'positions count from 1 without gaps across streams and appends; revisions and positions are bigints',
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      for (let i = 0; i < 12; i++) {
        const result = expectRight(
          await store.append(appendTo(`s-${i % 3}`, 'any', events((i % 2) + 1))),
          `append ${i}`,
        );
        check(typeof result.lastPosition === 'bigint', 'lastPosition is a bigint');
      }
      const log = expectRight(await store.readAll(), 'readAll');
      checkEqual(
        log.map((e) => e.position),
        Array.from({ length: 18 }, (_, i) => BigInt(i + 1)),
        'positions',
      );
      check(
        log.every((e) => typeof e.revision === 'bigint' && typeof e.position === 'bigint'),
        'bigint revisions and positions',
      );
      for (const stream of ['s-0', 's-1', 's-2']) {
        const revisions = await revisionsOf(store, stream);
        checkEqual(
          revisions,
          revisions.map((_, i) => BigInt(i)),
          `revisions of ${stream}`,
        );
      }
    }),
  },
  {
    name: 'recordedAt comes from the store clock, never from the caller, and never goes backwards',
    run: withStore(factory, async ({ store, clock }) => {
      const { event } = eventFactory();
      clock.set('2020-01-01T00:00:00.000Z' as Instant);
      const forged = { ...event(), recordedAt: '1999-01-01T00:00:00.000Z' };
      expectRight(
        await store.append(appendTo('a', 'any', [forged, event()])),
        'append with a forged recordedAt',
      );
      clock.advance(1500);
      expectRight(await store.append(appendTo('a', 'any', [event()])), 'append later');
      clock.set('2019-01-01T00:00:00.000Z' as Instant);
      expectRight(
        await store.append(appendTo('a', 'any', [event()])),
        'append with the clock set back',
      );
      const recorded = expectRight(await store.readStream('a'), 'readStream').map(
        (e) => e.recordedAt,
      );
      checkEqual(
        recorded,
        [
          '2020-01-01T00:00:00.000Z',
          '2020-01-01T00:00:00.000Z',
          '2020-01-01T00:00:01.500Z',
          '2020-01-01T00:00:01.500Z',
        ],
        'recorded instants',
      );
    }),
  },
  {
    name: 'a repeated command id appends nothing and returns the first result as a duplicate',
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      const first = expectRight(
        await store.append(appendTo('a', 'no-stream', events(2), 'cmd-1')),
        'first append',
      );
      checkEqual(first.duplicate, false, 'first is not a duplicate');
      const again = expectRight(
        await store.append(appendTo('a', 'no-stream', events(3), 'cmd-1')),
        'repeated append',
      );
      checkEqual(again, { ...first, duplicate: true }, 'repeated result');
      const elsewhere = expectRight(
        await store.append(appendTo('b', 'any', events(1), 'cmd-1')),
        'same id, other stream',
      );
      checkEqual(elsewhere, { ...first, duplicate: true }, 'same id on another stream');
      checkEqual(await positionsOf(store), [1n, 2n], 'log after the repeats');
      checkEqual(
        expectRight(await store.findCommand('cmd-1' as CommandId), 'findCommand'),
        { ...first, duplicate: true },
        'findCommand',
      );
      checkEqual(
        expectRight(await store.findCommand('cmd-unknown' as CommandId), 'findCommand unknown'),
        undefined,
        'unknown command',
      );
      const next = expectRight(
        await store.append(appendTo('a', 1n, events(1), 'cmd-2')),
        'another command',
      );
      checkEqual(
        next,
        {
          streams: [{ stream: 'a', nextExpectedRevision: 2n }],
          lastPosition: 3n,
          duplicate: false,
        },
        'another command',
      );
    }),
  },
  {
    name: 'a refused append does not record its command id',
    run: withStore(factory, async ({ store }) => {
      const { events } = eventFactory();
      expectRight(await store.append(appendTo('a', 'no-stream', events(1))), 'create');
      expectLeft(
        await store.append(appendTo('a', 'no-stream', events(1), 'cmd-1')),
        'VersionConflict',
        'conflicting append',
      );
      expectLeft(
        await store.append(appendTo('Bad stream!', 'any', events(1), 'cmd-1')),
        'InvalidAppend',
        'invalid append',
      );
      checkEqual(
        expectRight(await store.findCommand('cmd-1' as CommandId), 'findCommand'),
        undefined,
        'no command recorded',
      );
      const retried = expectRight(
        await store.append(appendTo('a', 0n, events(1), 'cmd-1')),
        'retry with the right revision',
      );
      checkEqual(
        retried,
        {
          streams: [{ stream: 'a', nextExpectedRevision: 1n }],
          lastPosition: 2n,
          duplicate: false,
        },
        'retry',
      );
    }),
  },
  {
    name: 'a store that announces appends tells each committed append once, as readAll reads it',
    run: withStore(factory, async ({ store }) => {
      if (store.onAppended === undefined) return;
      const told: StoredEvent[][] = [];
      const stop = store.onAppended((events) => told.push([...events]));
      const { events } = eventFactory();
      const commandId = 'cmd-told' as CommandId;
      const labelled = (count: number) =>
        events(count).map((event) => ({ ...event, metadata: { ...event.metadata, commandId } }));
      expectRight(
        await store.append({
          commandId,
          appends: [
            { stream: 'a', expectedRevision: 'no-stream', events: labelled(2) },
            { stream: 'b', expectedRevision: 'any', events: labelled(1) },
          ],
        }),
        'first append',
      );
      expectLeft(
        await store.append(appendTo('a', 'no-stream', events(1))),
        'VersionConflict',
        'conflict',
      );
      expectRight(
        await store.append({
          commandId,
          appends: [{ stream: 'a', expectedRevision: 'any', events: labelled(1) }],
        }),
        'repeated command',
      );
      expectRight(await store.append(appendTo('a', 1n, events(1))), 'second append');
      stop();
      expectRight(await store.append(appendTo('c', 'any', events(1))), 'unheard append');
      const log = expectRight(await store.readAll(), 'readAll');
      checkEqual(
        told.map((batch) => batch.length),
        [3, 1],
        'batches told',
      );
      checkEqual(told.flat(), log.slice(0, 4), 'events told');
    }),
  },
];
