import { defineConfig } from 'tsup';
import { sharedOptions } from '../../tsup.shared.js';

// The verifier's core uses no Node API; only the command-line entry (`cli`) reads files.
export default defineConfig(sharedOptions({ index: 'src/index.ts', cli: 'src/cli.ts' }));
