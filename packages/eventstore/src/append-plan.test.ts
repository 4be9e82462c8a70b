/** Unit tests of append planning: expected revisions, recorded time, positions and heads. */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { Instant } from '@mandate/core';
import { appendTo, eventFactory } from './conformance/index.js';
import { nextRecordedAt, planAppend, revisionConflict } from './append-plan.js';
import { GENESIS_HASH, type StreamHead } from './hash-chain.js';
import { validateAppend } from './limits.js';
import type { AppendRequest, ExpectedRevision } from './port.js';

const head: StreamHead = { revision: 2n, hash: 'b'.repeat(64) };
const t1 = '2020-01-01T00:00:00.000Z' as Instant;
const t2 = '2020-01-01T00:00:01.000Z' as Instant;

describe('revisionConflict', () => {
  it.each<[ExpectedRevision, StreamHead | undefined, boolean]>([
    ['any', undefined, true],
    ['any', head, true],
    ['no-stream', undefined, true],
    ['no-stream', head, false],
    ['stream-exists', undefined, false],
    ['stream-exists', head, true],
    [2n, head, true],
    [1n, head, false],
    [3n, head, false],
    [0n, undefined, false],
  ])('expected %s with head %o: ok = %s', (expected, current, ok) => {
    const conflict = revisionConflict('s', expected, current);
    expect(conflict === undefined).toBe(ok);
    if (conflict !== undefined) {
      expect(conflict).toMatchObject({
        _tag: 'VersionConflict',
        stream: 's',
        expected,
        actual: current?.revision ?? 'no-stream',
      });
    }
  });
});

describe('nextRecordedAt', () => {
  it('takes the clock unless it went back', () => {
    expect(nextRecordedAt(t2, undefined)).toBe(t2);
    expect(nextRecordedAt(t2, t1)).toBe(t2);
    expect(nextRecordedAt(t1, t2)).toBe(t2);
  });
});

describe('planAppend', () => {
  const { events } = eventFactory();
  const valid = (request: AppendRequest) => {
    const result = validateAppend(request);
    if (E.isLeft(result)) throw new Error(result.left.message);
    return result.right;
  };

  it('places the streams one after the other in request order', () => {
    const plan = planAppend(
      valid({
        appends: [
          { stream: 'new', expectedRevision: 'no-stream', events: events(2) },
          { stream: 'old', expectedRevision: 2n, events: events(1) },
        ],
      }),
      {
        streamHead: (s) => (s === 'old' ? head : undefined),
        lastPosition: 10n,
        lastRecordedAt: t2,
        now: t1,
      },
    );
    if (E.isLeft(plan)) throw new Error(plan.left.message);
    expect(plan.right.rows.map((r) => [r.stream, r.revision, r.position, r.recordedAt])).toEqual([
      ['new', 0n, 11n, t2],
      ['new', 1n, 12n, t2],
      ['old', 3n, 13n, t2],
    ]);
    expect(plan.right.rows[0]?.previousHash).toBe(GENESIS_HASH);
    expect(plan.right.rows[2]?.previousHash).toBe(head.hash);
    expect(plan.right.heads).toEqual([
      { stream: 'new', head: { revision: 1n, hash: plan.right.rows[1]?.hash } },
      { stream: 'old', head: { revision: 3n, hash: plan.right.rows[2]?.hash } },
    ]);
    expect(plan.right.result).toEqual({
      streams: [
        { stream: 'new', nextExpectedRevision: 1n },
        { stream: 'old', nextExpectedRevision: 3n },
      ],
      lastPosition: 13n,
      duplicate: false,
    });
  });

  it('refuses the whole append at the first conflicting stream', () => {
    const plan = planAppend(
      valid({
        appends: [
          { stream: 'a', expectedRevision: 'any', events: events(1) },
          { stream: 'old', expectedRevision: 'no-stream', events: events(1) },
        ],
      }),
      {
        streamHead: (s) => (s === 'old' ? head : undefined),
        lastPosition: 0n,
        lastRecordedAt: undefined,
        now: t1,
      },
    );
    expect(plan).toMatchObject(E.left({ _tag: 'VersionConflict', stream: 'old', actual: 2n }));
  });

  it('treats a clock that gives no instant as a defect', () => {
    const request = valid(appendTo('a', 'any', events(1)));
    expect(() =>
      planAppend(request, {
        streamHead: () => undefined,
        lastPosition: 0n,
        lastRecordedAt: undefined,
        now: 'now' as Instant,
      }),
    ).toThrow(TypeError);
  });
});
