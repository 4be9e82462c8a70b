import { defineConfig } from 'tsup';
import { sharedOptions } from '../../tsup.shared.js';

// The base tsconfig has `types: []`; this package's layout encodes text with Node's globals.
export default defineConfig(
  sharedOptions({ index: 'src/index.ts' }, { compilerOptions: { types: ['node'] } }),
);
