/**
 * A replay reads a log holding an annulment (rule 14): the withdrawal decodes and is counted,
 * and a corrupt withdrawal stops the replay as a `CorruptEvent`.
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { instantOf } from '@mandate/core';
import type { StoredEvent } from '@mandate/eventstore';
import { replayLog } from './replay.js';

const signer = { name: 'Nguyễn Văn Trăm' };
const basis = (number: string, signedOn: string) => ({
  type: 'decision',
  number,
  issuer: 'ubnd-tinh-binh-phuoc',
  signer,
  signedOn,
});

/** A log of one withdrawal on an office stream, with `withdrawn` as its data's list. */
const logOf = (withdrawn: unknown): ReadonlyArray<StoredEvent> => [
  {
    eventId: 'w-1',
    type: 'EventsWithdrawn',
    schemaVersion: 1,
    data: {
      withdrawn,
      annulled: basis('7/QĐ-UBND', '2018-02-01'),
      effectiveOn: '2018-06-01',
      source: { kind: 'instrument', instrument: basis('60/QĐ-UBND', '2018-06-01') },
    },
    metadata: {},
    stream: 'office-chu-tich',
    revision: 2n,
    position: 1n,
    recordedAt: instantOf(0),
    previousHash: '',
    hash: '',
  } as StoredEvent,
];

const storeOf = (log: ReadonlyArray<StoredEvent>) => ({
  readAll: ({ after = 0n }: { after?: bigint } = {}) =>
    Promise.resolve(E.right(log.filter((event) => event.position > after))),
});

describe('replaying a log with an annulment', () => {
  it('decodes and counts a withdrawal', async () => {
    const report = await replayLog(storeOf(logOf(['event-1'])));
    expect(report).toMatchObject({ _tag: 'Right', right: { byType: { EventsWithdrawn: 1 } } });
  });

  it('stops at a withdrawal that does not decode', async () => {
    const report = await replayLog(storeOf(logOf([])));
    expect(report).toMatchObject({ _tag: 'Left', left: { _tag: 'CorruptEvent' } });
  });
});
