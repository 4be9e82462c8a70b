/**
 * A child process of the kill test: opens the store in schema `argv[2]` and appends, for ever,
 * batches of 8 events to each of 5 streams in one multi-stream append, each event naming the
 * worker `argv[3]` and its batch, printing `committed <batch>` after each append resolves, until
 * it is killed.
 */
import * as E from 'fp-ts/Either';
import { openStore, sampleEvent } from './server.fixture.js';

const [schema, worker] = process.argv.slice(2);
if (schema === undefined || worker === undefined)
  throw new Error('usage: kill-worker <schema> <id>');
const store = await openStore({ schema, maxConnections: 1 });
process.stdout.write('ready\n');
for (let batch = 0; ; batch++) {
  const outcome = await store.append({
    appends: Array.from({ length: 5 }, (_, s) => ({
      stream: `kill-${s}`,
      expectedRevision: 'any' as const,
      events: Array.from({ length: 8 }, (_, n) =>
        sampleEvent(`${worker}-${batch}-${s}-${n}`, { worker, batch, pad: 'x'.repeat(200) }),
      ),
    })),
  });
  if (E.isLeft(outcome)) throw new Error(outcome.left.message);
  process.stdout.write(`committed ${batch}\n`);
}
