/**
 * The lineage graph as a Mermaid flowchart, left to right. Nodes are named `b0`, `b1`, … in the
 * order of the bodies' ids; every label is a quoted string in which the characters Mermaid would
 * read as syntax or markup (`"`, `#`, `&`, `<`, `>`, `` ` ``) are written as Mermaid's entity codes
 * (`#34;`, …), so that any name, Vietnamese or not, shows as written. Pure.
 *
 * @see https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters
 */
import { lineageGraph } from './lineage.js';
import type { ExportSnapshot } from './snapshot.js';

const SYNTAX = /["#&<>`]/gu;

/** `text` as the inside of a quoted Mermaid label. */
const mermaidText = (text: string): string =>
  text.replace(SYNTAX, (character) => `#${character.codePointAt(0) ?? 0};`);

/** The snapshot's lineage as a Mermaid flowchart. */
export function toMermaid(snapshot: ExportSnapshot): string {
  const { nodes, edges } = lineageGraph(snapshot);
  const idOf = new Map(nodes.map((node, i) => [node.bodyId, `b${i}`]));
  return [
    'flowchart LR',
    ...nodes.map(
      (node) => `  ${idOf.get(node.bodyId) ?? ''}["${node.lines.map(mermaidText).join('<br/>')}"]`,
    ),
    ...edges.map(
      (edge) =>
        `  ${idOf.get(edge.from) ?? ''} -->|"${mermaidText(edge.label)}"| ${idOf.get(edge.to) ?? ''}`,
    ),
  ].join('\n');
}
