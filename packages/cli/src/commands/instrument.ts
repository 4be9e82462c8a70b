/**
 * `mandate instrument CITATION`: a legal instrument as recorded — type, number, issuer, signer,
 * signing date, title and where to read it — with its relations both ways (what it amends,
 * replaces, repeals or annuls, and which later instruments did so to it), from
 * `ReadModelQueries.instrument`; and what it changed — how many changes of each kind, to which
 * bodies, offices, persons and authorities, and each change — as known at `--known-at`, among
 * those effective on or before `--on`, from `ReadModelQueries.changesByInstrument`; and the
 * annulments ab initio it took part in as known then (rule 14): by which instrument it was
 * annulled, effective and recorded when (its changes marked withdrawn), and what it annulled, with
 * the changes each annulment withdrew. The citation is the printed number with `--issuer` and
 * `--year`, or the canonical key `NUMBER|ISSUER|YEAR`; one not recorded then (a wrong year
 * included) is refused.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import { instrumentKey } from '@mandate/core';
import type {
  ChangeView,
  InstrumentCitation,
  InstrumentRelationView,
  InstrumentView,
} from '@mandate/projections';
import { annulmentsOf, type InstrumentAnnulments } from '../annulments.js';
import { decodeCitation, type CitationParts } from '../arguments.js';
import { answerQuery, runAction, withQueryOptions, type QueryOptions } from '../command-context.js';
import { annulmentParagraphs } from '../output/annulments.js';
import { renderChanges } from '../output/changes.js';
import { renderTable } from '../output/table.js';
import { refusalOf } from '../query-refusal.js';

/** How many changes of one kind an instrument made to one kind of subject. */
export interface ChangeCount {
  readonly aggregate: ChangeView['aggregate'];
  readonly type: string;
  readonly count: number;
}

/** The `--json` shape of `mandate instrument`. */
export interface InstrumentJson {
  readonly on: string;
  readonly knownAt: string | null;
  /** The canonical key the instrument was looked up by, `NUMBER|ISSUER|YEAR`. */
  readonly instrument: string;
  /** The instrument as recorded, with its relations both ways. */
  readonly record: InstrumentView;
  /** The annulments ab initio it took part in, as known at `knownAt`. */
  readonly annulments: InstrumentAnnulments;
  readonly counts: ReadonlyArray<ChangeCount>;
  /** Its changes effective by `on`, each marked `withdrawn` once its annulment is known. */
  readonly changes: ReadonlyArray<ChangeView>;
}

