import { cpSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { sharedOptions } from '../../tsup.shared.js';

/**
 * The package is a command, not a library: one ES module, the `mandate` binary, with no
 * declarations (nothing is exported for code to import). The workspace's own packages are
 * bundled into it from their sources (the `@mandate/source` condition), so that building the
 * binary is one esbuild run, whatever state their own builds are in; their dependencies, and
 * every other, stay external.
 */
const {
  onSuccess: _declarationsOnly,
  noExternal = [],
  ...shared
} = sharedOptions({
  main: 'src/main.ts',
});

export default defineConfig({
  ...shared,
  format: ['esm'],
  clean: true,
  noExternal: [...noExternal, /^@mandate\//],
  // The demo tells the story from the example's decision files, shipped beside the binary.
  onSuccess: async () => {
    cpSync('../../examples/binh-phuoc-2018/decisions', 'dist/decisions', { recursive: true });
  },
  esbuildOptions: (options) => {
    options.conditions = ['@mandate/source'];
  },
});
