/**
 * The API reference in docs/reference/api is current: TypeDoc, run again into a scratch folder,
 * writes exactly the committed files. Run `pnpm docs:api` after changing an export or its TSDoc.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const committed = join(root, 'docs/reference/api');
const scratch = mkdtempSync(join(tmpdir(), 'mandate-api-'));

/** Every file under `dir`, by its path relative to `dir`, with its text. */
function tree(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(dir.length + 1), readFileSync(path, 'utf8')];
      }),
  );
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the API reference', () => {
  it('is current: run `pnpm docs:api` after changing an export or its TSDoc', () => {
    execFileSync(
      join(root, 'node_modules/.bin/typedoc'),
      ['--out', scratch, '--logLevel', 'Warn'],
      {
        cwd: root,
      },
    );
    expect(tree(committed)).toEqual(tree(scratch));
  }, 120_000);

  it('documents every entry point a published package exports', () => {
    const entryPoints = (
      JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as { entryPoints: string[] }
    ).entryPoints;
    const published = readdirSync(join(root, 'packages')).flatMap((folder) => {
      const manifest = JSON.parse(
        readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8'),
      ) as { private?: boolean; exports?: Record<string, { '@mandate/source'?: string } | null> };
      if (manifest.private === true) return [];
      return Object.values(manifest.exports ?? {}).flatMap((target) => {
        const source = target?.['@mandate/source'];
        return source === undefined ? [] : [join('packages', folder, source)];
      });
    });
    expect(entryPoints.map((path) => join(path)).sort()).toEqual(published.sort());
  });
});
