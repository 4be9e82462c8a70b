/**
 * Events that contradict their stream are corrupt, never folded: an event naming another body,
 * a second establishment, or an event before the establishment makes loading the stream — and
 * any command on it — fail with a `CorruptEvent` naming the stream and revision.
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { BodyId, PersonId } from '@mandate/core';
import type { NewEvent, StoredEvent } from '@mandate/eventstore';
import {
  envelope,
  establishBody,
  registerProvince,
  renameBody,
  seatedWorld,
} from './commands.fixture.js';
import { createCommandHandler } from './handle.js';
import { acceptedOf, failureOf, memoryStore, recordCited, streamEvents } from './store.fixture.js';

/** Real stored events of bodies `bcd-a` and `bcd-b` (renamed) and of the chairman's record. */
async function recorded(): Promise<{
  a: StoredEvent[];
  b: StoredEvent[];
  person: StoredEvent[];
}> {
  const store = memoryStore();
  const handler = createCommandHandler({ store });
  await recordCited(
    handler,
    registerProvince,
    ...seatedWorld.map(([, command]) => command),
    establishBody('bcd-a'),
    renameBody('bcd-b', 'Tên mới'),
  );
  acceptedOf(await handler.handle(envelope('p', registerProvince)));
  for (const [id, command] of seatedWorld) acceptedOf(await handler.handle(envelope(id, command)));
  acceptedOf(await handler.handle(envelope('a', establishBody('bcd-a'))));
  acceptedOf(await handler.handle(envelope('b', establishBody('bcd-b'))));
  acceptedOf(await handler.handle(envelope('r', renameBody('bcd-b', 'Tên mới'))));
  return {
    a: await streamEvents(store, 'body-bcd-a'),
    b: await streamEvents(store, 'body-bcd-b'),
    person: await streamEvents(store, 'person-nguyen-van-tram'),
  };
}

const asNew = ({ eventId, type, schemaVersion, data, metadata }: StoredEvent): NewEvent => ({
  eventId: `copy-${eventId}`,
  type,
  schemaVersion,
  data,
  metadata,
});

/** A store whose stream `stream` holds exactly `events`, and a handler over it. */
async function storeWith(stream: string, events: ReadonlyArray<StoredEvent>) {
  const store = memoryStore();
  const appended = await store.append({
    appends: [{ stream, expectedRevision: 'no-stream', events: events.map(asNew) }],
  });
  if (E.isLeft(appended)) throw new Error(appended.left.message);
  return { store, handler: createCommandHandler({ store }) };
}

describe('an event that contradicts its stream', () => {
  it('naming another body is corrupt, at its revision', async () => {
    const { b } = await recorded();
    const { handler } = await storeWith('body-bcd-a', b.slice(0, 1));
    const loaded = await handler.loadBody('bcd-a' as BodyId);
    expect(E.isLeft(loaded) && loaded.left).toMatchObject({
      _tag: 'CorruptEvent',
      stream: 'body-bcd-a',
      revision: 0n,
      message: expect.stringContaining('names body bcd-b'),
    });
  });

  it('establishing the body a second time is corrupt, and a command on it fails so', async () => {
    const { a } = await recorded();
    const established = a.slice(0, 1);
    const { handler } = await storeWith('body-bcd-a', [...established, ...established]);
    await recordCited(handler, renameBody('bcd-a', 'Tên'));
    const failure = failureOf(await handler.handle(envelope('x', renameBody('bcd-a', 'Tên'))));
    expect(failure).toMatchObject({
      _tag: 'CorruptEvent',
      stream: 'body-bcd-a',
      revision: 1n,
      message: expect.stringContaining('a second time'),
    });
  });

  it('coming before the establishment is corrupt', async () => {
    const { b } = await recorded();
    const { handler } = await storeWith('body-bcd-b', b.slice(-1));
    const loaded = await handler.loadBody('bcd-b' as BodyId);
    expect(E.isLeft(loaded) && loaded.left).toMatchObject({
      _tag: 'CorruptEvent',
      revision: 0n,
      message: expect.stringContaining('before body bcd-b was established'),
    });
  });

  it('naming another person is corrupt; the stream of its own person loads', async () => {
    const { person } = await recorded();
    const { handler } = await storeWith('person-tran-thi-b', person);
    const loaded = await handler.loadPerson('tran-thi-b' as PersonId);
    expect(E.isLeft(loaded) && loaded.left).toMatchObject({
      _tag: 'CorruptEvent',
      stream: 'person-tran-thi-b',
      message: expect.stringContaining('names person nguyen-van-tram'),
    });
    const own = await storeWith('person-nguyen-van-tram', person);
    const fine = await own.handler.loadPerson('nguyen-van-tram' as PersonId);
    expect(E.isRight(fine) && fine.right.state.status).toBe('registered');
  });
});
