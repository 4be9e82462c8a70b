/**
 * The lineage graph both diagram formats draw: one node per body (its name and its life), one edge
 * from each body that went into a reorganisation to each body that came out of it, labelled with
 * the kind, the date and the instrument's number.
 */
import type { BodyId } from '@mandate/core';
import { bodyLabel } from './names.js';
import { organisationChanges } from './reorganisations.js';
import type { ExportSnapshot } from './snapshot.js';

/** A body in the lineage graph. */
export interface LineageNode {
  readonly bodyId: BodyId;
  /** Its Vietnamese name, then its dates: `name` and `from – to`. */
  readonly lines: readonly [string, string];
}

/** A reorganisation step from one body to another. */
export interface LineageEdge {
  readonly from: BodyId;
  readonly to: BodyId;
  /** The kind, the date and the instrument's number, e.g. `merger 2018-12-04 …/QĐ-UBND`. */
  readonly label: string;
}

/** Bodies and the reorganisations between them. */
export interface LineageGraph {
  readonly nodes: ReadonlyArray<LineageNode>;
  readonly edges: ReadonlyArray<LineageEdge>;
}

/** The snapshot's lineage: every body, and an edge for each reorganisation step between them. */
export function lineageGraph(snapshot: ExportSnapshot): LineageGraph {
  const inScope = new Set(snapshot.bodies.map((view) => view.bodyId));
  return {
    nodes: snapshot.bodies.map((view) => ({
      bodyId: view.bodyId,
      lines: [bodyLabel(view), `${view.establishedOn} – ${view.end?.on ?? ''}`.trimEnd()],
    })),
    edges: organisationChanges(snapshot).flatMap((change) =>
      change.original.flatMap((from) =>
        change.resulting
          .filter((to) => to !== from && inScope.has(from) && inScope.has(to))
          .map((to) => ({
            from,
            to,
            label: [change.kind, change.on, change.basis?.number].filter(Boolean).join(' '),
          })),
      ),
    ),
  };
}
