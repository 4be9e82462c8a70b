/**
 * What every command shares: the global `--store` option (or `MANDATE_STORE`), the query options
 * (`--on`, `--known-at`, `--json`), opening the store for the length of one command, and running
 * an action so that a failure is written to stderr in plain words and sets the exit code.
 */
import { Option, type Command } from 'commander';
import * as E from 'fp-ts/Either';
import { hoChiMinhDateOf, type CalendarDate, type Instant } from '@mandate/core';
import { argumentParser, decodeDate, decodeInstant } from './arguments.js';
import { exitCodeOf, type CliFailure } from './failure.js';
import type { EventStore } from '@mandate/eventstore';
import type { ReadModelQueries } from '@mandate/projections';
import { openStore, type OpenMode, type OpenedStore } from './open-store.js';
import { toJson } from './output/json.js';
import { withQueries } from './read-model.js';
import { DEFAULT_STORE, parseStoreUrl } from './store-url.js';

/** The options every command has. */
export interface GlobalOptions {
  readonly store: string;
}

/** The options of every query command. */
export interface QueryOptions {
  /** The valid date asked about (default: today in Asia/Ho_Chi_Minh). */
  readonly on: CalendarDate;
  /** The instant of knowledge asked about (default: everything recorded). */
  readonly knownAt?: Instant;
  readonly json?: true;
}

/** The `--store` option, read from `MANDATE_STORE` when absent. */
export const storeOption = (): Option =>
  new Option(
    '--store <url>',
    'the store: sqlite:PATH, memory:, postgres://…, esdb://…, kurrentdb://…',
  )
    .env('MANDATE_STORE')
    .default(DEFAULT_STORE);

/** Today in Asia/Ho_Chi_Minh, the default valid date of a query. */
const today = (): CalendarDate => hoChiMinhDateOf(Date.now()) as CalendarDate;

/** Adds `--on`, `--known-at` and `--json` to a query command. */
export function withQueryOptions(command: Command): Command {
  return command
    .option(
      '--on <date>',
      'the valid date asked about, YYYY-MM-DD (default: today)',
      argumentParser(decodeDate('--on')),
    )
    .option(
      '--known-at <instant>',
      'answer as known at this instant, e.g. 2019-01-01T00:00:00.000Z (default: everything recorded)',
      argumentParser(decodeInstant('--known-at')),
    )
    .option('--json', 'print the answer as JSON');
}

/** The query options of an action, `--on` defaulted to today. */
export const queryOptions = (options: Partial<QueryOptions>): QueryOptions => ({
  ...options,
  on: options.on ?? today(),
});

/**
 * Opens the store named by `--store` (or `MANDATE_STORE`) for `use`, and closes it afterwards;
 * `mode` says whether it must exist already.
 */
export async function withStore<A>(
  command: Command,
  mode: OpenMode,
  use: (opened: OpenedStore) => Promise<E.Either<CliFailure, A>>,
): Promise<E.Either<CliFailure, A>> {
  const address = command.optsWithGlobals<GlobalOptions>().store;
  const location = parseStoreUrl(address);
  if (E.isLeft(location)) return location;
  const opened = await openStore(address, location.right, mode);
  if (E.isLeft(opened)) return opened;
  try {
    return await use(opened.right);
  } finally {
    await opened.right.store.close();
  }
}

/** Writes `text` and a newline to stdout. */
export const print = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

/**
 * Wraps a command's action: its failure is written to stderr as `mandate: <message>` and sets the
 * exit code it gives (2 usage, 1 refused or failed check).
 */
export const runAction =
  <Args extends unknown[]>(action: (...args: Args) => Promise<E.Either<CliFailure, void>>) =>
  async (...args: Args): Promise<void> => {
    const result = await action(...args);
    if (E.isLeft(result)) {
      process.stderr.write(`mandate: ${result.left.message}\n`);
      process.exitCode = exitCodeOf(result.left);
    }
  };

/** What a query needs: the read model's queries, the store (for names), and the options. */
export interface QueryContext extends QueryOptions {
  readonly queries: ReadModelQueries;
  readonly store: EventStore;
}

/** A query's answer, as the `--json` document and as the text for a person. */
export interface QueryAnswer {
  readonly json: unknown;
  readonly text: () => Promise<string> | string;
}

/**
 * Runs a query command: opens the existing store, catches its read model up, asks `answer`, and
 * prints the answer's JSON with `--json`, else its text.
 */
export async function answerQuery(
  command: Command,
  options: Partial<QueryOptions>,
  answer: (context: QueryContext) => Promise<E.Either<CliFailure, QueryAnswer>>,
): Promise<E.Either<CliFailure, void>> {
  const asked = queryOptions(options);
  return withStore(command, 'existing', (opened) =>
    withQueries(opened, async (queries) => {
      const answered = await answer({ ...asked, queries, store: opened.store });
      if (E.isLeft(answered)) return answered;
      print(asked.json === true ? toJson(answered.right.json) : await answered.right.text());
      return E.right(undefined);
    }),
  );
}
