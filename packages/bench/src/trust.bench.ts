/**
 * T1 — the cost of the trust anchor on the SQLite store: appending with a checkpointer that keeps
 * the Merkle tree current (and signs every 1,000 events) against appending without it, in
 * interleaved repeats; the cost of one checkpoint from scratch and one after a single append; of
 * building the proof tree and one inclusion proof; and of `verify` with a checkpoint against
 * without.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { createSqliteEventStore, type SqliteEventStore } from '@mandate/adapter-sqlite';
import {
  createCheckpointer,
  merkleTree,
  openCheckpoint,
  verifierKey,
  type CheckpointSink,
  type EventStore,
  type SignedCheckpoint,
} from '@mandate/eventstore';
import { appendTo, eventFactory } from '@mandate/eventstore/conformance';
import { median, timeOnce, type Timing } from './measure.js';

/** Sizes of T1. */
export interface TrustOptions {
  readonly events: number;
  readonly repeats: number;
}

/** T1 at full size: 10,000 single-event appends, three interleaved repeats. */
export const TRUST_FULL: TrustOptions = { events: 10_000, repeats: 3 };
/** T1 in quick mode. */
export const TRUST_QUICK: TrustOptions = { events: 200, repeats: 1 };

/** What T1 measured. */
export interface TrustResult {
  readonly options: TrustOptions;
  readonly plain: Timing;
  readonly withTree: Timing;
  /** The process's CPU seconds (user + system) during each repeat of `plain` and `withTree`. */
  readonly plainCpu: Timing;
  readonly withTreeCpu: Timing;
  readonly checkpointFromScratch: Timing;
  readonly checkpointIncremental: Timing;
  readonly proofTree: Timing;
  /** Seconds for 1,000 inclusion proofs. */
  readonly proofs: number;
  readonly verifyPlain: Timing;
  readonly verifyWithCheckpoint: Timing;
}

const { privateKey } = generateKeyPairSync('ed25519');
const signer = { name: 'bench', privateKey };
const origin = 'mandate.bench/log';

const memorySink = (): CheckpointSink & { readonly last: () => SignedCheckpoint | undefined } => {
  let last: SignedCheckpoint | undefined;
  return {
    write: async (signed) => {
      last = signed;
    },
    latest: async () => last?.note,
    last: () => last,
  };
};

async function openScratch(): Promise<{ store: SqliteEventStore; remove: () => Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'mandate-trust-'));
  const opened = await createSqliteEventStore({ path: join(directory, 'events.db') });
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  return {
    store: opened.right,
    remove: async () => {
      await opened.right.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

async function appendAll(store: EventStore, events: number): Promise<void> {
  const factory = eventFactory('t1');
  for (let i = 0; i < events; i++) {
    const outcome = await store.append(appendTo(`body-${i % 50}`, 'any', factory.events(1)));
    if (E.isLeft(outcome)) throw new Error(outcome.left.message);
  }
}

/** Runs `run` timed, adding its wall-clock seconds to `wall` and its CPU seconds to `cpu`. */
async function timeWithCpu(
  wall: number[],
  cpu: number[],
  run: () => Promise<unknown>,
): Promise<void> {
  let used = { user: 0, system: 0 };
  wall.push(
    await timeOnce(async () => {
      const start = process.cpuUsage();
      await run();
      used = process.cpuUsage(start);
    }),
  );
  cpu.push((used.user + used.system) / 1e6);
}

/** Runs T1. */
export async function runTrustBench(options: TrustOptions): Promise<TrustResult> {
  const plain: number[] = [];
  const withTree: number[] = [];
  const plainCpu: number[] = [];
  const withTreeCpu: number[] = [];
  for (let r = 0; r < options.repeats; r++) {
    const a = await openScratch();
    await timeWithCpu(plain, plainCpu, () => appendAll(a.store, options.events));
    await a.remove();
    const b = await openScratch();
    const checkpointer = createCheckpointer({
      store: b.store,
      origin,
      signer,
      sink: memorySink(),
      everyEvents: 1_000,
    });
    await timeWithCpu(withTree, withTreeCpu, async () => {
      checkpointer.start();
      await appendAll(b.store, options.events);
      // The tree is current once the checkpointer has taken in the last append.
      const final = await checkpointer.checkpoint();
      if (E.isLeft(final)) throw new Error(final.left.message);
      await checkpointer.stop();
    });
    await b.remove();
  }

  const { store, remove } = await openScratch();
  try {
    await appendAll(store, options.events);
    const sink = memorySink();
    const fresh = createCheckpointer({ store, origin, signer, sink });
    const scratch = await timeOnce(() => fresh.checkpoint());
    await appendAll(store, 1);
    const incremental = await timeOnce(() => fresh.checkpoint());
    const opened = openCheckpoint(sink.last()?.note ?? '', verifierKey('bench', privateKey));
    if (E.isLeft(opened)) throw new Error(opened.left.message);
    const hashes: string[] = [];
    for (let after = 0n; ;) {
      const page = await store.readAll({ after });
      if (E.isLeft(page) || page.right.length === 0) break;
      hashes.push(...page.right.map((e) => e.hash));
      after = page.right.at(-1)?.position ?? after;
    }
    let tree = merkleTree([]);
    const proofTree = await timeOnce(() => {
      tree = merkleTree(hashes);
    });
    const proofs = await timeOnce(() => {
      for (let i = 0; i < 1_000; i++) tree.inclusionProof((i * 7919) % tree.size);
    });
    const verifyPlain = await timeOnce(() => store.verify());
    const verifyWithCheckpoint = await timeOnce(() => store.verify({ checkpoint: opened.right }));
    return {
      options,
      plain: { seconds: plain },
      withTree: { seconds: withTree },
      plainCpu: { seconds: plainCpu },
      withTreeCpu: { seconds: withTreeCpu },
      checkpointFromScratch: { seconds: [scratch] },
      checkpointIncremental: { seconds: [incremental] },
      proofTree: { seconds: [proofTree] },
      proofs,
      verifyPlain: { seconds: [verifyPlain] },
      verifyWithCheckpoint: { seconds: [verifyWithCheckpoint] },
    };
  } finally {
    await remove();
  }
}

/** The append overhead of keeping the tree, as a ratio of the medians minus one. */
export const treeOverhead = (result: TrustResult): number =>
  median(result.withTree.seconds) / median(result.plain.seconds) - 1;

/** The same overhead in the process's CPU time, which other processes' load does not hide. */
export const treeCpuOverhead = (result: TrustResult): number =>
  median(result.withTreeCpu.seconds) / median(result.plainCpu.seconds) - 1;
