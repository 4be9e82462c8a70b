import { cpSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { sharedOptions } from '../../tsup.shared.js';

/**
 * The package is a command, not a library: one ES module, the `mandate` binary, with no
 * declarations (nothing is exported for code to import). It bundles only its own modules: the
 * workspace's packages and every driver stay external, imported at run time from the packages
 * the CLI depends on — so each database driver is a dependency of its adapter alone.
 */
const { onSuccess: _declarationsOnly, ...shared } = sharedOptions({ main: 'src/main.ts' });

export default defineConfig({
  ...shared,
  format: ['esm'],
  clean: true,
  external: [/^@mandate\//],
  // The demo tells the story from the example's decision files, shipped beside the binary.
  onSuccess: async () => {
    cpSync('../../examples/binh-phuoc-2018/decisions', 'dist/decisions', { recursive: true });
  },
});
