/**
 * The published shape works: every package builds with tsup, and what it builds loads in Node
 * both as ESM and as CommonJS, through the package's own `exports` map (no source condition).
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = ['core', 'eventstore', 'adapter-sqlite', 'application'];

/** Loads an entry point in a fresh Node process, the way a consumer would, and lists its exports. */
function exportsOf(specifier: string, kind: 'esm' | 'cjs'): string[] {
  const script =
    kind === 'esm'
      ? `import(${JSON.stringify(specifier)}).then((m) => console.log(JSON.stringify(Object.keys(m))))`
      : `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)}))))`;
  const output = execFileSync(process.execPath, ['-e', script], {
    cwd: `${root}examples/binh-phuoc-2018`,
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[];
}

describe('the built packages', () => {
  beforeAll(() => {
    execFileSync(
      'pnpm',
      ['-r', ...packages.flatMap((name) => ['--filter', `./packages/${name}`]), 'run', 'build'],
      { cwd: root, stdio: 'pipe' },
    );
  }, 300_000);

  it.each([
    ['@mandate/core', ['Body', 'Reorganisation', 'Office', 'Authority', 'Person', 'CalendarDate']],
    ['@mandate/core/testing', ['DeciderSpecification', 'arbitraryOf', 'Seed']],
    ['@mandate/application', ['createCommandHandler']],
    ['@mandate/adapter-sqlite', ['createSqliteEventStore']],
    ['@mandate/eventstore', ['createInMemoryEventStore', 'verifyLog']],
  ])('%s loads as ESM and CommonJS with the same exports', (specifier, expected) => {
    const esm = exportsOf(specifier, 'esm');
    const cjs = exportsOf(specifier, 'cjs');
    expect(esm).toEqual(expect.arrayContaining(expected));
    expect(new Set(cjs)).toEqual(new Set(esm.filter((name) => name !== 'default')));
  });

  it('keeps internals unreachable', () => {
    const require = createRequire(`${root}examples/binh-phuoc-2018/package.json`);
    expect(() => require.resolve('@mandate/core/internal/kernel')).toThrow();
  });
});
