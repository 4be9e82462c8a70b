import { defineConfig } from 'tsup';
import { sharedOptions } from '../../tsup.shared.js';

// The base tsconfig has `types: []`; this package uses Node through pg.
export default defineConfig(
  sharedOptions(
    { index: 'src/index.ts', 'read-model/index': 'src/read-model/index.ts' },
    { compilerOptions: { types: ['node'] } },
  ),
);
