/**
 * Builds what running the `mandate` binary inside the workspace needs: the JavaScript (ES modules,
 * no declarations) of `@mandate/cli` and of every workspace package it imports at run time, found
 * afresh from the manifests' `dependencies` and `peerDependencies`. One process runs each
 * package's own tsup configuration in turn, which is several times faster than a tsup process per
 * package. `npm run demo` runs it; `pnpm run build` is the full build, declarations included.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Options } from 'tsup';

const packages = fileURLToPath(new URL('../packages', import.meta.url));

interface Manifest {
  readonly name: string;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

const manifestOf = (folder: string): Manifest =>
  JSON.parse(readFileSync(join(packages, folder, 'package.json'), 'utf8')) as Manifest;

/** Every workspace package's folder, by package name. */
const folders = new Map(readdirSync(packages).map((folder) => [manifestOf(folder).name, folder]));

/** The folders of `name` and of every workspace package it needs at run time. */
function closure(name: string, found: Set<string> = new Set()): Set<string> {
  const folder = folders.get(name);
  if (folder === undefined || found.has(folder)) return found;
  found.add(folder);
  const manifest = manifestOf(folder);
  for (const needed of Object.keys({
    ...manifest.dependencies,
    ...manifest.peerDependencies,
  }))
    closure(needed, found);
  return found;
}

for (const folder of closure('@mandate/cli')) {
  const directory = join(packages, folder);
  const { default: options } = (await import(join(directory, 'tsup.config.ts'))) as {
    readonly default: Options;
  };
  // tsup reads paths from the working directory; esbuild keeps the one it started in.
  process.chdir(directory);
  await build({
    ...options,
    format: ['esm'],
    // Keep what a full build wrote beside (CommonJS, declarations): another run may be using it.
    clean: false,
    silent: true,
    config: false,
    esbuildOptions: (esbuild, context) => {
      options.esbuildOptions?.(esbuild, context);
      esbuild.absWorkingDir = directory;
    },
  });
}
