/**
 * `mandate verify`: walks the whole store with its own `verify` — the hash chain of every stream,
 * positions, stream heads, recorded command ids, and with `--checkpoint FILE --public-key KEY`
 * the Merkle root of a signed checkpoint kept outside the store. A broken link fails (exit 1)
 * naming the event or row; a checkpoint that does not open fails the same way. On a terminal, a
 * bar shows how much of the log is checked.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import { openCheckpoint, type Checkpoint, type VerifyReport } from '@mandate/eventstore';
import { print, runAction, withStore } from '../command-context.js';
import { checkFailed, invalidArgument, usageError, type CliFailure } from '../failure.js';
import { toJson } from '../output/json.js';
import { progressFromReports } from '../output/progress.js';

/** The `--json` shape of `mandate verify`: the store's report, and the checkpoint checked. */
export type VerifyJson = VerifyReport & {
  readonly checkpoint: { readonly origin: string; readonly size: bigint } | null;
};

interface VerifyOptions {
  readonly checkpoint?: string;
  readonly publicKey?: string;
  readonly json?: true;
}

/** Reads and opens the checkpoint note with the verifier key, when one is given. */
function checkpointOf(options: VerifyOptions): E.Either<CliFailure, Checkpoint | undefined> {
  const { checkpoint: file, publicKey } = options;
  if (file === undefined && publicKey === undefined) return E.right(undefined);
  if (file === undefined || publicKey === undefined) {
    return E.left(usageError('--checkpoint and --public-key go together'));
  }
  let note: string;
  try {
    note = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return E.left(invalidArgument('--checkpoint', file, `it cannot be read (${reason})`));
  }
  return E.mapLeft((invalid: { readonly message: string }) => checkFailed(invalid.message))(
    openCheckpoint(note, publicKey),
  );
}

const describeReport = (report: VerifyReport, checkpoint: Checkpoint | undefined): string =>
  report.ok
    ? `Verified: ${report.events} events in ${report.streams} streams, every hash chain intact${checkpoint === undefined ? '' : `, and the first ${checkpoint.size} events match the signed checkpoint of ${checkpoint.origin}`}.`
    : `BROKEN: ${report.problem.message}`;

/** Registers `mandate verify`. */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .summary("Check the store's tamper-evident history, optionally against a signed checkpoint.")
    .description(
      "Check the store's tamper-evident history, optionally against a signed checkpoint." +
        '\n\nWith --json: { ok: true, streams, events, checkpoint } or { ok: false, problem: { _tag, message, … },\n  checkpoint }, checkpoint being { origin, size } or null',
    )
    .option('--checkpoint <file>', 'a signed checkpoint note kept outside the store')
    .option('--public-key <key>', "the checkpoint signer's verifier key (name+id+key)")
    .option('--json', 'print the report as JSON')
    .action(
      runAction((options: VerifyOptions, command: Command) => {
        const checkpoint = checkpointOf(options);
        if (E.isLeft(checkpoint)) return Promise.resolve(checkpoint);
        return withStore(command, 'existing', async ({ store }) => {
          const progress = progressFromReports('Verifying');
          const verified = await store
            .verify({
              ...(checkpoint.right === undefined ? {} : { checkpoint: checkpoint.right }),
              onProgress: progress.report,
            })
            .finally(progress.stop);
          if (E.isLeft(verified)) return E.left(checkFailed(verified.left.message));
          const report = verified.right;
          const json: VerifyJson = {
            ...report,
            checkpoint:
              checkpoint.right === undefined
                ? null
                : { origin: checkpoint.right.origin, size: checkpoint.right.size },
          };
          print(options.json === true ? toJson(json) : describeReport(report, checkpoint.right));
          return report.ok
            ? E.right(undefined)
            : E.left(checkFailed(`verify failed: ${report.problem.message}`));
        });
      }),
    );
}
