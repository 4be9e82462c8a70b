/**
 * Every command of `mandate`, one registration per line in alphabetical order; each command lives
 * in its own module beside this one.
 */
import type { Command } from 'commander';
import { registerApplyCommand } from './apply.js';
import { registerAuditCommand } from './audit.js';
import { registerBodiesCommand } from './bodies.js';
import { registerComplianceCommand } from './compliance.js';
import { registerDemoCommand } from './demo.js';
import { registerDutiesCommand } from './duties.js';
import { registerExportCommand } from './export.js';
import { registerHistoryCommand } from './history.js';
import { registerInstrumentCommand } from './instrument.js';
import { registerLineageCommand } from './lineage.js';
import { registerReplayCommand } from './replay.js';
import { registerRosterCommand } from './roster.js';
import { registerSearchCommand } from './search.js';
import { registerVerifyCommand } from './verify.js';

/** Registers one command on the program. */
export type CommandRegistration = (program: Command) => void;

/** Every command's registration, in the order `mandate --help` lists them. */
export const commandRegistrations: ReadonlyArray<CommandRegistration> = [
  registerApplyCommand,
  registerAuditCommand,
  registerBodiesCommand,
  registerComplianceCommand,
  registerDemoCommand,
  registerDutiesCommand,
  registerExportCommand,
  registerHistoryCommand,
  registerInstrumentCommand,
  registerLineageCommand,
  registerReplayCommand,
  registerRosterCommand,
  registerSearchCommand,
  registerVerifyCommand,
];
