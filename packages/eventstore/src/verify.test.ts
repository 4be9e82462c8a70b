/** Unit tests of log verification, including the anchor that detects truncation. */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { Instant } from '@mandate/core';
import { eventFactory } from './conformance/index.js';
import { chainEvents, computeRawHash, type StreamHead } from './hash-chain.js';
import { validateAppend } from './limits.js';
import type { RawStoredEvent } from './raw-event.js';
import { verifyLog } from './verify.js';

const at = '2019-07-01T03:00:00.000Z' as Instant;

/** A log of `plan` (stream, count) appends, chained as a store would. */
function logOf(plan: ReadonlyArray<readonly [string, number]>): ReadonlyArray<RawStoredEvent> {
  const { events } = eventFactory('v');
  const heads = new Map<string, StreamHead>();
  const rows: RawStoredEvent[] = [];
  for (const [stream, count] of plan) {
    const valid = validateAppend({
      appends: [{ stream, expectedRevision: 'any', events: events(count) }],
    });
    if (E.isLeft(valid)) throw new Error(valid.left.message);
    const chained = chainEvents({
      stream,
      events: valid.right.appends[0]?.events ?? [],
      head: heads.get(stream),
      firstPosition: BigInt(rows.length + 1),
      recordedAt: at,
    });
    rows.push(...chained);
    const last = chained[chained.length - 1];
    if (last !== undefined) heads.set(stream, { revision: last.revision, hash: last.hash });
  }
  return rows;
}

const log = logOf([
  ['a', 2],
  ['b', 1],
  ['a', 1],
  ['c', 2],
]);
const last = log[log.length - 1] as RawStoredEvent;

async function* slowly(rows: ReadonlyArray<RawStoredEvent>) {
  for (const row of rows) {
    await Promise.resolve();
    yield row;
  }
}

describe('verifyLog', () => {
  it('accepts an intact log, from an array or an async iterable', async () => {
    expect(await verifyLog(log)).toEqual({ ok: true, streams: 3, events: 6n });
    expect(await verifyLog(slowly(log))).toEqual({ ok: true, streams: 3, events: 6n });
    expect(await verifyLog([])).toEqual({ ok: true, streams: 0, events: 0n });
  });

  it('reports the first broken link: the edited event', async () => {
    const edited = log.map((row) => (row.position === 3n ? { ...row, dataJson: '{"n":0}' } : row));
    const report = await verifyLog(edited);
    expect(report).toMatchObject({
      ok: false,
      problem: { _tag: 'TamperDetected', stream: 'b', revision: 0n, position: 3n },
    });
  });

  it('reports a removed event at the next position', async () => {
    const report = await verifyLog(log.filter((row) => row.position !== 2n));
    expect(report).toMatchObject({ ok: false, problem: { _tag: 'TamperDetected', position: 3n } });
    if (!report.ok) expect(report.problem.message).toMatch(/missing/);
  });

  it('reports a stream whose revisions do not follow, even with consistent hashes', async () => {
    const skipped = { ...(log[3] as RawStoredEvent), revision: 3n };
    const rehashed = { ...skipped, hash: computeRawHash(skipped) };
    const report = await verifyLog([...log.slice(0, 3), rehashed]);
    expect(report).toMatchObject({ ok: false, problem: { stream: 'a', revision: 3n } });
    if (!report.ok) expect(report.problem.message).toMatch(/revisions 2 to 2 are missing/);
  });

  it('reports a previousHash that does not link, even with a consistent hash', async () => {
    const relinked = { ...(log[3] as RawStoredEvent), previousHash: 'e'.repeat(64) };
    const report = await verifyLog([
      ...log.slice(0, 3),
      { ...relinked, hash: computeRawHash(relinked) },
    ]);
    expect(report).toMatchObject({
      ok: false,
      problem: { _tag: 'TamperDetected', stream: 'a', revision: 2n },
    });
  });

  it('reports positions going back', async () => {
    const report = await verifyLog([...log.slice(0, 3), log[1] as RawStoredEvent]);
    expect(report).toMatchObject({ ok: false, problem: { _tag: 'TamperDetected', position: 2n } });
  });

  it('reports JSON that does not parse as a CorruptEvent', async () => {
    const broken = log.map((row) => (row.position === 5n ? { ...row, dataJson: '{' } : row));
    expect(await verifyLog(broken)).toMatchObject({
      ok: false,
      problem: { _tag: 'CorruptEvent', stream: 'c', revision: 0n },
    });
  });

  it('reports JSON that parses to something not encodable as a CorruptEvent', async () => {
    const broken = log.map((row) =>
      row.position === 1n ? { ...row, metadataJson: '"\\ud800"' } : row,
    );
    expect(await verifyLog(broken)).toMatchObject({ ok: false, problem: { _tag: 'CorruptEvent' } });
  });

  it('cannot see the last events removed without an anchor, and sees it with one', async () => {
    const truncated = log.slice(0, -2);
    expect(await verifyLog(truncated)).toEqual({ ok: true, streams: 2, events: 4n });
    const anchor = { position: last.position, hash: last.hash };
    expect(await verifyLog(log, { expectHead: anchor })).toEqual({
      ok: true,
      streams: 3,
      events: 6n,
    });
    const report = await verifyLog(truncated, { expectHead: anchor });
    expect(report).toMatchObject({ ok: false, problem: { _tag: 'TamperDetected', position: 6n } });
    if (!report.ok) expect(report.problem.message).toMatch(/removed from the end/);
    expect(await verifyLog([], { expectHead: anchor })).toMatchObject({
      ok: false,
      problem: { stream: '', revision: -1n, position: 6n },
    });
  });

  it('with an anchor, sees the end rewritten with recomputed hashes', async () => {
    const forged = { ...last, dataJson: '{"n":-1}' };
    const rewritten = [...log.slice(0, -1), { ...forged, hash: computeRawHash(forged) }];
    expect(await verifyLog(rewritten)).toMatchObject({ ok: true });
    expect(
      await verifyLog(rewritten, { expectHead: { position: last.position, hash: last.hash } }),
    ).toMatchObject({
      ok: false,
      problem: { _tag: 'TamperDetected', position: last.position },
    });
  });

  it('accepts a log that grew past the anchor', async () => {
    const anchor = { position: 4n, hash: (log[3] as RawStoredEvent).hash };
    expect(await verifyLog(log, { expectHead: anchor })).toMatchObject({ ok: true });
  });
});
