/**
 * The published shape works for a user outside the workspace: every publishable package (each
 * `packages/*` not marked private, found afresh on every run) is built and packed with `pnpm pack`
 * (which rewrites `workspace:` ranges), publint and arethetypeswrong (node16 and bundler
 * resolution) find nothing wrong with the tarballs, and npm installs them into a temporary project where `consumer/consumer.ts` is
 * type-checked without `skipLibCheck` — under node16 resolution both as ESM and as CommonJS, and
 * under bundler resolution — then run as ESM and as CommonJS. The installed `mandate` binary runs
 * the demo on a SQLite file through the adapter's driver (the CLI depends on no driver), and
 * names the ESDB client to install when none is.
 *
 * The temporary project installs the registry's packages without their install scripts and reuses
 * the workspace's compiled better-sqlite3 (the same version is installed), so the test does not
 * compile the native addon again.
 */
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const workspace = createRequire(join(root, 'package.json'));

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly exports: Record<string, unknown>;
  readonly [field: string]: unknown;
}

const manifestOf = (directory: string): Manifest =>
  JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Manifest;

/** Every package under `packages/` that is published: those not marked private. */
const publishable = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name))
  .map((directory) => ({ directory, manifest: manifestOf(directory) }))
  .filter(({ manifest }) => manifest.private !== true);

/** The version of a package the workspace has installed, and its folder. */
function installed(name: string, from: string): { version: string; directory: string } {
  const manifest = createRequire(join(from, 'package.json')).resolve(`${name}/package.json`);
  return { version: manifestOf(dirname(manifest)).version, directory: dirname(manifest) };
}

const project = mkdtempSync(join(tmpdir(), 'mandate-consumer-'));
const tarballs = join(project, 'tarballs');
const tsc = workspace.resolve('typescript/bin/tsc');
// Removing the installed project takes a while on a loaded machine.
afterAll(() => rmSync(project, { recursive: true, force: true }), 120_000);

/** The tarball `pnpm pack` wrote for a package. */
const tarballOf = (manifest: Manifest): string =>
  join(tarballs, `${manifest.name.replace('@', '').replace('/', '-')}-${manifest.version}.tgz`);

/** What a failed command printed; nothing when it succeeded. */
const printedOnFailure = (outcome: PromiseSettledResult<unknown>): string =>
  outcome.status === 'rejected' ? String((outcome.reason as { stdout?: string }).stdout) : '';

const compilerOptions = {
  strict: true,
  target: 'ES2022',
  types: ['node'],
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
};

