/**
 * `mandate bodies`: every body known at `--known-at`, seen on `--on` — id, status, kind, founding
 * date and name — from `ReadModelQueries.bodies`.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import type { BodyView } from '@mandate/projections';
import { answerQuery, runAction, withQueryOptions, type QueryOptions } from '../command-context.js';
import { bodyName } from '../output/names.js';
import { renderTable } from '../output/table.js';
import { refusalOf } from '../query-refusal.js';

/** The `--json` shape of `mandate bodies`. */
export interface BodiesJson {
  readonly on: string;
  readonly knownAt: string | null;
  readonly bodies: ReadonlyArray<BodyView>;
}

const renderBodies = (bodies: ReadonlyArray<BodyView>): string =>
  bodies.length === 0
    ? 'No body is known.'
    : renderTable({
        headings: ['body', 'status', 'kind', 'established', 'name'],
        rows: bodies.map((body) => [
          body.bodyId,
          body.status,
          body.kind,
          body.establishedOn,
          bodyName(body),
        ]),
      });

/** Registers `mandate bodies`. */
export function registerBodiesCommand(program: Command): void {
  withQueryOptions(
    program
      .command('bodies')
      .summary('List every body known, as it stood on a date.')
      .description(
        'List every body known, as it stood on a date.' +
          '\n\nWith --json: { on, knownAt, bodies: BodyView[] }',
      ),
  ).action(
    runAction((options: Partial<QueryOptions>, command: Command) =>
      answerQuery(command, options, async ({ queries, on, knownAt }) => {
        const bodies = await queries.bodies(on, knownAt);
        if (E.isLeft(bodies)) return E.left(refusalOf(bodies.left));
        const json: BodiesJson = { on, knownAt: knownAt ?? null, bodies: bodies.right };
        return E.right({ json, text: () => renderBodies(bodies.right) });
      }),
    ),
  );
}
