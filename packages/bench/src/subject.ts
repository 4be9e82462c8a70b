/**
 * What a store under test offers the workloads (W1–W3 and verification), how one is opened on
 * fresh storage, and the order in which W1 appends: streams take turns, one batch each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StreamFixture } from './fixtures.js';
import type { Counts } from './projection.js';

/** A store under test, open on its own empty storage. */
export interface WorkloadSubject {
  /** W1: appends every stream's batches, streams taking turns, each with its expected revision. */
  readonly appendAll: (streams: ReadonlyArray<StreamFixture>) => Promise<void>;
  /** W2: reads, decodes and folds every stream; resolves to the number of events folded. */
  readonly readAndFold: (streams: ReadonlyArray<string>) => Promise<number>;
  /** W3: replays the whole log in order into the projection. */
  readonly replay: () => Promise<Counts>;
  /** Verifies the hash chain over the whole log; resolves to the number of events verified. */
  readonly verify?: () => Promise<number>;
  /** How many appends had to be retried because the store failed them spuriously (if it can). */
  readonly retries?: () => number;
  /** Closes the store and removes its files. */
  readonly close: () => Promise<void>;
}

/** How to open a fresh, empty store under test. */
export interface SubjectFactory {
  /** A short key used to compute ratios (`sqlite`, `raw`, `emmett`, …). */
  readonly key: string;
  readonly name: string;
  readonly open: () => Promise<WorkloadSubject>;
}

/** A fresh temporary directory for one store, and the function that removes it. */
export function temporaryDirectory(label: string): {
  readonly path: string;
  readonly remove: () => void;
} {
  const path = mkdtempSync(join(tmpdir(), `mandate-bench-${label}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The turns of W1: batch 1 of every stream, then batch 2, … (with each stream's revision). */
export function* appendTurns(streams: ReadonlyArray<StreamFixture>): Generator<{
  readonly stream: string;
  readonly revisionBefore: number;
  readonly events: StreamFixture['batches'][number];
}> {
  const rounds = Math.max(0, ...streams.map((s) => s.batches.length));
  const appended = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    for (const { stream, batches } of streams) {
      const events = batches[round];
      if (events === undefined) continue;
      const before = appended.get(stream) ?? 0;
      appended.set(stream, before + events.length);
      yield { stream, revisionBefore: before, events };
    }
  }
}
