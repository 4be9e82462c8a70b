/**
 * The lineage graph as Graphviz DOT: a directed graph, left to right, one box per body (its id
 * as the node id, its name and dates as the label) and one labelled edge per reorganisation step.
 * Every id and label is a double-quoted string in which `\` and `"` are escaped, so that any
 * name — Vietnamese, with quotes or backslashes — shows as written. Pure.
 *
 * @see https://graphviz.org/doc/info/lang.html
 */
import { lineageGraph } from './lineage.js';
import type { ExportSnapshot } from './snapshot.js';

/** `text` as a DOT double-quoted string, quotes included. */
const dotString = (text: string): string => `"${text.replace(/[\\"]/gu, '\\$&')}"`;

/** The snapshot's lineage as a DOT digraph. */
export function toDot(snapshot: ExportSnapshot): string {
  const { nodes, edges } = lineageGraph(snapshot);
  // A label's lines are joined with DOT's centred line break `\n`, written after escaping.
  const label = (lines: ReadonlyArray<string>) =>
    `"${lines.map((line) => dotString(line).slice(1, -1)).join('\\n')}"`;
  return [
    'digraph lineage {',
    '  rankdir=LR;',
    '  node [shape=box];',
    ...nodes.map((node) => `  ${dotString(node.bodyId)} [label=${label(node.lines)}];`),
    ...edges.map(
      (edge) =>
        `  ${dotString(edge.from)} -> ${dotString(edge.to)} [label=${dotString(edge.label)}];`,
    ),
    '}',
  ].join('\n');
}
