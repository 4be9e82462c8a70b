/**
 * Every command of `mandate`, one registration per line in alphabetical order; each command lives
 * in its own module beside this one.
 */
import type { Command } from 'commander';
import { registerBodiesCommand } from './bodies.js';
import { registerExportCommand } from './export.js';

/** Registers one command on the program. */
export type CommandRegistration = (program: Command) => void;

/** Every command's registration, in the order `mandate --help` lists them. */
export const commandRegistrations: ReadonlyArray<CommandRegistration> = [
  registerBodiesCommand,
  registerExportCommand,
];
