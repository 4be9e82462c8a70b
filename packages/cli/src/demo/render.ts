/**
 * The demo's own views, beside the query commands' renderers it reuses: a body's lineage from its
 * predecessors (as text and as a Mermaid graph), and the changes one instrument made, counted by
 * event type.
 */
import type { BodyId } from '@mandate/core';
import type { BodyView, ChangeView } from '@mandate/projections';
import { bodyName } from '../output/names.js';
import { renderTable } from '../output/table.js';

/** Indents every line of `text` by two spaces. */
export const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');

/** A body's lineage as text: its predecessors with their lives, how they ended, then the body. */
export function renderLineage(body: BodyView, predecessors: ReadonlyArray<BodyView>): string {
  const ends = [
    ...new Set(
      predecessors.map(({ end }) =>
        end === undefined ? 'still active' : `${end.reason}, ${end.on}`,
      ),
    ),
  ];
  return [
    ...predecessors.map(
      (predecessor) =>
        `${bodyName(predecessor)} (${predecessor.establishedOn} – ${predecessor.end?.on ?? '…'})`,
    ),
    ...(predecessors.length === 0 ? [] : [`  ↓ ${ends.join('; ')}`]),
    `${bodyName(body)} (from ${body.establishedOn})`,
  ].join('\n');
}

/** A Mermaid node id for a body id (letters, digits and `_` only). */
const nodeId = (bodyId: BodyId): string => bodyId.replace(/[^A-Za-z0-9_]/g, '_');

/** A Mermaid label: the text in double quotes, its own quotes as `#quot;`. */
const label = (text: string): string => `"${text.replace(/"/g, '#quot;')}"`;

/** A body's lineage as a Mermaid flowchart, each edge labelled with the predecessor's end. */
export function renderLineageMermaid(
  body: BodyView,
  predecessors: ReadonlyArray<BodyView>,
): string {
  return [
    'flowchart LR',
    ...[body, ...predecessors].map((view) => `  ${nodeId(view.bodyId)}[${label(bodyName(view))}]`),
    ...predecessors.map(
      (predecessor) =>
        `  ${nodeId(predecessor.bodyId)} -->|${predecessor.end?.reason ?? 'succeeded'} ${predecessor.end?.on ?? ''}| ${nodeId(body.bodyId)}`,
    ),
  ].join('\n');
}

/** The changes an instrument made, by event type: how many, and what they changed. */
export function renderAudit(changes: ReadonlyArray<ChangeView>): string {
  const byType = new Map<string, { count: number; aggregate: string; subjects: Set<string> }>();
  for (const { type, aggregate, aggregateId } of changes) {
    const entry = byType.get(type) ?? { count: 0, aggregate, subjects: new Set<string>() };
    entry.count += 1;
    entry.subjects.add(aggregateId);
    byType.set(type, entry);
  }
  return renderTable({
    headings: ['event', 'count', 'of'],
    rows: [...byType.entries()].map(([type, { count, aggregate, subjects }]) => [
      type,
      String(count),
      subjects.size === 1
        ? [...subjects].join('')
        : `${subjects.size} ${aggregate === 'body' ? 'bodies' : 'offices'}`,
    ]),
  });
}
