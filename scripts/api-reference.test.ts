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

  it('has a page for every public entry point', () => {
    const pages = Object.keys(tree(committed));
    for (const page of [
      '@mandate/core/README.md',
      '@mandate/core/testing/README.md',
      '@mandate/application.md',
      '@mandate/eventstore/conformance.md',
      '@mandate/adapter-sqlite/read-model.md',
    ])
      expect(pages).toContain(page);
  });
});
