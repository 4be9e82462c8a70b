/**
 * Runs a TypeScript fixture of this package in a child Node process (through tsx, resolving the
 * workspace packages to their sources), for tests that need several real processes on one file.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** A running child process and what it has printed so far. */
export interface Child {
  readonly process: ChildProcessWithoutNullStreams;
  /** Resolves with the first line printed that satisfies `test`. */
  readonly line: (test: (line: string) => boolean) => Promise<string>;
  /** Every complete line printed so far. */
  readonly printed: () => ReadonlyArray<string>;
  /** Resolves with every line printed, once the process has exited with code 0; rejects otherwise. */
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
  const waiting = new Set<{ test: (line: string) => boolean; found: (line: string) => void }>();
  let pending = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of [...waiting]) {
        if (!waiter.test(line)) continue;
        waiting.delete(waiter);
        waiter.found(line);
      }
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
  // Marked as handled here: a test that kills the child on purpose need not await it.
  exited.catch(() => undefined);
  const line = (test: (line: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      const seen = lines.find(test);
      if (seen !== undefined) return resolve(seen);
      waiting.add({ test, found: resolve });
      exited.then(
        () => reject(new Error(`${fixture} exited without printing the awaited line`)),
        reject,
      );
    });
  return { process: child, line, printed: () => [...lines], exited };
}
