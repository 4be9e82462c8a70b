/**
 * A child process of the durability test: opens the store at `argv[2]` with durability `argv[3]`
 * and appends to the stream `kill` for ever, printing `committed <revision>` after each append
 * resolves, until it is killed.
 */
import * as E from 'fp-ts/Either';
import type { Durability } from './connection.js';
import { openStore, sampleEvent } from './store.fixture.js';

const [file, durability] = process.argv.slice(2);
if (file === undefined || (durability !== 'process-safe' && durability !== 'power-safe')) {
  throw new Error('usage: kill-worker <file> <process-safe|power-safe>');
}
const store = await openStore({ path: file, durability: durability satisfies Durability });
for (let revision = 0n; ; revision++) {
  const outcome = await store.append({
    appends: [
      {
        stream: 'kill',
        expectedRevision: revision === 0n ? 'no-stream' : revision - 1n,
        events: [sampleEvent(`k-${revision}`, { revision: String(revision) })],
      },
    ],
  });
  if (E.isLeft(outcome)) throw new Error(outcome.left.message);
  process.stdout.write(`committed ${revision}\n`);
}
