/**
 * Cross-process concurrency on one real file: four child processes open a new file at once (so
 * they race the migration too), then append to private and shared streams, racing on command ids.
 * Afterwards the log must be whole: positions 1..N without gaps, every stream's revisions
 * contiguous, the hash chain verified, no append lost or doubled, no busy error surfaced.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '@mandate/eventstore';
import type { WorkerReport } from './append-worker.fixture.js';
import { startChild, type Child } from './child-process.fixture.js';
import { openStore, scratchDirectory, successOf, type ScratchDirectory } from './store.fixture.js';
import type { SqliteEventStore } from './store.js';

const WORKERS = 4;
const ROUNDS = 200;

const reportOf = async (worker: Child): Promise<WorkerReport> =>
  JSON.parse((await worker.exited).at(-1) ?? '') as WorkerReport;

async function readWholeLog(store: SqliteEventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (;;) {
    const page = successOf(await store.readAll({ after: events.at(-1)?.position ?? 0n }));
    if (page.length === 0) return events;
    events.push(...page);
  }
}

describe('several processes appending to one file', () => {
  let scratch: ScratchDirectory;
  beforeEach(async () => {
    scratch = await scratchDirectory();
  });
  afterEach(async () => {
    await scratch.remove();
  });

  it('keeps the log whole: no gap, no loss, no double, no busy error', async () => {
    const file = scratch.file();
    const workers = Array.from({ length: WORKERS }, (_, i) =>
      startChild('append-worker.fixture.ts', [file, `w${i}`, String(ROUNDS)]),
    );
    await Promise.all(workers.map((worker) => worker.line((line) => line === 'ready')));
    for (const worker of workers) worker.process.stdin.end('go\n');
    const reports = await Promise.all(workers.map(reportOf));

    expect(reports.flatMap((report) => report.errors)).toEqual([]);
    const store = await openStore({ path: file });
    try {
      const log = await readWholeLog(store);
      const raceRounds = Math.ceil(ROUNDS / 10);
      expect(log).toHaveLength(WORKERS * ROUNDS * 2 + raceRounds);
      expect(log.map((event) => event.position)).toEqual(log.map((_, i) => BigInt(i + 1)));
      const byStream = new Map<string, StoredEvent[]>();
      for (const event of log)
        byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), event]);
      for (const events of byStream.values()) {
        expect(events.map((event) => event.revision)).toEqual(events.map((_, i) => BigInt(i)));
      }
      for (let i = 0; i < WORKERS; i++) {
        const own = byStream.get(`private-w${i}`) ?? [];
        expect(own.map((event) => event.data)).toEqual(
          Array.from({ length: ROUNDS }, (_, round) => ({ worker: `w${i}`, round })),
        );
      }
      expect(byStream.get('shared')).toHaveLength(WORKERS * ROUNDS);
      expect(byStream.get('race')).toHaveLength(raceRounds);
      expect(reports.reduce((sum, report) => sum + report.duplicates, 0)).toBe(
        (WORKERS - 1) * raceRounds,
      );
      const answers = new Map<string, Set<string>>();
      for (const race of reports.flatMap((report) => report.races)) {
        answers.set(race.commandId, (answers.get(race.commandId) ?? new Set()).add(race.result));
      }
      expect([...answers.values()].every((results) => results.size === 1)).toBe(true);
      expect(successOf(await store.verify())).toEqual({
        ok: true,
        streams: WORKERS + 2,
        events: BigInt(log.length),
      });
    } finally {
      await store.close();
    }
  });
});
