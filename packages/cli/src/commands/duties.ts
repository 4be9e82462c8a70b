/**
 * `mandate duties BODY`: the duties of a body in force on `--on` as known at `--known-at`, each
 * with its category, its text and where it came from, from `ReadModelQueries.duties`.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import type { BodyView, DutyView } from '@mandate/projections';
import { bodyName } from '../output/names.js';
import { renderTable } from '../output/table.js';
import { registerBodyQuery } from './body-query.js';
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
  registerBodyQuery(program, {
    name: 'duties',
    summary: 'List the duties of a body in force on a date.',
    jsonShape: '{ on, knownAt, body: BodyView, duties: DutyView[] }',
    answer: async ({ queries, bodyId, body, on, knownAt }) => {
      const duties = await queries.duties(bodyId, on, knownAt);
      if (E.isLeft(duties)) return E.left(refusalOf(duties.left));
      const json: DutiesJson = { on, knownAt: knownAt ?? null, body, duties: duties.right };
      return E.right({ json, text: () => renderDuties(body, duties.right, on) });
    },
  });
}
