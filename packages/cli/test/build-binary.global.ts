/**
 * Vitest global setup of the integration tier: builds the `mandate` binary once per run, so that
 * the CLI tests spawn what users run (`packages/cli/dist/main.js`). The build is one esbuild run
 * (the workspace's packages are bundled from their sources), about a second.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds the binary; a failing build fails the run before any test starts. */
export default function buildBinary(): void {
  execFileSync('npx', ['tsup', '--silent'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
