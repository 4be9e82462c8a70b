/**
 * `mandate instrument CITATION`: what a legal instrument changed — how many changes of each kind,
 * to which bodies and offices, and each change — as known at `--known-at`, among those effective
 * on or before `--on`, from `ReadModelQueries.changesByInstrument`. The citation is the printed
 * number with `--issuer` and `--year`, or the canonical key `NUMBER|ISSUER|YEAR`.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import { instrumentKey } from '@mandate/core';
import type { ChangeView, InstrumentCitation } from '@mandate/projections';
import { decodeCitation, type CitationParts } from '../arguments.js';
import { answerQuery, runAction, withQueryOptions, type QueryOptions } from '../command-context.js';
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
  readonly counts: ReadonlyArray<ChangeCount>;
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

/** The instrument's title, read from the first change it caused (the citation carries none). */
const titleOf = (changes: ReadonlyArray<ChangeView>): string | undefined => {
  const source = changes[0]?.source;
  return source?.kind === 'instrument' ? source.instrument.title?.vi : undefined;
};

const renderInstrument = (answer: InstrumentJson): string => {
  if (answer.changes.length === 0) return `No change is recorded under ${answer.instrument}.`;
  const title = titleOf(answer.changes);
  return [
    `${answer.instrument}${title === undefined ? '' : `: ${title}`}`,
    `${answer.changes.length} changes, effective by ${answer.on}:`,
    '',
    renderTable({
      headings: ['of', 'change', 'count'],
      rows: answer.counts.map(({ aggregate, type, count }) => [aggregate, type, String(count)]),
    }),
    '',
    renderChanges(answer.changes),
  ].join('\n');
};

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
        .summary('Show what a legal instrument changed.')
        .description(
          'Show what a legal instrument changed.' +
            '\n\nWith --json: { on, knownAt, instrument: "NUMBER|ISSUER|YEAR", counts: { aggregate, type, count }[],\n  changes: ChangeView[] }',
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
        return answerQuery(command, options, async ({ queries, on, knownAt }) => {
          const changes = await queries.changesByInstrument(decoded.right, knownAt);
          if (E.isLeft(changes)) return E.left(refusalOf(changes.left));
          const effective = changes.right.filter((change) => change.effectiveOn <= on);
          const json: InstrumentJson = {
            on,
            knownAt: knownAt ?? null,
            instrument: citationKey(decoded.right),
            counts: countChanges(effective),
            changes: effective,
          };
          return E.right({ json, text: () => renderInstrument(json) });
        });
      },
    ),
  );
}
