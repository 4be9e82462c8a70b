/**
 * `mandate duties BODY`: the duties of a body in force on `--on` as known at `--known-at`, each
 * with its category, its text and where it came from, from `ReadModelQueries.duties`.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import type { BodyId } from '@mandate/core';
import type { BodyView, DutyView } from '@mandate/projections';
import { argumentParser, decodeBodyId } from '../arguments.js';
import { answerQuery, runAction, withQueryOptions, type QueryOptions } from '../command-context.js';
import { bodyName } from '../output/names.js';
import { renderTable } from '../output/table.js';
import { refusalOf } from '../query-refusal.js';

/** The `--json` shape of `mandate duties`. */
export interface DutiesJson {
  readonly on: string;
  readonly knownAt: string | null;
  readonly body: BodyView;
  readonly duties: ReadonlyArray<DutyView>;
}

const renderDuties = (body: BodyView, duties: ReadonlyArray<DutyView>, on: string): string => {
  const title = `Duties of ${bodyName(body)} (${body.bodyId}) on ${on}`;
  return duties.length === 0
    ? `${title}: none.`
    : `${title}:\n\n${renderTable({
        headings: ['duty', 'category', 'from', 'text'],
        rows: duties.map((duty) => [
          duty.dutyId,
          duty.category,
          duty.provenance.kind === 'own'
            ? 'own decision'
            : `carried over from ${duty.provenance.fromBody}`,
          duty.text.vi,
        ]),
      })}`;
};

/** Registers `mandate duties BODY`. */
export function registerDutiesCommand(program: Command): void {
  withQueryOptions(
    program
      .command('duties')
      .summary('List the duties of a body in force on a date.')
      .description(
        'List the duties of a body in force on a date.' +
          '\n\nWith --json: { on, knownAt, body: BodyView, duties: DutyView[] }',
      )
      .argument('<body>', 'the body id', argumentParser(decodeBodyId('BODY'))),
  ).action(
    runAction((bodyId: BodyId, options: Partial<QueryOptions>, command: Command) =>
      answerQuery(command, options, async ({ queries, on, knownAt }) => {
        const body = await queries.body(bodyId, on, knownAt);
        if (E.isLeft(body)) return E.left(refusalOf(body.left));
        const duties = await queries.duties(bodyId, on, knownAt);
        if (E.isLeft(duties)) return E.left(refusalOf(duties.left));
        const json: DutiesJson = {
          on,
          knownAt: knownAt ?? null,
          body: body.right,
          duties: duties.right,
        };
        return E.right({ json, text: () => renderDuties(body.right, duties.right, on) });
      }),
    ),
  );
}