describe('the packed packages', () => {
  /** What tsc printed under node16 (which also emits the programs run below) and bundler. */
  let typeErrors: { node16: string; bundler: string };

  beforeAll(async () => {
    await run('pnpm', ['run', 'build'], { cwd: root });
    mkdirSync(tarballs);
    await Promise.all(
      publishable.map(({ directory }) =>
        run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: directory }),
      ),
    );
    const sqlite = installed('better-sqlite3', join(root, 'packages', 'adapter-sqlite'));
    const dependencies = [
      `better-sqlite3@${sqlite.version}`,
      `fp-ts@${installed('fp-ts', join(root, 'packages', 'core')).version}`,
      `@types/node@${installed('@types/node', root).version}`,
    ];
    writeJson(join(project, 'package.json'), { name: 'consumer', private: true });
    await run(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        ...publishable.map(({ manifest }) => tarballOf(manifest)),
        ...dependencies,
      ],
      { cwd: project },
    );
    const addon = join('build', 'Release', 'better_sqlite3.node');
    mkdirSync(join(project, 'node_modules', 'better-sqlite3', 'build', 'Release'), {
      recursive: true,
    });
    copyFileSync(
      join(sqlite.directory, addon),
      join(project, 'node_modules', 'better-sqlite3', addon),
    );

    const source = join(root, 'scripts', 'consumer', 'consumer.ts');
    mkdirSync(join(project, 'esm'));
    mkdirSync(join(project, 'cjs'));
    copyFileSync(source, join(project, 'esm', 'consumer.mts'));
    copyFileSync(source, join(project, 'cjs', 'consumer.cts'));
    writeJson(join(project, 'tsconfig.node16.json'), {
      compilerOptions: {
        ...compilerOptions,
        module: 'node16',
        moduleResolution: 'node16',
        outDir: 'out',
      },
      files: ['esm/consumer.mts', 'cjs/consumer.cts'],
    });
    writeJson(join(project, 'tsconfig.bundler.json'), {
      compilerOptions: {
        ...compilerOptions,
        module: 'esnext',
        moduleResolution: 'bundler',
        noEmit: true,
      },
      files: ['esm/consumer.mts'],
    });
    const [node16, bundler] = await Promise.allSettled([
      run(process.execPath, [tsc, '-p', 'tsconfig.node16.json'], { cwd: project }),
      run(process.execPath, [tsc, '-p', 'tsconfig.bundler.json'], { cwd: project }),
    ]);
    typeErrors = { node16: printedOnFailure(node16), bundler: printedOnFailure(bundler) };
  }, 600_000);

  it('include every package under packages/ that is not private', () => {
    expect(publishable.map(({ manifest }) => manifest.name)).toEqual(
      expect.arrayContaining(['@mandate/core', '@mandate/eventstore', '@mandate/projections']),
    );
  });

  it.each(publishable.map(({ manifest }) => [manifest.name, manifest] as const))(
    '%s is clean for publint and arethetypeswrong',
    async (_, manifest) => {
      const tarball = readFileSync(tarballOf(manifest));
      const linted = await publint({ pack: { tarball: new Uint8Array(tarball).buffer } });
      expect(linted.messages.map((message) => formatMessage(message, linted.pkg))).toEqual([]);
      const checked = await checkPackage(createPackageFromTarballData(new Uint8Array(tarball)));
      // Node 10's resolution cannot see subpaths (`@mandate/core/testing`); the packages need Node 20.
      const problems = 'problems' in checked ? checked.problems : ['no types'];
      expect(
        problems.filter(
          (problem) =>
            typeof problem === 'string' ||
            !('resolutionKind' in problem) ||
            problem.resolutionKind !== 'node10',
        ),
      ).toEqual([]);
    },
    120_000,
  );

  it('type-check a consumer under node16 (ESM and CommonJS) and bundler, without skipLibCheck', () => {
    expect(typeErrors).toEqual({ node16: '', bundler: '' });
  });

  it.each([
    ['ESM', join('out', 'esm', 'consumer.mjs')],
    ['CommonJS', join('out', 'cjs', 'consumer.cjs')],
  ])('run as %s', async (_, program) => {
    const { stdout } = await run(process.execPath, [program], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({
      status: 'active',
      establishedOn: '2018-12-04',
      inMemory: ['truong-ban'],
      onSqlite: ['truong-ban'],
      esdb: 'function',
      audit: 'function',
      exports: 'function',
      postgres: ['function', 'function'],
      decisions: 2,
      cliBodies: 0,
    });
  });

  describe('the mandate binary', () => {
    const mandate = join(project, 'node_modules', '.bin', 'mandate');
    const drivers = ['better-sqlite3', 'pg', '@eventstore/db-client', '@kurrent/kurrentdb-client'];

    it('depends on no database driver: each comes from its adapter', () => {
      const cli = manifestOf(join(project, 'node_modules', '@mandate', 'cli'));
      const needed = Object.keys({
        ...(cli['dependencies'] as Record<string, string>),
        ...(cli['peerDependencies'] as Record<string, string> | undefined),
      });
      expect(needed.filter((name) => drivers.includes(name))).toEqual([]);
      expect(needed).toEqual(
        expect.arrayContaining([
          '@mandate/adapter-sqlite',
          '@mandate/adapter-postgres',
          '@mandate/adapter-esdb',
        ]),
      );
      const sqlite = manifestOf(join(project, 'node_modules', '@mandate', 'adapter-sqlite'));
      expect(sqlite['dependencies']).toHaveProperty('better-sqlite3');
      const postgres = manifestOf(join(project, 'node_modules', '@mandate', 'adapter-postgres'));
      expect(postgres['dependencies']).toHaveProperty('pg');
    });

    it('tells the story, and applies its decisions to a SQLite file through the adapter', async () => {
      const { stdout: story } = await run(mandate, ['demo'], { cwd: project });
      expect(story).toContain('verify: the hash chain holds');
      const decisions = join(project, 'node_modules', '@mandate', 'cli', 'dist', 'decisions');
      const store = ['--store', `sqlite:${join(project, 'story.sqlite')}`];
      await run(
        mandate,
        [
          ...store,
          'apply',
          ...readdirSync(decisions)
            .sort()
            .map((file) => join(decisions, file)),
        ],
        { cwd: project },
      );
      const { stdout: bodies } = await run(mandate, [...store, 'bodies'], { cwd: project });
      expect(bodies).toContain('bcd-xay-dung-chinh-quyen-dien-tu');
    }, 120_000);

    it('names the ESDB client to install when an ESDB store is asked for without one', async () => {
      const failed = await run(mandate, ['--store', 'esdb://127.0.0.1:1?tls=false', 'bodies'], {
        cwd: project,
      }).then(
        () => '',
        (error: { readonly stderr: string }) => error.stderr,
      );
      expect(failed).toContain('@eventstore/db-client ~6.2.1, which is not installed');
    });
  });

  it('keep internals unreachable', () => {
    const consumer = createRequire(join(project, 'package.json'));
    expect(() => consumer.resolve('@mandate/core/internal/kernel')).toThrow();
  });
});

/** Writes `value` as a JSON file. */
function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
