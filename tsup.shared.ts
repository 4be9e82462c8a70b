/**
 * What every package's tsup build shares. fp-ts 2 publishes its modules as folders
 * (`fp-ts/Either/package.json`), which Node's ESM loader refuses to import; the build rewrites
 * those imports to the files behind them (`fp-ts/lib/Either.js`), which both ESM and CommonJS
 * consumers load.
 */
import type { Options } from 'tsup';

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

/** The build options every package uses; `entry` and `dts` are the package's own. */
export const sharedOptions = (
  entry: Record<string, string>,
  dts: Options['dts'] = true,
): Options => ({
  entry,
  format: ['esm', 'cjs'],
  dts,
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: '../../tsconfig.base.json',
  // tsup would mark fp-ts external before the plugin sees it; the plugin marks it external itself.
  noExternal: [/^fp-ts\//],
  esbuildPlugins: [fpTsFolders],
});
