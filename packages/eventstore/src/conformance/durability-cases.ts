/**
 * Conformance cases for durable stores (run with `{ durable: true }`): a reopened store keeps the
 * log, the hash chain and the recorded command ids.
 *
 * @see docs/reference/domain.md rule 10
 */
import type { CommandId } from '@mandate/core';
import { checkEqual, expectRight } from './assert.js';
import { appendTo, eventFactory } from './fixtures.js';
import { withStore, type ConformanceCase, type StoreFactory } from './store-under-test.js';

/** The durability cases, each on a fresh store from `factory`. */
export const durabilityCases = (factory: StoreFactory): ReadonlyArray<ConformanceCase> => [
  {
    name: 'a reopened store keeps the log, the chain and the recorded command ids',
    run: withStore(factory, async (sut) => {
      if (sut.reopen === undefined) throw new Error('A durable store under test must offer reopen');
      const { events } = eventFactory();
      const first = expectRight(
        await sut.store.append(appendTo('a', 'no-stream', events(2), 'cmd-1')),
        'append',
      );
      expectRight(await sut.store.append(appendTo('b', 'no-stream', events(1))), 'append b');
      const before = expectRight(await sut.store.readAll(), 'readAll before');
      const store = await sut.reopen();
      checkEqual(
        expectRight(await store.readAll(), 'readAll after'),
        before,
        'log after reopening',
      );
      checkEqual(
        expectRight(await store.findCommand('cmd-1' as CommandId), 'findCommand'),
        { ...first, duplicate: true },
        'recorded command',
      );
      const again = expectRight(
        await store.append(appendTo('a', 'no-stream', events(1), 'cmd-1')),
        'repeat',
      );
      checkEqual(again, { ...first, duplicate: true }, 'repeated command');
      const next = expectRight(
        await store.append(appendTo('a', 1n, events(1))),
        'append after reopening',
      );
      checkEqual(next.lastPosition, 4n, 'the next position');
      checkEqual(
        expectRight(await store.verify(), 'verify'),
        { ok: true, streams: 2, events: 4n },
        'verify',
      );
    }),
  },
];
