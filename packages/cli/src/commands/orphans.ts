/**
 * `mandate orphans`: the bodies active on `--on` whose authority did not exist then (dissolved or
 * split without a transfer), as known at `--known-at`, from `ReadModelQueries.orphanedBodies`.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import type { OrphanView } from '@mandate/projections';
import { answerQuery, runAction, withQueryOptions, type QueryOptions } from '../command-context.js';
import { renderTable } from '../output/table.js';
import { refusalOf } from '../query-refusal.js';

/** The `--json` shape of `mandate orphans`. */
export interface OrphansJson {
  readonly on: string;
  readonly knownAt: string | null;
  readonly orphans: ReadonlyArray<OrphanView>;
}

const renderOrphans = (orphans: ReadonlyArray<OrphanView>, on: string): string =>
  orphans.length === 0
    ? `Orphaned bodies on ${on}: none.`
    : `Orphaned bodies on ${on}:\n\n${renderTable({
        headings: ['body', 'authority', 'standing for it', 'ended on'],
        rows: orphans.map((orphan) => [
          orphan.bodyId,
          orphan.authority,
          orphan.standing,
          orphan.endedOn ?? 'never registered',
        ]),
      })}`;

/** Registers `mandate orphans`. */
export function registerOrphansCommand(program: Command): void {
  withQueryOptions(
    program
      .command('orphans')
      .summary('List the bodies left under an authority that no longer existed on a date.')
      .description(
        'List the bodies active on a date whose authority no longer existed then (dissolved or split, with no transfer).' +
          '\n\nWith --json: { on, knownAt, orphans: OrphanView[] }',
      ),
  ).action(
    runAction((options: Partial<QueryOptions>, command: Command) =>
      answerQuery(command, options, async ({ queries, on, knownAt }) => {
        const answer = await queries.orphanedBodies(on, knownAt);
        if (E.isLeft(answer)) return E.left(refusalOf(answer.left));
        const json: OrphansJson = { on, knownAt: knownAt ?? null, orphans: answer.right };
        return E.right({ json, text: () => renderOrphans(answer.right, on) });
      }),
    ),
  );
}
