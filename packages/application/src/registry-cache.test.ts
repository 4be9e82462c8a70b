/**
 * The cached authority registry: folded once, then brought up to date by reading only the events
 * appended after the revision already folded — including those appended by another handler (or
 * process) over the same store.
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { Authority } from '@mandate/core';
import { NO_UPCASTERS } from '@mandate/eventstore';
import {
  CITY,
  PROVINCE,
  createSeat,
  defaultFixtureCommands,
  envelope,
  establishBody,
  registerCity,
  registerProvince,
} from './commands.fixture.js';
import { createCommandHandler } from './handle.js';
import { createRegistryCache } from './registry-cache.js';
import { acceptedOf, memoryStore, recordCited, recordingReads } from './store.fixture.js';

const authorityReads = (reads: ReturnType<typeof recordingReads>['reads']) =>
  reads.filter((read) => read.stream === 'authorities').map((read) => read.options ?? {});

describe('the registry cache', () => {
  it('reads only the registry events appended since the last load', async () => {
    const recording = recordingReads(memoryStore());
    const handler = createCommandHandler({ store: recording.store });
    await recordCited(handler, ...defaultFixtureCommands());
    acceptedOf(await handler.handle(envelope('p', registerProvince)));
    acceptedOf(await handler.handle(envelope('c', registerCity)));
    acceptedOf(await handler.handle(envelope('a', establishBody('bcd-a'))));
    acceptedOf(
      await handler.handle(envelope('s', createSeat('bcd-a', 'uy-vien', 'giam-doc-so-tc'))),
    );

    expect(authorityReads(recording.reads)).toEqual([
      {},
      {},
      { fromRevision: 1n },
      { fromRevision: 2n },
    ]);
  });

  it('sees registry changes made by another handler over the same store', async () => {
    const store = memoryStore();
    const first = createCommandHandler({ store });
    const second = createCommandHandler({ store });
    const byCity = establishBody('bcd-city', { issuer: CITY, authority: CITY });
    await recordCited(second, registerProvince, registerCity, byCity);
    acceptedOf(await first.handle(envelope('p', registerProvince)));
    // The first handler has folded a registry without the city; the second registers it.
    acceptedOf(await second.handle(envelope('c', registerCity)));

    acceptedOf(await first.handle(envelope('city-body', byCity)));

    const registry = await first.loadAuthorities();
    expect(
      E.isRight(registry) &&
        Authority.authoritiesOf(registry.right.state).map((a) => a.authorityId),
    ).toEqual([PROVINCE, CITY]);
  });

  it('keeps the most advanced registry when loads finish out of order', async () => {
    const base = memoryStore();
    const handler = createCommandHandler({ store: base });
    await recordCited(handler, registerProvince, registerCity);
    acceptedOf(await handler.handle(envelope('p', registerProvince)));
    // The first read returns at once but is held back until released: it finishes last.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const recording = recordingReads({
      ...base,
      readStream: async (stream, options) => {
        const read = await base.readStream(stream, options);
        if (recording.reads.length === 1) await held;
        return read;
      },
    });
    const load = createRegistryCache({ store: recording.store, upcasters: NO_UPCASTERS });

    const slow = load();
    acceptedOf(await handler.handle(envelope('c', registerCity)));
    expect(await load()).toMatchObject(E.right({ revision: 1n }));
    release();
    expect(await slow).toMatchObject(E.right({ revision: 0n }));
    expect(await load()).toMatchObject(E.right({ revision: 1n }));

    expect(authorityReads(recording.reads)).toEqual([{}, {}, { fromRevision: 2n }]);
  });
});
