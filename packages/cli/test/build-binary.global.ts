/**
 * Vitest global setup of the integration tier: builds the `mandate` binary once per run, so that
 * the CLI tests spawn what users run (`packages/cli/dist/main.js`). The binary imports the
 * workspace's packages from their built JavaScript, so the build is `scripts/build-cli.ts`: the
 * binary's and theirs, in one process, a few seconds.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds the binary and the packages it imports; a failing build fails the run before any test starts. */
export default function buildBinary(): void {
  execFileSync('npx', ['tsx', 'scripts/build-cli.ts'], {
    cwd: fileURLToPath(new URL('../../..', import.meta.url)),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
