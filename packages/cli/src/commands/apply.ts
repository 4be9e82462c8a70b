/**
 * `mandate apply FILE…`: reads every decision file (one legal instrument each) and reports every
 * problem of every file — file, line, path and rule — before applying anything; then, file by
 * file, prints what each change records and applies the file all or nothing, in one append. A
 * file applied before records nothing. `--dry-run` decides every change and records nothing.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import type { DecisionOutcome } from '@mandate/decisions';
import { print, runAction, withStore } from '../command-context.js';
import { readDecisionFiles, runDecisions } from '../decision-files.js';
import { toJson } from '../output/json.js';
import { renderDecisionOutcome } from '../output/decision-outcome.js';

/** The options of `mandate apply`. */
interface ApplyOptions {
  readonly dryRun?: true;
  readonly json?: true;
  readonly actor: string;
}

/** The `--json` shape of `mandate apply`. */
export interface ApplyJson {
  readonly dryRun: boolean;
  readonly files: ReadonlyArray<DecisionOutcome>;
}

/** Registers `mandate apply`. */
export function registerApplyCommand(program: Command): void {
  program
    .command('apply')
    .description(
      'Apply decision files (YAML or JSON, one legal instrument each), each all or nothing, once.',
    )
    .argument('<file...>', 'decision files, applied in the order given')
    .option('--dry-run', 'decide every change and show what it would record; record nothing')
    .option('--actor <name>', 'who applies the files, for the audit trail', 'mandate-cli')
    .option('--json', 'print the outcome of every file as JSON')
    .action(
      runAction(async (files: ReadonlyArray<string>, options: ApplyOptions, command: Command) => {
        const decisions = readDecisionFiles(files);
        if (E.isLeft(decisions)) return decisions;
        const dryRun = options.dryRun === true;
        return withStore(command, dryRun ? 'existing' : 'create', async (opened) => {
          const outcomes = await runDecisions(
            opened.store,
            decisions.right,
            dryRun ? 'dry-run' : 'apply',
            options.actor,
            (outcome) => {
              if (options.json !== true) print(renderDecisionOutcome(outcome, dryRun));
            },
          );
          if (E.isLeft(outcomes)) return outcomes;
          if (options.json === true)
            print(toJson({ dryRun, files: outcomes.right } satisfies ApplyJson));
          return E.right(undefined);
        });
      }),
    );
}