/** Counts changes by subject kind and event type, in the order each first appears. */
export function countChanges(changes: ReadonlyArray<ChangeView>): ReadonlyArray<ChangeCount> {
  const counts = new Map<string, ChangeCount>();
  for (const { aggregate, type } of changes) {
    const key = `${aggregate}:${type}`;
    counts.set(key, { aggregate, type, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  return [...counts.values()];
}

/** One relation as a table row: how, which instrument (its printed number), signed when, title. */
const relationRow = (direction: string, { kind, instrument }: InstrumentRelationView) => [
  direction,
  kind,
  instrument.instrument.number,
  instrument.instrument.signedOn,
  instrument.instrument.title?.vi ?? '',
];

/** Where the instrument's text can be read, as one line. */
const referenceLine = (record: InstrumentView): string[] =>
  record.reference === undefined
    ? []
    : [
        `Text: ${record.reference.kind === 'url' ? record.reference.url : record.reference.archive}`,
      ];

const renderRecord = (record: InstrumentView): string => {
  const { instrument } = record;
  const signer = `${instrument.signer.name}${instrument.signer.title === undefined ? '' : ` (${instrument.signer.title})`}`;
  const relations = [
    ...record.relations.map((relation) => relationRow('this', relation)),
    ...record.relatedBy.map((relation) => relationRow('by', relation)),
  ];
  return [
    `${instrument.number} (${instrument.type})${instrument.title === undefined ? '' : `: ${instrument.title.vi}`}`,
    `Key: ${record.key}`,
    `Issued by ${instrument.issuer}, signed by ${signer} on ${instrument.signedOn}`,
    ...referenceLine(record),
    '',
    relations.length === 0
      ? 'No relation to another instrument is recorded.'
      : renderTable({
          headings: ['who', 'relation', 'instrument', 'signed', 'title'],
          rows: relations,
        }),
  ].join('\n');
};

const renderInstrument = (answer: InstrumentJson): string =>
  [
    renderRecord(answer.record),
    '',
    ...annulmentParagraphs(answer.annulments).flatMap((paragraph) => [paragraph, '']),
    ...(answer.changes.length === 0
      ? [`No change it made is effective by ${answer.on}.`]
      : [
          `${answer.changes.length} changes, effective by ${answer.on}:`,
          '',
          renderTable({
            headings: ['of', 'change', 'count'],
            rows: answer.counts.map(({ aggregate, type, count }) => [
              aggregate,
              type,
              String(count),
            ]),
          }),
          '',
          renderChanges(answer.changes),
        ]),
  ].join('\n');

/** The `--issuer` and `--year` options of a command naming an instrument by its printed number. */
export interface CitationOptions {
  readonly issuer?: string;
  readonly year?: string;
}

/** Adds `--issuer` and `--year` to a command that takes a citation. */
export const withCitationOptions = (command: Command): Command =>
  command
    .option('--issuer <authority>', "the issuing authority's id, with a printed number")
    .option('--year <yyyy>', 'the signing year, with a printed number');

/** The citation parts of `citation` and the options that complete it. */
export const citationParts = (citation: string, options: CitationOptions): CitationParts => ({
  citation,
  ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
  ...(options.year === undefined ? {} : { year: options.year }),
});

/** The canonical key of a decoded citation, as the answers print it. */
export const citationKey = (citation: InstrumentCitation): string => instrumentKey(citation);

/** Registers `mandate instrument CITATION`. */
export function registerInstrumentCommand(program: Command): void {
  withCitationOptions(
    withQueryOptions(
      program
        .command('instrument')
        .summary(
          'Show a legal instrument, its relations both ways, what it changed, and its annulments.',
        )
        .description(
          'Show a legal instrument as recorded, what it amends, replaces, repeals or annuls and which later\n' +
            'instruments did so to it, what it changed, and the annulments ab initio it took part in: by which\n' +
            'instrument it was annulled, effective and recorded when (its changes marked withdrawn), and what it\n' +
            'annulled, with the changes each annulment withdrew.' +
            '\n\nWith --json: { on, knownAt, instrument: "NUMBER|ISSUER|YEAR", record: InstrumentView,\n' +
            '  annulments: { annulment: { annulled, by, effectiveOn, recordedAt } | null,\n' +
            '  annulled: { annulled, by, effectiveOn, recordedAt, withdrawn: ChangeView[] }[] },\n' +
            '  counts: { aggregate, type, count }[], changes: ChangeView[] }',
        )
        .argument(
          '<citation>',
          'the printed number (with --issuer and --year) or NUMBER|ISSUER|YEAR',
        ),
    ),
  ).action(
    runAction(
      (citation: string, options: Partial<QueryOptions> & CitationOptions, command: Command) => {
        const decoded = decodeCitation(citationParts(citation, options), 'CITATION');
        if (E.isLeft(decoded)) return Promise.resolve(decoded);
        return answerQuery(command, options, async (context) => {
          const { queries, on, knownAt } = context;
          const [record, changes] = await Promise.all([
            queries.instrument(decoded.right, knownAt),
            queries.changesByInstrument(decoded.right, knownAt),
          ]);
          if (E.isLeft(record)) return E.left(refusalOf(record.left));
          if (E.isLeft(changes)) return E.left(refusalOf(changes.left));
          const annulments = await annulmentsOf(context, record.right);
          if (E.isLeft(annulments)) return annulments;
          const effective = changes.right.filter((change) => change.effectiveOn <= on);
          const json: InstrumentJson = {
            on,
            knownAt: knownAt ?? null,
            instrument: citationKey(decoded.right),
            record: record.right,
            annulments: annulments.right,
            counts: countChanges(effective),
            changes: effective,
          };
          return E.right({ json, text: () => renderInstrument(json) });
        });
      },
    ),
  );
}
