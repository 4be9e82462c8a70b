/**
 * `mandate lineage BODY`: where a body came from and what became of it through reorganisations —
 * the bodies it was created from or absorbed, theirs in turn, and the bodies it ended into — as an
 * indented text tree, from the `ReadModelQueries.body` views of each body met on the way.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import type { BodyId, CalendarDate, Instant } from '@mandate/core';
import type { BodyView, ReadModelQueries } from '@mandate/projections';
import { bodyName } from '../output/names.js';
import { registerBodyQuery } from './body-query.js';

/** One body in a lineage, with the bodies further along in the same direction. */
export interface LineageNode {
  readonly body: BodyView;
  /** The next bodies back (predecessors) or forward (successors). */
  readonly next: ReadonlyArray<LineageNode>;
}

/** The `--json` shape of `mandate lineage`. */
export interface LineageJson {
  readonly on: string;
  readonly knownAt: string | null;
  readonly body: BodyView;
  /** The bodies it was created from or absorbed, each with its own predecessors. */
  readonly predecessors: ReadonlyArray<LineageNode>;
  /** The bodies it ended into, each with its own successors. */
  readonly successors: ReadonlyArray<LineageNode>;
}

/** The bodies one step back: those it was created from, then those it absorbed. */
const stepBack = (body: BodyView): ReadonlyArray<BodyId> => [
  ...body.predecessors,
  ...body.absorptions.flatMap((absorption) => absorption.absorbed),
];

/** The bodies one step forward: those it ended into. */
const stepForward = (body: BodyView): ReadonlyArray<BodyId> => body.end?.successors ?? [];

/** Follows `step` from `body` as far as it goes, each body once. */
async function follow(
  queries: ReadModelQueries,
  body: BodyView,
  step: (body: BodyView) => ReadonlyArray<BodyId>,
  on: CalendarDate,
  knownAt: Instant | undefined,
  seen: Set<BodyId>,
): Promise<ReadonlyArray<LineageNode>> {
  const nodes: LineageNode[] = [];
  for (const id of step(body)) {
    if (seen.has(id)) continue;
    seen.add(id);
    const view = await queries.body(id, on, knownAt);
    if (E.isLeft(view)) continue;
    nodes.push({
      body: view.right,
      next: await follow(queries, view.right, step, on, knownAt, seen),
    });
  }
  return nodes;
}

/** One line about a body: name, id, life, and how it ended. */
const describe = (body: BodyView): string => {
  const end =
    body.end === undefined
      ? ''
      : `, ended ${body.end.on} (${body.end.reason}${body.end.successors.length === 0 ? '' : ` into ${body.end.successors.join(', ')}`})`;
  return `${bodyName(body)} (${body.bodyId}): established ${body.establishedOn}${end}`;
};

const renderNodes = (nodes: ReadonlyArray<LineageNode>, depth: number): string[] =>
  nodes.flatMap((node) => [
    `${'  '.repeat(depth)}- ${describe(node.body)}`,
    ...renderNodes(node.next, depth + 1),
  ]);

const renderLineage = (answer: LineageJson): string =>
  [
    describe(answer.body),
    '',
    'Came from:',
    ...(answer.predecessors.length === 0
      ? ['  (no predecessor)']
      : renderNodes(answer.predecessors, 1)),
    '',
    'Became:',
    ...(answer.successors.length === 0 ? ['  (no successor)'] : renderNodes(answer.successors, 1)),
  ].join('\n');

/** Registers `mandate lineage BODY`. */
export function registerLineageCommand(program: Command): void {
  registerBodyQuery(program, {
    name: 'lineage',
    summary: "Show a body's predecessors and successors through reorganisations.",
    jsonShape:
      '{ on, knownAt, body: BodyView, predecessors: Node[], successors: Node[] },\n  a Node being { body: BodyView, next: Node[] }',
    answer: async ({ queries, bodyId, body, on, knownAt }) => {
      const json: LineageJson = {
        on,
        knownAt: knownAt ?? null,
        body,
        predecessors: await follow(queries, body, stepBack, on, knownAt, new Set([bodyId])),
        successors: await follow(queries, body, stepForward, on, knownAt, new Set([bodyId])),
      };
      return E.right({ json, text: () => renderLineage(json) });
    },
  });
}
