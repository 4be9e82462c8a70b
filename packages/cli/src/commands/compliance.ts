/**
 * `mandate compliance BODY`: the reporting compliance of a body on `--on` as known at
 * `--known-at` — each obligation and each of its periods, filed, filed late, due or missing —
 * from `ReadModelQueries.compliance`.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import type { Body } from '@mandate/core';
import type { BodyView, ComplianceView } from '@mandate/projections';
import { bodyName } from '../output/names.js';
import { renderTable } from '../output/table.js';
import { registerBodyQuery } from './body-query.js';
import { refusalOf } from '../query-refusal.js';

/** The `--json` shape of `mandate compliance`. */
export interface ComplianceJson {
  readonly on: string;
  readonly knownAt: string | null;
  readonly body: BodyView;
  readonly obligations: ReadonlyArray<ComplianceView>;
}

const periodRow = (obligation: ComplianceView, period: Body.PeriodCompliance): string[] => [
  obligation.obligationId,
  period.period,
  period.dueOn,
  period.status,
  period.status === 'filed' || period.status === 'filed-late'
    ? `${period.filed.reportId} on ${period.filed.submittedOn}`
    : '',
];

/** A body's reporting compliance on a date: each obligation's terms, then a row per period. */
export const renderCompliance = (
  body: BodyView,
  obligations: ReadonlyArray<ComplianceView>,
  on: string,
): string => {
  const title = `Reporting compliance of ${bodyName(body)} (${body.bodyId}) on ${on}`;
  const rows = obligations.flatMap((obligation) =>
    obligation.periods.map((period) => periodRow(obligation, period)),
  );
  const terms = obligations.map(
    (o) =>
      `${o.obligationId}: ${o.kind}, ${o.cadence}, due ${o.dueDaysAfterPeriodEnd} days after each period, imposed ${o.imposedOn}${o.liftedOn === undefined ? '' : `, lifted ${o.liftedOn}`}`,
  );
  if (obligations.length === 0) return `${title}: no obligation.`;
  return [
    `${title}:`,
    ...terms,
    '',
    rows.length === 0
      ? 'No period has begun.'
      : renderTable({ headings: ['obligation', 'period', 'due', 'status', 'filed'], rows }),
  ].join('\n');
};

/** Registers `mandate compliance BODY`. */
export function registerComplianceCommand(program: Command): void {
  registerBodyQuery(program, {
    name: 'compliance',
    summary: "Show a body's reporting obligations and each period's status on a date.",
    jsonShape: '{ on, knownAt, body: BodyView, obligations: ComplianceView[] }',
    answer: async ({ queries, bodyId, body, on, knownAt }) => {
      const obligations = await queries.compliance(bodyId, on, knownAt);
      if (E.isLeft(obligations)) return E.left(refusalOf(obligations.left));
      const json: ComplianceJson = {
        on,
        knownAt: knownAt ?? null,
        body,
        obligations: obligations.right,
      };
      return E.right({ json, text: () => renderCompliance(body, obligations.right, on) });
    },
  });
}
