import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../packages/cli/src/program.js';
import { CLI_REFERENCE_PATH, cliReference } from './cli-reference.js';

describe('the CLI reference', () => {
  it('is current: run `pnpm docs:cli` after changing a command or an option', async () => {
    expect(readFileSync(CLI_REFERENCE_PATH, 'utf8')).toBe(await cliReference());
  });

  it('documents every command of the program with its usage', async () => {
    const reference = await cliReference();
    const names = createProgram()
      .commands.map((command) => command.name())
      .filter((name) => name !== 'help');
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(reference).toContain(`## mandate ${name}\n`);
      expect(reference).toContain(`Usage: mandate ${name} `);
    }
  });
});
