/** The checkpointer: on demand and every N events, into a directory, verifiable by the store. */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { afterEach, describe, expect, it } from 'vitest';
import { openCheckpoint, verifierKey } from './checkpoint.js';
import { createCheckpointer, directoryCheckpointSink } from './checkpointer.js';
import { appendTo, eventFactory } from './conformance/index.js';
import { createTamperableInMemoryEventStore } from './in-memory-store.js';
import { merkleTree } from './merkle.js';

const { privateKey } = generateKeyPairSync('ed25519');
const signer = { name: 'test-key', privateKey };
const key = verifierKey('test-key', privateKey);
const origin = 'mandate.test/log';
let directory: string | undefined;

afterEach(async () => {
  if (directory !== undefined) await rm(directory, { recursive: true, force: true });
});

describe('the checkpointer', () => {
  it('signs the root of the whole log on demand and once N events are new, into the sink', async () => {
    directory = await mkdtemp(join(tmpdir(), 'mandate-checkpoints-'));
    const { store, rows, rewriteLog } = createTamperableInMemoryEventStore();
    const sink = directoryCheckpointSink(directory);
    const checkpointer = createCheckpointer({
      store,
      origin,
      signer,
      sink,
      everyEvents: 4,
      intervalMs: 10,
    });
    const { events } = eventFactory();
    await store.append(appendTo('a', 'any', events(3)));
    const first = await checkpointer.checkpoint();
    if (E.isLeft(first)) throw new Error(first.left.message);
    const opened = openCheckpoint(first.right.note, key, origin);
    if (E.isLeft(opened)) throw new Error(opened.left.message);
    expect(opened.right.size).toBe(3n);
    expect(Buffer.from(opened.right.rootHash)).toEqual(
      Buffer.from(merkleTree(rows().map((r) => r.hash)).root()),
    );
    checkpointer.start();
    for (let i = 0; i < 6; i++) {
      await store.append(appendTo(`s${i}`, 'any', events(1)));
      // Let a look happen after each append, so the checkpoint at 4 new events is seen.
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    for (let waited = 0; waited < 5_000 && !(await readdir(directory)).includes('7.checkpoint');) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      waited += 20;
    }
    await checkpointer.stop();
    expect((await readdir(directory)).sort()).toEqual(['3.checkpoint', '7.checkpoint', 'latest']);
    const latest = openCheckpoint((await sink.latest()) ?? '', key, origin);
    if (E.isLeft(latest)) throw new Error(latest.left.message);
    expect(await store.verify({ checkpoint: latest.right })).toMatchObject(E.right({ ok: true }));
    expect(latest.right.scopes?.streams.size).toBe(5);
    const { scopes } = latest.right;
    if (scopes === undefined) throw new Error('The checkpoint commits to no scope trees');
    const wrongHeads = { ...scopes, streams: { ...scopes.streams, size: 6 } };
    expect(
      await store.verify({ checkpoint: { ...latest.right, scopes: wrongHeads } }),
    ).toMatchObject(E.right({ ok: false, problem: { message: /stream heads/ } }));
    rewriteLog((log) => log.slice(0, -3));
    expect(await store.verify({ checkpoint: latest.right })).toMatchObject(
      E.right({ ok: false, problem: { _tag: 'TamperDetected' } }),
    );
  });
});
