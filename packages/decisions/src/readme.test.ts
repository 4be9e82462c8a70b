/**
 * The README's example decision file is a file `readDecision` accepts, and its usage names the
 * package's exports.
 */
import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { readDecision } from './apply.js';
import * as Decisions from './index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the README', () => {
  it('shows a decision file that reads and compiles', () => {
    const [, yaml = ''] = /```yaml\n([\s\S]*?)\n```/.exec(readme) ?? [];
    const read = readDecision('README.md', yaml);
    expect(E.isRight(read) ? read.right.commands.length : read.left.message).toBe(2);
  });

  it('uses only functions the package exports', () => {
    for (const name of ['readDecision', 'planDecision', 'applyDecision'])
      expect(Object.keys(Decisions)).toContain(name);
  });
});
