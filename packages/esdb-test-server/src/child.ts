/**
 * Runs the test server in a child Node process (through tsx), so that its copy of a client's
 * generated protobuf classes never meets the copy the client under test loads.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerSettings } from './server.js';

/** One way of running the suite: which client, and what the server advertises. */
export interface TestServerMode extends ServerSettings {
  /** A short name for test titles, e.g. `esdb/batch`. */
  readonly name: string;
}

/** The four modes the suite runs in: each client, with and without `BatchAppend`. */
export const TEST_SERVER_MODES: ReadonlyArray<TestServerMode> = [
  { name: 'esdb 6.2 / Append', client: 'esdb', batchAppend: false, multiStreamAppend: false },
  { name: 'esdb 6.2 / BatchAppend', client: 'esdb', batchAppend: true, multiStreamAppend: false },
  { name: 'kurrent 1.3 / Append', client: 'kurrent', batchAppend: false, multiStreamAppend: false },
  {
    name: 'kurrent 1.3 / BatchAppend + multiStreamAppend',
    client: 'kurrent',
    batchAppend: true,
    multiStreamAppend: true,
  },
];

/** A test server running in a child process. */
export interface TestServer {
  readonly connectionString: string;
  /** How many times each RPC was served so far, by method name (`Append`, `BatchAppend`, ...). */
  readonly calls: () => Promise<Readonly<Record<string, number>>>;
  /** Stops the server and waits for its process to exit. */
  readonly stop: () => Promise<void>;
}

const script = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Starts a test server in a child process; resolves once it listens. */
export function startTestServer(settings: ServerSettings): Promise<TestServer> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@mandate/source',
      '--import',
      'tsx',
      script,
      settings.client,
      settings.batchAppend ? 'batch' : 'append',
      ...(settings.multiStreamAppend ? ['multi'] : []),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (out + chunk).split('\n');
    out = parts.pop() ?? '';
    for (const line of parts) {
      const waiter = waiting.shift();
      if (waiter === undefined) lines.push(line);
      else waiter(line);
    }
  });
  const nextLine = () =>
    new Promise<string>((resolve) => {
      const line = lines.shift();
      if (line === undefined) waiting.push(resolve);
      else resolve(line);
    });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`The test server exited with ${code}: ${stderr}`)));
    void nextLine().then((connectionString) =>
      resolve({
        connectionString,
        calls: async () => {
          const answer = nextLine();
          child.stdin.write('calls\n');
          return JSON.parse(await answer) as Record<string, number>;
        },
        stop: async () => {
          child.stdin.end();
          const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
          await exited;
          clearTimeout(timer);
        },
      }),
    );
  });
}
