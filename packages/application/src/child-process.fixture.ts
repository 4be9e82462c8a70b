/**
 * Runs a TypeScript fixture of this package in a child Node process (through tsx, resolving the
 * workspace packages to their sources), for tests that race several real processes on one file.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** A running child process. */
export interface Child {
  readonly process: ChildProcessWithoutNullStreams;
  /** Resolves once the child has printed the line `ready`. */
  readonly ready: Promise<void>;
  /** Resolves with every line printed once the child exits with code 0; rejects otherwise. */
  readonly exited: Promise<ReadonlyArray<string>>;
}

/** Starts `node <fixture> ...args`, where `fixture` is a file name beside this module. */
export function startChild(fixture: string, args: ReadonlyArray<string>): Child {
  const script = fileURLToPath(new URL(`./${fixture}`, import.meta.url));
  const child = spawn(
    process.execPath,
    ['--conditions=@mandate/source', '--import', 'tsx', script, ...args],
    { cwd: repositoryRoot, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  let pending = '';
  let stderr = '';
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      if (line === 'ready') markReady();
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<ReadonlyArray<string>>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(lines);
      else reject(new Error(`${fixture} exited with ${code ?? signal}: ${stderr}`));
    });
  });
  return { process: child, ready: Promise.race([ready, exited.then(() => undefined)]), exited };
}
