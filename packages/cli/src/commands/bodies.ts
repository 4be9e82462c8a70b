/**
 * `mandate bodies`: every body known at `--known-at`, seen on `--on` — id, status, kind, founding
 * date and name — from `ReadModelQueries.bodies`; with `--under AUTHORITY`, only the bodies active
 * on `--on` that answered directly to that authority then (after transfers and mergers), from
 * `ReadModelQueries.bodiesUnder`. An authority not registered as known at `--known-at` is refused.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import type { AuthorityId } from '@mandate/core';
import type { BodyView } from '@mandate/projections';
import { argumentParser, decodeAuthorityId } from '../arguments.js';
import {
  answerQuery,
  runAction,
  withQueryOptions,
  type QueryAnswer,
  type QueryContext,
  type QueryOptions,
} from '../command-context.js';
import type { CliFailure } from '../failure.js';
import { bodyName } from '../output/names.js';
import { renderTable } from '../output/table.js';
import { refusalOf } from '../query-refusal.js';

/** The `--json` shape of `mandate bodies`. */
export interface BodiesJson {
  readonly on: string;
  readonly knownAt: string | null;
  /** The authority asked about with `--under`. */
  readonly under?: AuthorityId;
  readonly bodies: ReadonlyArray<BodyView>;
}

interface BodiesOptions extends Partial<QueryOptions> {
  readonly under?: AuthorityId;
}

const bodiesTable = (bodies: ReadonlyArray<BodyView>): string =>
  renderTable({
    headings: ['body', 'status', 'kind', 'established', 'name'],
    rows: bodies.map((body) => [
      body.bodyId,
      body.status,
      body.kind,
      body.establishedOn,
      bodyName(body),
    ]),
  });

const renderBodies = (answer: BodiesJson): string =>
  answer.under === undefined
    ? answer.bodies.length === 0
      ? 'No body is known.'
      : bodiesTable(answer.bodies)
    : answer.bodies.length === 0
      ? `No body answered to ${answer.under} on ${answer.on}.`
      : `Bodies under ${answer.under} on ${answer.on}:\n\n${bodiesTable(answer.bodies)}`;

/** The bodies known, or with `under` those that answered directly to it on the date. */
async function bodiesAnswer(
  { queries, on, knownAt }: QueryContext,
  under: AuthorityId | undefined,
): Promise<E.Either<CliFailure, QueryAnswer>> {
  const ids = under === undefined ? undefined : await queries.bodiesUnder(under, on, knownAt);
  if (ids !== undefined && E.isLeft(ids)) return E.left(refusalOf(ids.left));
  const bodies = await queries.bodies(on, knownAt);
  if (E.isLeft(bodies)) return E.left(refusalOf(bodies.left));
  const wanted = ids === undefined ? undefined : new Set<string>(ids.right);
  const json: BodiesJson = {
    on,
    knownAt: knownAt ?? null,
    ...(under === undefined ? {} : { under }),
    bodies:
      wanted === undefined ? bodies.right : bodies.right.filter((body) => wanted.has(body.bodyId)),
  };
  return E.right({ json, text: () => renderBodies(json) });
}

/** Registers `mandate bodies`. */
export function registerBodiesCommand(program: Command): void {
  withQueryOptions(
    program
      .command('bodies')
      .summary('List every body known, or those under one authority, as they stood on a date.')
      .description(
        'List every body known, as it stood on a date; with --under, only the bodies active on the date that\n' +
          'answered directly to that authority then (after transfers and mergers).' +
          '\n\nWith --json: { on, knownAt, under (with --under), bodies: BodyView[] }',
      )
      .option(
        '--under <authority>',
        "only the bodies under this authority on the date (the authority's id)",
        argumentParser(decodeAuthorityId('--under')),
      ),
  ).action(
    runAction((options: BodiesOptions, command: Command) =>
      answerQuery(command, options, (context) => bodiesAnswer(context, options.under)),
    ),
  );
}
