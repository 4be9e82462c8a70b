/**
 * Read expectations in the handler, on the in-memory store: the authority registry a body command
 * reads for jurisdiction is part of its append's consistency check. A registry change committed
 * between the read and the append makes the append conflict; the command is decided again on the
 * new registry — refused there when the change took the issuer's jurisdiction away — and the
 * registry itself is never written by the command. (The instrument registry, read for the
 * citation, is relied on the same way.)
 *
 * @see docs/reference/domain.md rule 17
 */
import { describe, expect, it } from 'vitest';
import type { AppendRequest } from '@mandate/eventstore';
import {
  CITY,
  envelope,
  establishBody,
  mergeCityIntoProvince,
  registerCity,
  registerProvince,
  renameBodyBy,
  seatedWorld,
} from './commands.fixture.js';
import { createCommandHandler } from './handle.js';
import {
  acceptedOf,
  failureOf,
  intercepted,
  memoryStore,
  recordCited,
  streamEvents,
} from './store.fixture.js';

/** A store with the province, the city and a body of the city, and a handler over it. */
async function setUp() {
  const base = memoryStore();
  const other = createCommandHandler({ store: base });
  await recordCited(
    other,
    registerProvince,
    registerCity,
    ...seatedWorld.map(([, command]) => command),
    establishBody('bcd-city', { issuer: CITY, authority: CITY }),
    mergeCityIntoProvince(),
    mergeCityIntoProvince('2018-09-01', '41/QĐ-UBND'),
    renameBodyBy(CITY, 'bcd-city', 'Tên mới'),
  );
  for (const [id, command] of [
    ['p', registerProvince],
    ['c', registerCity],
    ...seatedWorld,
    ['b', establishBody('bcd-city', { issuer: CITY, authority: CITY })],
  ] as const) {
    acceptedOf(await other.handle(envelope(id, command)));
  }
  /** Where the instrument registry stands once the fixtures' instruments are recorded. */
  const instruments = BigInt((await streamEvents(base, 'instruments')).length - 1);
  return { base, other, instruments };
}

describe('the registry read for jurisdiction', () => {
  it('is expected where it was read, and not written', async () => {
    const { base, instruments } = await setUp();
    const appends: AppendRequest[] = [];
    const store = intercepted(base, {
      beforeAppend: async (request) => {
        appends.push(request);
      },
    });
    const handler = createCommandHandler({ store });
    acceptedOf(await handler.handle(envelope('mine', renameBodyBy(CITY, 'bcd-city', 'Tên mới'))));
    expect(appends.map((request) => request.expectations)).toEqual([
      [
        { stream: 'instruments', expectedRevision: instruments },
        { stream: 'authorities', expectedRevision: 1n },
      ],
    ]);
    expect(appends[0]?.appends.map((part) => part.stream)).toEqual(['body-bcd-city']);
  });

  it('changed between the read and the append makes it conflict, and the command is decided again on the new registry', async () => {
    const { base, other } = await setUp();
    const appends: AppendRequest[] = [];
    const store = intercepted(base, {
      beforeAppend: async (request, call) => {
        appends.push(request);
        if (call === 1) acceptedOf(await other.handle(envelope('merge', mergeCityIntoProvince())));
      },
    });
    const handler = createCommandHandler({ store });

    const failure = failureOf(
      await handler.handle(envelope('mine', renameBodyBy(CITY, 'bcd-city', 'Tên mới'))),
    );

    // Decided once on the old registry (the city had jurisdiction), the append conflicted on
    // the registry, and the second decision, on the merged registry, refused.
    expect(appends).toHaveLength(1);
    expect(failure).toMatchObject({
      _tag: 'Refused',
      refusal: { _tag: 'NoJurisdiction', issuer: CITY },
    });
    const body = await streamEvents(base, 'body-bcd-city');
    expect(body.map((e) => e.type)).toEqual([
      'BodyEstablished',
      'SeatCreated',
      'SeatCreated',
      'DutyAssigned',
    ]);
    expect((await streamEvents(base, 'authorities')).map((e) => e.metadata.commandId)).toEqual([
      'p',
      'c',
      'merge',
    ]);
  });

  it('changed without effect on the command: the retry succeeds, expecting the new revision', async () => {
    const { base, other, instruments } = await setUp();
    const appends: AppendRequest[] = [];
    const store = intercepted(base, {
      beforeAppend: async (request, call) => {
        appends.push(request);
        // Merged from a date after the rename's signing: the city still had jurisdiction then.
        if (call === 1)
          acceptedOf(
            await other.handle(
              envelope('merge', mergeCityIntoProvince('2018-09-01', '41/QĐ-UBND')),
            ),
          );
      },
    });
    const handler = createCommandHandler({ store });

    acceptedOf(await handler.handle(envelope('mine', renameBodyBy(CITY, 'bcd-city', 'Tên mới'))));

    expect(appends.map((request) => request.expectations)).toEqual([
      [
        { stream: 'instruments', expectedRevision: instruments },
        { stream: 'authorities', expectedRevision: 1n },
      ],
      [
        { stream: 'instruments', expectedRevision: instruments },
        { stream: 'authorities', expectedRevision: 2n },
      ],
    ]);
    expect((await streamEvents(base, 'body-bcd-city')).at(-1)?.type).toBe('BodyRenamed');
  });
});
