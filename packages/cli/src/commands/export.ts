/**
 * `mandate export --format popolo|org-jsonld|wikidata|mermaid|dot [--on DATE] [--known-at I]
 * [--body BODY] [--out FILE]`: the store's bodies (or one body and its lineage), as they stood on
 * the date and as known at the instant, in a standard format, from `@mandate/export` — on stdout,
 * or written to a file. Persons are named from their own streams.
 */
import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import * as E from 'fp-ts/Either';
import { createCommandHandler } from '@mandate/application';
import type { BodyId, PersonId } from '@mandate/core';
import type { EventStore } from '@mandate/eventstore';
import {
  gatherSnapshot,
  toDot,
  toMermaid,
  toOrgJsonLd,
  toPopolo,
  toQuickStatements,
  type ExportSnapshot,
  type PersonNames,
} from '@mandate/export';
import { argumentParser, decodeBodyId, decodeDate, decodeInstant } from '../arguments.js';
import {
  print,
  queryOptions,
  runAction,
  withStore,
  type QueryOptions,
} from '../command-context.js';
import { invalidArgument, type CliFailure } from '../failure.js';
import { toJson } from '../output/json.js';
import { refusalOf } from '../query-refusal.js';
import { withQueries } from '../read-model.js';

/** The formats `mandate export` writes. */
export const EXPORT_FORMATS = ['popolo', 'org-jsonld', 'wikidata', 'mermaid', 'dot'] as const;
/** One of the formats `mandate export` writes. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The options of `mandate export`. */
interface ExportOptions extends Partial<Omit<QueryOptions, 'json'>> {
  readonly format: ExportFormat;
  readonly body?: BodyId;
  readonly out?: string;
}

/** The snapshot in `format`, as the text written out. */
function render(format: ExportFormat, snapshot: ExportSnapshot): string {
  switch (format) {
    case 'popolo':
      return toJson(toPopolo(snapshot));
    case 'org-jsonld':
      return toJson(toOrgJsonLd(snapshot));
    case 'wikidata':
      return toQuickStatements(snapshot).lines.join('\n');
    case 'mermaid':
      return toMermaid(snapshot);
    case 'dot':
      return toDot(snapshot);
    default: {
      const unknown: never = format;
      return unknown;
    }
  }
}

/** Persons' registered names, read from their streams; an unregistered person has none. */
const personNamesIn = (store: EventStore): PersonNames => {
  const handler = createCommandHandler({ store });
  return async (person: PersonId) => {
    const loaded = await handler.loadPerson(person);
    return E.isRight(loaded) && loaded.right.state.status === 'registered'
      ? loaded.right.state.name
      : undefined;
  };
};

/** Writes `text` to `path`, or stdout when there is none; an unwritable path is a usage error. */
async function writeOut(
  text: string,
  path: string | undefined,
): Promise<E.Either<CliFailure, void>> {
  if (path === undefined) {
    print(text);
    return E.right(undefined);
  }
  try {
    await writeFile(path, `${text}\n`, { flag: 'wx' });
    return E.right(undefined);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return E.left(invalidArgument('--out', path, `cannot write a new file there (${reason})`));
  }
}

/** Registers `mandate export`. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'Export the bodies (or one body and its lineage) as Popolo JSON, W3C ORG JSON-LD, Wikidata QuickStatements, or a Mermaid or DOT lineage graph.',
    )
    .addOption(
      new Option('--format <format>', 'the format to write')
        .choices(EXPORT_FORMATS)
        .makeOptionMandatory(),
    )
    .option(
      '--on <date>',
      'the date the export describes, YYYY-MM-DD: names and statuses on it, history up to it (default: today)',
      argumentParser(decodeDate('--on')),
    )
    .option(
      '--known-at <instant>',
      'export as known at this instant, e.g. 2019-01-01T00:00:00.000Z (default: everything recorded)',
      argumentParser(decodeInstant('--known-at')),
    )
    .option(
      '--body <body>',
      'export only this body and its lineage (default: every body)',
      argumentParser(decodeBodyId('--body')),
    )
    .option('--out <file>', 'write to this new file instead of stdout')
    .action(
      runAction(async (options: ExportOptions, command: Command) => {
        const { on, knownAt } = queryOptions(options);
        return withStore(command, 'existing', (opened) =>
          withQueries(opened, async (queries) => {
            const snapshot = await gatherSnapshot(queries, {
              on,
              ...(knownAt === undefined ? {} : { knownAt }),
              ...(options.body === undefined ? {} : { body: options.body }),
              personNames: personNamesIn(opened.store),
            });
            if (E.isLeft(snapshot)) return E.left(refusalOf(snapshot.left));
            return writeOut(render(options.format, snapshot.right), options.out);
          }),
        );
      }),
    );
}
