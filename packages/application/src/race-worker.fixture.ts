/**
 * A child process of the cross-process race: it opens the SQLite store at `argv[2]`, prints
 * `ready`, waits for a line on stdin, then submits every command of the race script through its
 * own command handler and prints one JSON line with the outcome of each.
 */
import { once } from 'node:events';
import { createCommandHandler } from './handle.js';
import { openSqlite, raceScript, summarise } from './sqlite.fixture.js';

const [file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: race-worker <file>');
const store = await openSqlite(file);
const handler = createCommandHandler({ store });

process.stdout.write('ready\n');
await once(process.stdin, 'data');

const outcomes = [];
for (const submitted of raceScript) {
  outcomes.push(summarise(submitted.commandId, await handler.handle(submitted)));
}
await store.close();
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
