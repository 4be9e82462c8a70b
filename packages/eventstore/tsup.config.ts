import { defineConfig } from 'tsup';
import { sharedOptions } from '../../tsup.shared.js';

// The base tsconfig has `types: []`; this package uses node:crypto and node:buffer.
export default defineConfig(
  sharedOptions(
    { index: 'src/index.ts', 'conformance/index': 'src/conformance/index.ts' },
    { compilerOptions: { types: ['node'] } },
  ),
);
