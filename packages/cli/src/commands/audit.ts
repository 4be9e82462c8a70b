/**
 * `mandate audit`: the audit trail of one instrument (`--instrument`, every change it caused and
 * effective by `--on`, from `ReadModelQueries.changesByInstrument`) or of a span of valid dates
 * (`--from`/`--to`, every change that took effect on or after `--from` and before `--to`, from
 * `ReadModelQueries.changesBetween`), as known at `--known-at`: each change with its place in the
 * log, when it was recorded, its stream and the document behind it.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import type { CalendarDate } from '@mandate/core';
import type { ChangeView } from '@mandate/projections';
import { argumentParser, decodeCitation, decodeDate } from '../arguments.js';
import {
  answerQuery,
  runAction,
  withQueryOptions,
  type QueryAnswer,
  type QueryContext,
  type QueryOptions,
} from '../command-context.js';
import { usageError, type CliFailure } from '../failure.js';
import { sourceText } from '../output/changes.js';
import { renderTable } from '../output/table.js';
import { refusalOf } from '../query-refusal.js';
import {
  citationKey,
  citationParts,
  withCitationOptions,
  type CitationOptions,
} from './instrument.js';

/** The `--json` shape of `mandate audit`. */
export interface AuditJson {
  readonly knownAt: string | null;
  /** What was audited: one instrument (by canonical key, effective by `on`), or a span of dates. */
  readonly scope:
    | { readonly instrument: string; readonly on: string }
    | { readonly from: string; readonly to: string };
  readonly changes: ReadonlyArray<ChangeView>;
}

interface AuditOptions extends Partial<QueryOptions>, CitationOptions {
  readonly instrument?: string;
  readonly from?: CalendarDate;
  readonly to?: CalendarDate;
}

const renderAudit = (heading: string, changes: ReadonlyArray<ChangeView>): string =>
  changes.length === 0
    ? `${heading}: no change.`
    : `${heading}: ${changes.length} changes\n\n${renderTable({
        headings: ['position', 'recorded', 'stream', 'change', 'effective', 'source'],
        rows: changes.map((change) => [
          change.position.toString(),
          change.recordedAt,
          change.stream,
          change.type,
          change.effectiveOn,
          sourceText(change.source),
        ]),
      })}`;

async function auditSpan(
  { queries, knownAt }: QueryContext,
  from: CalendarDate,
  to: CalendarDate,
): Promise<E.Either<CliFailure, QueryAnswer>> {
  const changes = await queries.changesBetween(from, to, knownAt);
  if (E.isLeft(changes)) return E.left(refusalOf(changes.left));
  const json: AuditJson = { knownAt: knownAt ?? null, scope: { from, to }, changes: changes.right };
  return E.right({
    json,
    text: () => renderAudit(`Changes effective from ${from} until ${to}`, changes.right),
  });
}

/** Registers `mandate audit`. */
export function registerAuditCommand(program: Command): void {
  const command = withCitationOptions(
    withQueryOptions(
      program
        .command('audit')
        .summary(
          'List the audit trail of an instrument, or of the changes effective between two dates.',
        )
        .description(
          'List the audit trail of an instrument, or of the changes effective between two dates.' +
            '\n\nWith --json: { knownAt, scope: { instrument, on } or { from, to }, changes: ChangeView[] }',
        )
        .option(
          '--instrument <citation>',
          'the printed number (with --issuer and --year) or NUMBER|ISSUER|YEAR',
        )
        .option(
          '--from <date>',
          'the first valid date, YYYY-MM-DD',
          argumentParser(decodeDate('--from')),
        )
        .option(
          '--to <date>',
          'the valid date after the last, YYYY-MM-DD',
          argumentParser(decodeDate('--to')),
        ),
    ),
  );
  command.action(
    runAction((options: AuditOptions, self: Command) => {
      const { instrument, from, to } = options;
      if (instrument !== undefined && from === undefined && to === undefined) {
        const decoded = decodeCitation(citationParts(instrument, options), '--instrument');
        if (E.isLeft(decoded)) return Promise.resolve(decoded);
        return answerQuery(self, options, async ({ queries, on, knownAt }) => {
          const changes = await queries.changesByInstrument(decoded.right, knownAt);
          if (E.isLeft(changes)) return E.left(refusalOf(changes.left));
          const key = citationKey(decoded.right);
          const effective = changes.right.filter((change) => change.effectiveOn <= on);
          const json: AuditJson = {
            knownAt: knownAt ?? null,
            scope: { instrument: key, on },
            changes: effective,
          };
          return E.right({ json, text: () => renderAudit(`Changes under ${key}`, effective) });
        });
      }
      if (
        instrument === undefined &&
        from !== undefined &&
        to !== undefined &&
        options.on === undefined
      ) {
        return answerQuery(self, options, (context) => auditSpan(context, from, to));
      }
      return Promise.resolve(
        E.left(
          usageError(
            'audit takes either --instrument CITATION (with --on), or both --from DATE and --to DATE',
          ),
        ),
      );
    }),
  );
}
