/**
 * The `mandate` program: its global options, every command (registered in `commands/index.ts`),
 * and the mapping of commander's own refusals (unknown command, missing argument, a value that
 * does not decode) to exit code 2, help and version to 0.
 */
import { Command } from 'commander';
import { commandRegistrations } from './commands/index.js';
import { storeOption } from './command-context.js';
import { USAGE_EXIT_CODE } from './failure.js';

/** The version the program reports with `--version`. */
export const VERSION = '0.1.0';

/** Builds the `mandate` program with every command registered. */
export function createProgram(): Command {
  const program = new Command('mandate')
    .description(
      'Ask a Mandate store who sat on which body, with which duties, under which decision, on any date as known at any instant; verify and replay its log.',
    )
    .version(VERSION)
    .addOption(storeOption())
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  for (const register of commandRegistrations) {
    register(program);
  }
  for (const command of program.commands) {
    command.exitOverride();
  }
  return program;
}

/** The exit code commander meant for what it threw (recognised by its `commander.` code). */
function commanderExitCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, exitCode } = error as { readonly code?: unknown; readonly exitCode?: unknown };
  return typeof code === 'string' && code.startsWith('commander.') && typeof exitCode === 'number'
    ? exitCode
    : undefined;
}

/** Runs `mandate` on `argv` (as `process.argv`); resolves to the exit code. */
export async function runMandate(argv: ReadonlyArray<string>): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    const exitCode = commanderExitCode(error);
    if (exitCode === undefined) throw error;
    return exitCode === 0 ? 0 : USAGE_EXIT_CODE;
  }
}
