/**
 * Runs the built `mandate` binary as a user would — a child process with its own arguments,
 * environment and working folder — and collects its exit code, stdout and stderr.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built binary (the integration tier's global setup builds it). */
export const BINARY = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** What one run of the binary did. */
export interface MandateRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of one run: its working folder and variables added to a clean environment. */
export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs `mandate ...args`; resolves whatever the exit code. */
export function mandate(
  args: ReadonlyArray<string>,
  options: RunOptions = {},
): Promise<MandateRun> {
  const { MANDATE_STORE: _ignored, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BINARY, ...args],
      {
        cwd: options.cwd,
        env: { ...inherited, ...options.env },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') {
          reject(error);
          return;
        }
        resolve({ code: error === null ? 0 : (error.code as number), stdout, stderr });
      },
    );
  });
}

/** Runs `mandate ...args --json` expecting success, and parses its stdout. */
export async function mandateJson(
  args: ReadonlyArray<string>,
  options: RunOptions = {},
): Promise<unknown> {
  const run = await mandate([...args, '--json'], options);
  if (run.code !== 0) {
    throw new Error(`mandate ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  }
  return JSON.parse(run.stdout) as unknown;
}
