/**
 * `mandate jurisdiction BODY`: who had jurisdiction over a body on `--on` as known at
 * `--known-at` — the authority it answered to (its establisher, or the one it was transferred
 * to), the one standing for it after mergers, whether that one still existed, and every authority
 * above it — from `ReadModelQueries.jurisdiction`.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import type { JurisdictionView } from '@mandate/projections';
import { refusalOf } from '../query-refusal.js';
import { registerBodyQuery } from './body-query.js';

/** The `--json` shape of `mandate jurisdiction`. */
export interface JurisdictionJson {
  readonly on: string;
  readonly knownAt: string | null;
  readonly jurisdiction: JurisdictionView;
}

const renderJurisdiction = (view: JurisdictionView, on: string): string => {
  const standing =
    view.standing === view.authority ? view.authority : `${view.authority}, now ${view.standing}`;
  const lines = [
    `Jurisdiction over ${view.bodyId} on ${on}: ${standing}` +
      (view.orphaned ? ' (which did not exist then: the body is orphaned)' : ''),
    `Above it: ${view.above.length === 0 ? 'none' : view.above.join(', ')}`,
  ];
  return lines.join('\n');
};

/** Registers `mandate jurisdiction BODY`. */
export function registerJurisdictionCommand(program: Command): void {
  registerBodyQuery(program, {
    name: 'jurisdiction',
    summary: 'Show which authority had jurisdiction over a body on a date.',
    description:
      'Show which authority had jurisdiction over a body on a date, and every authority above it.',
    jsonShape: '{ on, knownAt, jurisdiction: JurisdictionView }',
    answer: async ({ queries, bodyId, on, knownAt }) => {
      const answer = await queries.jurisdiction(bodyId, on, knownAt);
      if (E.isLeft(answer)) return E.left(refusalOf(answer.left));
      const json: JurisdictionJson = { on, knownAt: knownAt ?? null, jurisdiction: answer.right };
      return E.right({ json, text: () => renderJurisdiction(answer.right, on) });
    },
  });
}
