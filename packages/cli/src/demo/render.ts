/**
 * The demo's answers as text for a person: the roster of a body on a date (who sits in each seat,
 * and how — named, or ex officio through an office), the lineage of a body (as text and as a
 * Mermaid graph), its reporting compliance, and the changes one instrument made.
 */
import type { BodyId, CalendarDate } from '@mandate/core';
import type { BodyView, ChangeView, ComplianceView, RosterSeat } from '@mandate/projections';
import { renderTable } from '../output/table.js';
import type { Names } from './names.js';

/** Indents every line of `text` by two spaces. */
export const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');

/** Who sits in a seat on `on`, and how, in words. */
async function occupantOf(seat: RosterSeat, on: CalendarDate, names: Names): Promise<string[]> {
  const occupant = seat.occupant;
  if (occupant === null) return ['(vacant by decision)', ''];
  if (occupant.kind === 'vacant')
    return ['(no holder recorded)', `ex officio: ${await names.office(occupant.office, on)}`];
  const person = await names.person(occupant.person);
  const acting = occupant.acting ? ' (acting)' : '';
  if (occupant.via === 'office')
    return [`${person}${acting}`, `ex officio: ${await names.office(occupant.office, on)}`];
  const as =
    occupant.asOffice === undefined
      ? 'named'
      : `named as ${await names.office(occupant.asOffice, on)}${occupant.holdsOffice === false ? ' — no longer holds it' : ''}`;
  return [`${person}${acting}`, as];
}

/** A body's roster on a date as a table: seat, roles, person and how they sit. */
export async function renderRoster(
  roster: ReadonlyArray<RosterSeat>,
  on: CalendarDate,
  names: Names,
): Promise<string> {
  const rows: string[][] = [];
  for (const seat of roster)
    rows.push([seat.seatId, seat.roles.join(', '), ...(await occupantOf(seat, on, names))]);
  return renderTable({ headings: ['seat', 'roles', 'person', 'how'], rows });
}

/** The Vietnamese name of a body as a view gives it. */
const nameOf = (body: BodyView): string =>
  body.name?.vi ?? body.names.at(-1)?.name.vi ?? body.bodyId;

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
        `${nameOf(predecessor)} (${predecessor.establishedOn} – ${predecessor.end?.on ?? '…'})`,
    ),
    ...(predecessors.length === 0 ? [] : [`  ↓ ${ends.join('; ')}`]),
    `${nameOf(body)} (from ${body.establishedOn})`,
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
    ...[body, ...predecessors].map((view) => `  ${nodeId(view.bodyId)}[${label(nameOf(view))}]`),
    ...predecessors.map(
      (predecessor) =>
        `  ${nodeId(predecessor.bodyId)} -->|${predecessor.end?.reason ?? 'succeeded'} ${predecessor.end?.on ?? ''}| ${nodeId(body.bodyId)}`,
    ),
  ].join('\n');
}

/** A body's compliance as a table: each obligation's periods, due dates and status. */
export const renderCompliance = (compliance: ReadonlyArray<ComplianceView>): string =>
  renderTable({
    headings: ['obligation', 'cadence', 'period', 'due', 'status'],
    rows: compliance.flatMap((obligation) =>
      obligation.periods.map((period) => [
        obligation.obligationId,
        obligation.cadence,
        period.period,
        period.dueOn,
        period.status,
      ]),
    ),
  });

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
