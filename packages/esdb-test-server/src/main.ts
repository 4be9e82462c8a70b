/**
 * The test server's process entry: `node --import tsx main.ts <esdb|kurrent> <append|batch>
 * [multi]` starts the server with one client's generated code, prints its connection string on
 * one line, answers each line on stdin with its RPC call counts, and runs until stdin closes. A test fixture, never shipped.
 */
import { startServer } from './server.js';

const [client, mode, multi] = process.argv.slice(2);
if ((client !== 'esdb' && client !== 'kurrent') || (mode !== 'append' && mode !== 'batch')) {
  throw new Error('usage: main.ts <esdb|kurrent> <append|batch> [multi]');
}
const server = await startServer({
  client,
  batchAppend: mode === 'batch',
  multiStreamAppend: multi === 'multi',
});
process.stdout.write(`${server.connectionString}\n`);
// Each line on stdin asks for the RPC call counts, answered as one line of JSON.
process.stdin.setEncoding('utf8').on('data', () => {
  process.stdout.write(`${JSON.stringify(server.calls())}\n`);
});
process.stdin.on('end', () => void server.stop().then(() => process.exit(0)));
