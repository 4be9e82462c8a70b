/**
 * A child process of the cross-process concurrency test. It opens the store at `argv[2]` as
 * worker `argv[3]`, prints `ready`, waits for a line on stdin, then makes `argv[4]` rounds of
 * appends racing the other workers, and prints one JSON line with what it saw:
 *
 * - its private stream `private-<id>`, appended with exact expected revisions (never conflicts);
 * - the stream `shared`, appended with the revision just read, retried on `VersionConflict`; every
 *   second round together with the private stream in one atomic append;
 * - every tenth round, the stream `race` under command id `race-<round>`, which every worker
 *   submits: exactly one append must happen, the others answered as duplicates.
 *
 * Any other outcome is reported in `errors`.
 */
import { once } from 'node:events';
import * as E from 'fp-ts/Either';
import type { CommandId } from '@mandate/core';
import type { AppendResult, ExpectedRevision, StoreError } from '@mandate/eventstore';
import { sampleMetadata } from '@mandate/eventstore/conformance';
import { openStore, sampleEvent } from './store.fixture.js';

/** What a worker reports when it is done. */
export interface WorkerReport {
  readonly worker: string;
  readonly conflictsRetried: number;
  readonly races: ReadonlyArray<{ readonly commandId: string; readonly result: string }>;
  readonly duplicates: number;
  readonly errors: ReadonlyArray<string>;
}

const [file, worker, roundsText] = process.argv.slice(2);
if (file === undefined || worker === undefined || roundsText === undefined) {
  throw new Error('usage: append-worker <file> <worker-id> <rounds>');
}
const rounds = Number(roundsText);
const store = await openStore({ path: file, pollIntervalMs: 50 });
const errors: string[] = [];
const races: Array<{ commandId: string; result: string }> = [];
let conflictsRetried = 0;
let duplicates = 0;

const describe = (error: StoreError) => `${error._tag}: ${error.message}`;
const encodeResult = (result: AppendResult) =>
  JSON.stringify(result, (_key, value: unknown) =>
    typeof value === 'bigint' ? String(value) : value,
  );

async function sharedRevision(): Promise<ExpectedRevision | undefined> {
  const last = await store.readStream('shared', { direction: 'backwards', maxCount: 1 });
  if (E.isRight(last)) return last.right[0]?.revision ?? 'no-stream';
  if (last.left._tag === 'StreamNotFound') return 'no-stream';
  errors.push(describe(last.left));
  return undefined;
}

process.stdout.write('ready\n');
await once(process.stdin, 'data');

for (let round = 0; round < rounds; round++) {
  const privateAppend = {
    stream: `private-${worker}`,
    expectedRevision: round === 0 ? ('no-stream' as const) : BigInt(round - 1),
    events: [sampleEvent(`p-${worker}-${round}`, { worker, round })],
  };
  const together = round % 2 === 0;
  if (!together) {
    const outcome = await store.append({ appends: [privateAppend] });
    if (E.isLeft(outcome)) errors.push(`private round ${round}: ${describe(outcome.left)}`);
  }
  for (;;) {
    const expectedRevision = await sharedRevision();
    if (expectedRevision === undefined) break;
    const shared = {
      stream: 'shared',
      expectedRevision,
      events: [sampleEvent(`s-${worker}-${round}`, { worker, round })],
    };
    const outcome = await store.append({
      appends: together ? [privateAppend, shared] : [shared],
    });
    if (E.isRight(outcome)) break;
    if (outcome.left._tag !== 'VersionConflict' || outcome.left.stream !== 'shared') {
      errors.push(`shared round ${round}: ${describe(outcome.left)}`);
      break;
    }
    conflictsRetried += 1;
  }
  if (round % 10 === 0) {
    const commandId = `race-${round}` as CommandId;
    const outcome = await store.append({
      commandId,
      appends: [
        {
          stream: 'race',
          expectedRevision: 'any',
          events: [{ ...sampleEvent(`r-${worker}-${round}`), metadata: sampleMetadata(commandId) }],
        },
      ],
    });
    if (E.isLeft(outcome)) errors.push(`race round ${round}: ${describe(outcome.left)}`);
    else {
      if (outcome.right.duplicate) duplicates += 1;
      races.push({ commandId, result: encodeResult({ ...outcome.right, duplicate: false }) });
    }
  }
}

await store.close();
const report: WorkerReport = { worker, conflictsRetried, races, duplicates, errors };
process.stdout.write(`${JSON.stringify(report)}\n`);
