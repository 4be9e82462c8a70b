/**
 * What the commands asking about one body share (`roster`, `duties`, `compliance`, `lineage`,
 * `jurisdiction`):
 * the `BODY` argument and the query options, the body looked up on `--on` as known at
 * `--known-at` (an unknown body is refused), and the answer printed as text or as JSON.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import type { BodyId } from '@mandate/core';
import type { BodyView } from '@mandate/projections';
import { argumentParser, decodeBodyId } from '../arguments.js';
import {
  answerQuery,
  runAction,
  withQueryOptions,
  type QueryAnswer,
  type QueryContext,
  type QueryOptions,
} from '../command-context.js';
import type { CliFailure } from '../failure.js';
import { refusalOf } from '../query-refusal.js';

/** A query's context, with the body asked about as it stood. */
export interface BodyQueryContext extends QueryContext {
  readonly bodyId: BodyId;
  readonly body: BodyView;
}

/** A command asking about one body. */
export interface BodyQuery {
  readonly name: string;
  /** What the command shows, in one line. */
  readonly summary: string;
  /** What the command shows, at more length for its help (default: the summary). */
  readonly description?: string;
  /** The `--json` document's shape, as the help gives it. */
  readonly jsonShape: string;
  /** The answer about the body found. */
  readonly answer: (context: BodyQueryContext) => Promise<E.Either<CliFailure, QueryAnswer>>;
}

/** Registers `mandate NAME BODY` answering `query`. */
export function registerBodyQuery(program: Command, query: BodyQuery): void {
  withQueryOptions(
    program
      .command(query.name)
      .summary(query.summary)
      .description(`${query.description ?? query.summary}\n\nWith --json: ${query.jsonShape}`)
      .argument('<body>', 'the body id', argumentParser(decodeBodyId('BODY'))),
  ).action(
    runAction((bodyId: BodyId, options: Partial<QueryOptions>, command: Command) =>
      answerQuery(command, options, async (context) => {
        const body = await context.queries.body(bodyId, context.on, context.knownAt);
        return E.isLeft(body)
          ? E.left(refusalOf(body.left))
          : query.answer({ ...context, bodyId, body: body.right });
      }),
    ),
  );
}
