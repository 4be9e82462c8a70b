/**
 * What every package's tsup build shares. tsup builds the JavaScript only; the declarations are
 * tsc's (`tsc -b tsconfig.build.json`, into `dist/types`), one file per module as the source has
 * them — a bundled declaration file loses the type meaning of names that are both a codec and a
 * type inside `export * as Body` — and the build copies them as `.d.cts` files, whose relative
 * imports name `.cjs` files, for CommonJS consumers. fp-ts 2 publishes its modules as folders
 * (`fp-ts/Either/package.json`), which Node's ESM loader refuses to import; the build rewrites
 * those imports to the files behind them (`fp-ts/lib/Either.js`), which both ESM and CommonJS
 * consumers load.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Options } from 'tsup';

const DECLARATIONS = 'dist/types';
const RELATIVE_JS = /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]*)\.js\2/g;

/**
 * Writes beside every `.d.ts` under `dist/types` its `.d.cts` twin, relative imports naming `.cjs`;
 * nothing when tsc wrote no declarations (a build of the JavaScript alone, as the demo's).
 */
async function writeCommonJsDeclarations(): Promise<void> {
  if (!existsSync(DECLARATIONS)) return;
  const files = await readdir(DECLARATIONS, { recursive: true });
  await Promise.all(
    files
      .filter((file) => file.endsWith('.d.ts'))
      .map(async (file) => {
        const path = join(DECLARATIONS, file);
        const text = await readFile(path, 'utf8');
        const cjs = text.replace(
          RELATIVE_JS,
          (_, keyword, quote, target) => `${keyword}${quote}${target}.cjs${quote}`,
        );
        await writeFile(path.replace(/\.d\.ts$/, '.d.cts'), cjs);
      }),
  );
}

const fpTsFolders = {
  name: 'fp-ts-files',
  setup(build: {
    onResolve: (
      options: { filter: RegExp },
      callback: (args: { path: string }) => { path: string; external: boolean },
    ) => void;
  }) {
    build.onResolve({ filter: /^fp-ts\/[A-Za-z]+$/ }, (args) => ({
      path: `fp-ts/lib/${args.path.slice('fp-ts/'.length)}.js`,
      external: true,
    }));
  },
};

/** The build options every package uses; `entry` is the package's own. */
export const sharedOptions = (entry: Record<string, string>): Options => ({
  entry,
  format: ['esm', 'cjs'],
  dts: false,
  // tsc has written the declarations before tsup runs.
  clean: ['!types/**'],
  onSuccess: writeCommonJsDeclarations,
  sourcemap: true,
  target: 'node20',
  tsconfig: '../../tsconfig.base.json',
  // tsup would mark fp-ts external before the plugin sees it; the plugin marks it external itself.
  noExternal: [/^fp-ts\//],
  esbuildPlugins: [fpTsFolders],
});
