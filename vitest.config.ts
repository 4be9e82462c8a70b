/**
 * One vitest run for the whole workspace, split into tiers by file suffix:
 * `*.test.ts` unit, `*.prop.test.ts` property, `*.int.test.ts` integration, `*.type.test.ts` types.
 * Workspace packages resolve to their TypeScript sources through the `@mandate/source` condition.
 */
import { defineConfig } from 'vitest/config';

const sourceCondition = { conditions: ['@mandate/source', 'import', 'module', 'node', 'default'] };
const everywhere = ['packages/*/{src,test}/**', 'examples/*/{src,test}/**', 'scripts/**'];
const under = (suffix: string) => everywhere.map((glob) => `${glob}/*${suffix}`);
/** The packed-tarball consumer test. */
const PACKAGING = 'scripts/packaging.int.test.ts';

/**
 * Emmett's SQLite store (the bench's baseline, run in-process by `packages/bench`'s suite test)
 * opens a connection per operation and sends `PRAGMA journal_mode = WAL` without a callback; on a
 * loaded machine its driver may run the transaction's `BEGIN` first, and the failed pragma is
 * thrown outside any test. Nothing of ours sets the journal mode inside a transaction.
 */
const isEmmettJournalModeRace = (error: {
  readonly message?: string;
  readonly code?: unknown;
}): boolean =>
  error.code === 'SQLITE_ERROR' &&
  error.message === 'SQLITE_ERROR: cannot change into wal mode from within a transaction';

export default defineConfig({
  resolve: sourceCondition,
  ssr: {
    // Vitest also hands these to Node as `--conditions`, where `import` would make a CommonJS
    // `require` load a package's ESM entry (pg requiring pg-pool then fails); Vite and Node add
    // `import`/`require` by themselves.
    resolve: { conditions: ['@mandate/source', 'node'], externalConditions: ['@mandate/source'] },
  },
  test: {
    onUnhandledError: (error) => !isEmmettJournalModeRace(error),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          testTimeout: 30_000,
          include: under('.test.ts'),
          exclude: [...under('.prop.test.ts'), ...under('.int.test.ts'), ...under('.type.test.ts')],
        },
      },
      {
        extends: true,
        // Generated histories take longer on a loaded machine; a timeout is no place for a speed target.
        test: { name: 'property', include: under('.prop.test.ts'), testTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: under('.int.test.ts'),
          exclude: [PACKAGING],
          testTimeout: 60_000,
          // The CLI tests spawn the built `mandate` binary: one esbuild run before the tier starts.
          globalSetup: ['packages/cli/test/build-binary.global.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'packaging',
          include: [PACKAGING],
          testTimeout: 60_000,
          // Runs alone, after every other tier: it rebuilds each package's `dist`, which the CLI
          // tests' binary imports while they run.
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: { name: 'types', include: under('.type.test.ts'), typecheck: { enabled: false } },
      },
    ],
  },
});
