/**
 * Optimistic concurrency: an append expects the revisions its decision was taken on. When another
 * handler appended in between, the store answers `VersionConflict` and the handler reloads and
 * decides again — so compatible concurrent changes both succeed, an incompatible one is refused
 * on the new state, and a command that keeps losing gives up after `maxConflictRetries`. The
 * concurrent append is injected deterministically just before the handler's own append.
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { Body, unsafeCalendarDate, type BodyId } from '@mandate/core';
import type { AppendRequest, EventStore } from '@mandate/eventstore';
import {
  createSeat,
  defaultFixtureCommands,
  envelope,
  establishBody,
  mergeBodies,
  registerCity,
  registerProvince,
  renameBody,
  seatedWorld,
  establishOffice,
} from './commands.fixture.js';
import { createCommandHandler, type CommandHandler } from './handle.js';
import {
  acceptedOf,
  failureOf,
  intercepted,
  memoryStore,
  recordCited,
  streamEvents,
  wholeLog,
} from './store.fixture.js';

/** A store with the registry and the bodies `bcd-a` and `bcd-b`, and a handler over it. */
async function setUp(): Promise<{ base: EventStore; other: CommandHandler }> {
  const base = memoryStore();
  const other = createCommandHandler({ store: base });
  await recordCited(other, ...defaultFixtureCommands());
  for (const [id, command] of [
    ['p', registerProvince],
    ['c', registerCity],
    ...seatedWorld,
    ...[1, 2, 3].map(
      (n) => [`office-${n}`, establishOffice(`office-${n}`, `Chức vụ ${n}`)] as const,
    ),
    ['a', establishBody('bcd-a')],
    ['b', establishBody('bcd-b')],
  ] as const) {
    acceptedOf(await other.handle(envelope(id, command)));
  }
  return { base, other };
}

/** A store that runs `inject` before each of the first `times` appends it is asked for. */
function injecting(
  base: EventStore,
  inject: (call: number) => Promise<void>,
  times = 1,
): { store: EventStore; appends: AppendRequest[] } {
  const appends: AppendRequest[] = [];
  const store = intercepted(base, {
    beforeAppend: async (request, call) => {
      appends.push(request);
      if (call <= times) await inject(call);
    },
  });
  return { store, appends };
}

describe('a version conflict', () => {
  it('is retried: compatible concurrent changes both succeed, the loser deciding again', async () => {
    const { base, other } = await setUp();
    const { store, appends } = injecting(base, async () => {
      acceptedOf(
        await other.handle(envelope('theirs', createSeat('bcd-a', 'uy-vien-2', 'giam-doc-so-tc'))),
      );
    });
    const handler = createCommandHandler({ store });

    const mine = acceptedOf(
      await handler.handle(envelope('mine', createSeat('bcd-a', 'uy-vien-1', 'giam-doc-so-khdt'))),
    );

    expect(appends.map((request) => request.appends[0]?.expectedRevision)).toEqual([3n, 4n]);
    expect(mine.streams).toEqual([
      { stream: 'body-bcd-a', nextExpectedRevision: 5n },
      { stream: 'seats-of-office-giam-doc-so-khdt', nextExpectedRevision: 0n },
    ]);
    const events = await streamEvents(base, 'body-bcd-a');
    expect(events.slice(-2).map((e) => [e.metadata.commandId, e.data])).toEqual([
      ['theirs', expect.objectContaining({ seatId: 'uy-vien-2' })],
      ['mine', expect.objectContaining({ seatId: 'uy-vien-1' })],
    ]);
  });

  it('is decided again on the new state, which may refuse the command', async () => {
    const { base, other } = await setUp();
    const { store } = injecting(base, async () => {
      acceptedOf(
        await other.handle(envelope('theirs', createSeat('bcd-a', 'seat-x', 'giam-doc-so-tc'))),
      );
    });
    const handler = createCommandHandler({ store });
    const before = (await wholeLog(base)).length;

    // The same seat id, created concurrently for another office: only one can exist.
    const failure = failureOf(
      await handler.handle(envelope('mine', createSeat('bcd-a', 'seat-x', 'giam-doc-so-khdt'))),
    );

    expect(failure).toMatchObject({ _tag: 'Refused', refusal: { _tag: 'SeatAlreadyExists' } });
    // Theirs only: the seat, and bcd-a on the index of the office it follows (rule 20).
    expect((await wholeLog(base)).length).toBe(before + 2);
  });

  it('re-decides a reorganisation when one of its bodies changed, still appending atomically', async () => {
    const { base, other } = await setUp();
    const { store, appends } = injecting(base, async () => {
      acceptedOf(await other.handle(envelope('theirs', renameBody('bcd-b', 'Tên mới'))));
    });
    const handler = createCommandHandler({ store });

    const merged = acceptedOf(
      await handler.handle(envelope('merge', mergeBodies('hop-nhat', ['bcd-a', 'bcd-b'], 'bcd-c'))),
    );

    expect(appends).toHaveLength(2);
    expect(appends[1]?.appends.map((part) => [part.stream, part.expectedRevision])).toEqual([
      ['body-bcd-a', 3n],
      ['body-bcd-b', 4n],
      ['body-bcd-c', 'no-stream'],
    ]);
    expect(merged.streams.map((s) => s.nextExpectedRevision)).toEqual([4n, 5n, 1n]);
    const ended = await handler.loadBody('bcd-b' as BodyId);
    expect(E.isRight(ended) && ended.right.state.status).toBe('ended');
    expect(
      E.isRight(ended) && Body.nameOn(ended.right.state, unsafeCalendarDate('2018-08-01')),
    ).toEqual({
      vi: 'Tên mới',
    });
  });

  it('gives up after maxConflictRetries retries, appending nothing of its own', async () => {
    const { base, other } = await setUp();
    const { store, appends } = injecting(
      base,
      async (call) => {
        acceptedOf(
          await other.handle(
            envelope(`theirs-${call}`, createSeat('bcd-a', `seat-${call}`, `office-${call}`)),
          ),
        );
      },
      Number.POSITIVE_INFINITY,
    );
    const handler = createCommandHandler({ store, maxConflictRetries: 2 });

    const failure = failureOf(
      await handler.handle(envelope('mine', createSeat('bcd-a', 'uy-vien-1', 'giam-doc-so-khdt'))),
    );

    expect(failure).toMatchObject({
      _tag: 'ConflictRetriesExhausted',
      commandId: 'mine',
      attempts: 3,
      conflict: { _tag: 'VersionConflict', stream: 'body-bcd-a', expected: 5n, actual: 6n },
    });
    expect(appends).toHaveLength(3);
    const events = await streamEvents(base, 'body-bcd-a');
    expect(events.filter((e) => e.metadata.commandId === 'mine')).toEqual([]);
  });

  it('is not retried at all with maxConflictRetries 0', async () => {
    const { base, other } = await setUp();
    const { store, appends } = injecting(base, async () => {
      acceptedOf(await other.handle(envelope('theirs', renameBody('bcd-a', 'Tên mới'))));
    });
    const handler = createCommandHandler({ store, maxConflictRetries: 0 });
    const failure = failureOf(
      await handler.handle(envelope('mine', createSeat('bcd-a', 'uy-vien-1', 'giam-doc-so-khdt'))),
    );
    expect(failure).toMatchObject({ _tag: 'ConflictRetriesExhausted', attempts: 1 });
    expect(appends).toHaveLength(1);
  });
});
