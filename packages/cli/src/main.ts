#!/usr/bin/env node
/**
 * The `mandate` binary: runs the program on the command line and exits with its code. A defect
 * (not a user error) is reported with its stack, exit code 1.
 */
import { runMandate } from './program.js';

try {
  process.exitCode = await runMandate(process.argv);
} catch (error) {
  process.stderr.write(
    `mandate: unexpected failure, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
