/**
 * `mandate audit`: the audit trail of one instrument (`--instrument`, every change it caused and
 * effective by `--on`, from `ReadModelQueries.changesByInstrument`) or of a span of valid dates
 * (`--from`/`--to`, every change that took effect on or after `--from` and before `--to`, from
 * `ReadModelQueries.changesBetween`), as known at `--known-at`: each change with its place in the
 * log, when it was recorded, its stream and the document behind it. An instrument's trail also
 * tells the annulments ab initio it took part in, as known then (rule 14): by which instrument it
 * was annulled, effective and recorded when (its changes marked withdrawn; before the annulment
 * was recorded, they are shown as they were), and what it annulled, with the changes withdrawn.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import type { CalendarDate } from '@mandate/core';
import type { ChangeView, InstrumentCitation } from '@mandate/projections';
import { argumentParser, decodeCitation, decodeDate } from '../arguments.js';
import {
  answerQuery,
  runAction,
  withQueryOptions,
  type QueryAnswer,
  type QueryContext,
  type QueryOptions,
} from '../command-context.js';
import { annulmentsOf, type InstrumentAnnulments } from '../annulments.js';
import { usageError, type CliFailure } from '../failure.js';
import { annulmentParagraphs } from '../output/annulments.js';
import { changeText, sourceText } from '../output/changes.js';
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
  /** With `--instrument`: the annulments ab initio it took part in, as known at `knownAt`. */
  readonly annulments?: InstrumentAnnulments;
  /** The changes, each of an annulled instrument marked `withdrawn` once its annulment is known. */
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
          changeText(change),
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

async function auditInstrument(
  context: QueryContext,
  instrument: InstrumentCitation,
): Promise<E.Either<CliFailure, QueryAnswer>> {
  const { queries, on, knownAt } = context;
  const [record, changes] = await Promise.all([
    queries.instrument(instrument, knownAt),
    queries.changesByInstrument(instrument, knownAt),
  ]);
  if (E.isLeft(record)) return E.left(refusalOf(record.left));
  if (E.isLeft(changes)) return E.left(refusalOf(changes.left));
  const annulments = await annulmentsOf(context, record.right);
  if (E.isLeft(annulments)) return annulments;
  const key = citationKey(instrument);
  const effective = changes.right.filter((change) => change.effectiveOn <= on);
  const json: AuditJson = {
    knownAt: knownAt ?? null,
    scope: { instrument: key, on },
    annulments: annulments.right,
    changes: effective,
  };
  return E.right({
    json,
    text: () =>
      [
        ...annulmentParagraphs(annulments.right),
        renderAudit(`Changes under ${key}`, effective),
      ].join('\n\n'),
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
            "\n\nAn instrument's trail also tells the annulments ab initio it took part in: by which instrument it\n" +
            'was annulled, effective and recorded when (its changes marked withdrawn), and what it annulled,\n' +
            'with the changes withdrawn.' +
            '\n\nWith --json: { knownAt, scope: { instrument, on } or { from, to }, annulments (with\n' +
            '  --instrument, as `mandate instrument` gives them), changes: ChangeView[] }',
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
        return answerQuery(self, options, (context) => auditInstrument(context, decoded.right));
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
