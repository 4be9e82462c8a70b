import { defineConfig } from 'tsup';
import { sharedOptions } from '../../tsup.shared.js';

export default defineConfig(sharedOptions({ index: 'src/index.ts' }));
