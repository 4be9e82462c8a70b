import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'conformance/index': 'src/conformance/index.ts' },
  format: ['esm', 'cjs'],
  // The base tsconfig has `types: []`; this package uses node:crypto and node:buffer.
  dts: { compilerOptions: { types: ['node'] } },
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: '../../tsconfig.base.json',
});
