/**
 * Many writers on one server: 8 writers, each with a store (a pool) of its own, run 1,000
 * commands each against 4 hot streams, reading each stream's head and appending with that
 * expected revision (retrying on conflicts), while pairs of writers race with one command id now
 * and then, and a live subscriber follows the log. Afterwards nothing is lost or duplicated, every
 * append was decided on the head it read, the subscriber saw every committed event exactly once
 * in position order, and `verify` passes.
 *
 * The writers' sessions run with `synchronous_commit = off`: commits stay atomic and become
 * visible in the same order under the same locks — only the WAL flush is deferred — so what is
 * tested here is unchanged, while the test no longer waits ~8,000 times for the shared machine's
 * disk. Durability is what the kill and restart tests prove, with the server's defaults.
 *
 * @see docs/reference/domain.md rule 10
 */
import * as E from 'fp-ts/Either';
import type { CommandId } from '@mandate/core';
import type { AppendRequest, AppendResult, StoredEvent } from '@mandate/eventstore';
import { afterAll, describe, expect, it } from 'vitest';
import type { PostgresEventStore } from './store.js';
import {
  SERVER_URL,
  dropSchema,
  freshSchema,
  openStore,
  sampleEvent,
  successOf,
} from './server.fixture.js';

const WRITERS = 8;
const COMMANDS = 1_000;
const HOT_STREAMS = 4;
const SHARED_EVERY = 50;

const schema = freshSchema();
afterAll(() => dropSchema(schema));

/** Appends `request` until it neither conflicts nor meets a retryable failure. */
async function appendUntilDone(
  store: PostgresEventStore,
  build: (expected: bigint | 'no-stream') => AppendRequest,
  stream: string,
): Promise<AppendResult> {
  for (;;) {
    const head = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    const expected = E.isRight(head) ? (head.right[0]?.revision ?? 'no-stream') : 'no-stream';
    const outcome = await store.append(build(expected));
    if (E.isRight(outcome)) return outcome.right;
    const error = outcome.left;
    if (error._tag === 'VersionConflict') continue;
    if (error._tag === 'StoreUnavailable' && error.retryable) continue;
    throw new Error(`${error._tag}: ${error.message}`);
  }
}

async function writer(store: PostgresEventStore, w: number, shared: AppendResult[]) {
  for (let i = 0; i < COMMANDS; i++) {
    const stream = `hot-${(w + i) % HOT_STREAMS}`;
    const commandId = `w${w}-c${i}`;
    await appendUntilDone(
      store,
      (expected) => ({
        commandId: commandId as CommandId,
        appends: [
          {
            stream,
            expectedRevision: expected,
            events: [sampleEvent(commandId, { w, i, expected: String(expected) }, commandId)],
          },
        ],
      }),
      stream,
    );
    if (i % SHARED_EVERY === 0) {
      // Writers 2k and 2k+1 submit the same command at about the same time.
      const id = `shared-${w >> 1}-${i}`;
      const request: AppendRequest = {
        commandId: id as CommandId,
        appends: [
          {
            stream: `shared-${w >> 1}`,
            expectedRevision: 'any',
            events: [sampleEvent(id, {}, id)],
          },
        ],
      };
      shared.push(successOf(await store.append(request)));
    }
  }
}

describe('8 concurrent writers on hot streams with a live subscriber', () => {
  it('lose nothing, duplicate nothing, and the subscriber sees every event once in order', async () => {
    const stores = await Promise.all(
      Array.from({ length: WRITERS }, () =>
        openStore({
          schema,
          connectionString: `${SERVER_URL}?options=-c%20synchronous_commit%3Doff`,
          maxConnections: 2,
        }),
      ),
    );
    const follower = await openStore({ schema, maxConnections: 2 });
    const seen: StoredEvent[] = [];
    const subscription = follower.subscribe({ onEvent: (event) => void seen.push(event) });
    const shared: AppendResult[] = [];
    await Promise.all(stores.map((store, w) => writer(store, w, shared)));
    await subscription.waitUntilCaughtUp();
    await subscription.stop();

    const sharedCount = (WRITERS / 2) * (COMMANDS / SHARED_EVERY);
    const total = WRITERS * COMMANDS + sharedCount;
    const log: StoredEvent[] = [];
    for (let after = 0n; ;) {
      const page = successOf(await follower.readAll({ after, maxCount: 10_000 }));
      if (page.length === 0) break;
      log.push(...page);
      after = page.at(-1)?.position ?? after;
    }
    expect(log.map((e) => e.position)).toEqual(
      Array.from({ length: total }, (_, k) => BigInt(k + 1)),
    );
    expect(seen.map((e) => e.eventId)).toEqual(log.map((e) => e.eventId));
    expect(new Set(log.map((e) => e.eventId)).size).toBe(total);
    expect(shared.filter((r) => !r.duplicate)).toHaveLength(sharedCount);
    expect(shared.filter((r) => r.duplicate)).toHaveLength(sharedCount);
    for (let s = 0; s < HOT_STREAMS; s++) {
      const events = successOf(await follower.readStream(`hot-${s}`));
      events.forEach((event, revision) => {
        const { expected } = event.data as { expected: string };
        expect(expected).toBe(revision === 0 ? 'no-stream' : String(revision - 1));
      });
    }
    expect(successOf(await follower.verify())).toEqual({
      ok: true,
      streams: HOT_STREAMS + WRITERS / 2,
      events: BigInt(total),
    });
    await Promise.all([...stores, follower].map((store) => store.close()));
  }, 170_000);
});
