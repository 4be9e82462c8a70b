/**
 * Appends on a real file: a refused append leaves no trace (the wedge regression), multi-stream
 * appends are atomic, positions stay gap-free across rollbacks, command ids are idempotent across
 * restarts, and the `streams` table disagreeing with `events` is refused as a conflict.
 *
 * @see docs/reference/domain.md rule 10
 */
import Database from 'better-sqlite3';
import * as E from 'fp-ts/Either';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instantOf, type CommandId, type Instant } from '@mandate/core';
import {
  openStore,
  sampleEvent,
  scratchDirectory,
  successOf,
  type ScratchDirectory,
} from './store.fixture.js';

const commandId = (id: string) => id as CommandId;

describe('appending to a real SQLite file', () => {
  let scratch: ScratchDirectory;
  beforeEach(async () => {
    scratch = await scratchDirectory();
  });
  afterEach(async () => {
    await scratch.remove();
  });

  it('a stale append does not wedge the stream: the next right append succeeds', async () => {
    const store = await openStore({ path: scratch.file() });
    successOf(
      await store.append({
        appends: [{ stream: 'body-1', expectedRevision: 'no-stream', events: [sampleEvent('a')] }],
      }),
    );
    for (const stale of ['no-stream', 5n, 1n] as const) {
      const refused = await store.append({
        appends: [{ stream: 'body-1', expectedRevision: stale, events: [sampleEvent('stale')] }],
      });
      expect(refused).toEqual(
        E.left(expect.objectContaining({ _tag: 'VersionConflict', stream: 'body-1', actual: 0n })),
      );
    }
    const next = successOf(
      await store.append({
        appends: [{ stream: 'body-1', expectedRevision: 0n, events: [sampleEvent('b')] }],
      }),
    );
    expect(next.streams).toEqual([{ stream: 'body-1', nextExpectedRevision: 1n }]);
    await store.close();

    const reopened = await openStore({ path: scratch.file() });
    const events = successOf(await reopened.readStream('body-1'));
    expect(events.map((e) => [e.eventId, e.revision, e.position])).toEqual([
      ['a', 0n, 1n],
      ['b', 1n, 2n],
    ]);
    successOf(
      await reopened.append({
        appends: [{ stream: 'body-1', expectedRevision: 1n, events: [sampleEvent('c')] }],
      }),
    );
    expect(successOf(await reopened.verify())).toEqual({ ok: true, streams: 1, events: 3n });
    await reopened.close();
  });

  it('a multi-stream append is all or nothing, and a rollback consumes no position', async () => {
    const store = await openStore({ path: scratch.file() });
    successOf(
      await store.append({
        appends: [{ stream: 'b', expectedRevision: 'no-stream', events: [sampleEvent('b0')] }],
      }),
    );
    const refused = await store.append({
      appends: [
        { stream: 'a', expectedRevision: 'no-stream', events: [sampleEvent('a0')] },
        { stream: 'b', expectedRevision: 'no-stream', events: [sampleEvent('b1')] },
      ],
    });
    expect(refused).toEqual(
      E.left(expect.objectContaining({ _tag: 'VersionConflict', stream: 'b' })),
    );
    expect(await store.readStream('a')).toEqual(
      E.left(expect.objectContaining({ _tag: 'StreamNotFound', stream: 'a' })),
    );
    const done = successOf(
      await store.append({
        appends: [
          { stream: 'a', expectedRevision: 'no-stream', events: [sampleEvent('a0')] },
          { stream: 'b', expectedRevision: 0n, events: [sampleEvent('b1'), sampleEvent('b2')] },
        ],
      }),
    );
    expect(done).toEqual({
      streams: [
        { stream: 'a', nextExpectedRevision: 0n },
        { stream: 'b', nextExpectedRevision: 2n },
      ],
      lastPosition: 4n,
      duplicate: false,
    });
    const log = successOf(await store.readAll());
    expect(log.map((e) => [e.stream, e.revision, e.position])).toEqual([
      ['b', 0n, 1n],
      ['a', 0n, 2n],
      ['b', 1n, 3n],
      ['b', 2n, 4n],
    ]);
    await store.close();
  });

  it('answers a repeated command id with the first result, across restarts', async () => {
    const first = await openStore({ path: scratch.file() });
    const request = {
      commandId: commandId('establish-1'),
      appends: [
        {
          stream: 'body-1',
          expectedRevision: 'no-stream' as const,
          events: [sampleEvent('e1'), sampleEvent('e2')],
        },
      ],
    };
    const result = successOf(await first.append(request));
    expect(successOf(await first.append(request))).toEqual({ ...result, duplicate: true });
    await first.close();

    const second = await openStore({ path: scratch.file() });
    expect(successOf(await second.append(request))).toEqual({ ...result, duplicate: true });
    expect(successOf(await second.findCommand(commandId('establish-1')))).toEqual({
      ...result,
      duplicate: true,
    });
    expect(successOf(await second.findCommand(commandId('never-sent')))).toBeUndefined();
    expect(successOf(await second.readAll())).toHaveLength(2);
    await second.close();
  });

  it('records nothing for a refused command, so it can be retried under the same id', async () => {
    const store = await openStore({ path: scratch.file() });
    successOf(
      await store.append({
        appends: [{ stream: 's', expectedRevision: 'no-stream', events: [sampleEvent('s0')] }],
      }),
    );
    const request = (expectedRevision: bigint) => ({
      commandId: commandId('appoint-1'),
      appends: [{ stream: 's', expectedRevision, events: [sampleEvent('s1')] }],
    });
    expect(E.isLeft(await store.append(request(7n)))).toBe(true);
    expect(successOf(await store.findCommand(commandId('appoint-1')))).toBeUndefined();
    expect(successOf(await store.append(request(0n))).duplicate).toBe(false);
    expect(successOf(await store.append(request(0n))).duplicate).toBe(true);
    await store.close();
  });

  it('refuses, as a conflict, an append the streams table allowed but the log does not', async () => {
    const store = await openStore({ path: scratch.file() });
    successOf(
      await store.append({
        appends: [{ stream: 's', expectedRevision: 'no-stream', events: [sampleEvent('s0')] }],
      }),
    );
    const raw = new Database(scratch.file());
    raw.prepare("DELETE FROM streams WHERE stream = 's'").run();
    raw.close();
    const refused = await store.append({
      appends: [{ stream: 's', expectedRevision: 'no-stream', events: [sampleEvent('again')] }],
    });
    expect(refused).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'VersionConflict',
          stream: 's',
          expected: 'no-stream',
          actual: 0n,
        }),
      ),
    );
    expect(successOf(await store.readAll())).toHaveLength(1);
    await store.close();
  });

  it('stamps recordedAt from the injected clock, never earlier than the log already says', async () => {
    let now = instantOf(Date.UTC(2019, 6, 1));
    const store = await openStore({ path: scratch.file(), clock: (): Instant => now });
    for (const [id, reading] of [
      ['x', Date.UTC(2019, 6, 1)],
      ['y', Date.UTC(2019, 0, 1)],
      ['z', Date.UTC(2020, 0, 1)],
    ] as const) {
      now = instantOf(reading);
      successOf(
        await store.append({
          appends: [{ stream: 's', expectedRevision: 'any', events: [sampleEvent(id)] }],
        }),
      );
    }
    expect(successOf(await store.readAll()).map((e) => e.recordedAt)).toEqual([
      '2019-07-01T00:00:00.000Z',
      '2019-07-01T00:00:00.000Z',
      '2020-01-01T00:00:00.000Z',
    ]);
    await store.close();
  });

  it('refuses an invalid append before touching the file', async () => {
    const store = await openStore({ path: scratch.file() });
    const refused = await store.append({
      appends: [{ stream: 's', expectedRevision: 'any', events: [] }],
    });
    expect(refused).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidAppend' })));
    expect(successOf(await store.readAll())).toEqual([]);
    await store.close();
  });
});
