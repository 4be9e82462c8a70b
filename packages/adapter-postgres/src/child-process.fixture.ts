/**
 * Runs a TypeScript fixture of this package in child Node processes, for tests that kill real
 * processes. The fixture is bundled once with esbuild (workspace packages from their sources,
 * `pg` left to Node), so that each child starts in a fraction of a second rather than compiling
 * the workspace again through tsx.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** A running child process. */
export interface Child {
  readonly process: ChildProcessWithoutNullStreams;
  /** Resolves once the child has printed a line satisfying `test`; rejects if it exits first. */
  readonly line: (test: (line: string) => boolean) => Promise<void>;
  /** Resolves with the exit signal (or code) once the child has exited. */
  readonly exited: Promise<NodeJS.Signals | number | null>;
}

/** A fixture bundled into one file, ready to start as many children as needed. */
export interface BundledFixture {
  /** Starts `node <bundle> ...args`. */
  readonly start: (args: ReadonlyArray<string>) => Child;
  /** Removes the bundle. */
  readonly remove: () => Promise<void>;
}

/** Bundles `fixture`, a file name beside this module. */
export async function bundleFixture(fixture: string): Promise<BundledFixture> {
  // Inside this package's node_modules, so that Node resolves `pg` from the bundle's place.
  const cache = fileURLToPath(new URL('../node_modules/.cache', import.meta.url));
  await mkdir(cache, { recursive: true });
  const directory = await mkdtemp(join(cache, 'mandate-pg-fixture-'));
  const outfile = join(directory, 'fixture.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL(`./${fixture}`, import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@mandate/source'],
    // pg stays a real module, loaded by Node from this package's dependencies.
    external: ['pg'],
    logLevel: 'silent',
  });
  return {
    start: (args) => startChild(outfile, fixture, args),
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}

function startChild(outfile: string, fixture: string, args: ReadonlyArray<string>): Child {
  const child = spawn(process.execPath, [outfile, ...args], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let printed = '';
  let stderr = '';
  const waiting = new Set<{ test: (line: string) => boolean; found: () => void }>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    printed += chunk;
    const lines = printed.split('\n');
    for (const waiter of [...waiting]) {
      if (lines.some(waiter.test)) {
        waiting.delete(waiter);
        waiter.found();
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => {
    child.on('exit', (code, signal) => resolve(signal ?? code));
  });
  const line = (test: (line: string) => boolean) =>
    new Promise<void>((resolve, reject) => {
      if (printed.split('\n').some(test)) return resolve();
      waiting.add({ test, found: resolve });
      void exited.then((how) =>
        reject(new Error(`${fixture} exited (${String(how)}) first: ${stderr}`)),
      );
    });
  return { process: child, line, exited };
}
