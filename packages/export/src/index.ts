/**
 * @mandate/export — Mandate's read models in the formats civic-data users already take: Popolo
 * JSON, W3C ORG JSON-LD, Wikidata QuickStatements, and Mermaid and Graphviz DOT lineage graphs.
 * `gatherSnapshot` asks any read model what an export needs; every format is a pure function of
 * the snapshot it returns.
 */
export type { GatherOptions, PersonNames } from './gather.js';
export { gatherSnapshot } from './gather.js';
export type { ExportSnapshot, MembershipView, PersonView, PostView } from './snapshot.js';
export type {
  PopoloExport,
  PopoloLink,
  PopoloMembership,
  PopoloOrganization,
  PopoloOtherName,
  PopoloPerson,
  PopoloPost,
} from './popolo.js';
export { toPopolo } from './popolo.js';
export type { JsonLdNode, OrgJsonLd } from './org-jsonld.js';
export { ORG_CONTEXT, toOrgJsonLd } from './org-jsonld.js';
export type { Placeholder, QuickStatements, WikidataItemId, WikidataOptions } from './wikidata.js';
export { toQuickStatements } from './wikidata.js';
export type { LineageEdge, LineageGraph, LineageNode } from './lineage.js';
export { lineageGraph } from './lineage.js';
export type { ChangeKind, OrganisationChange } from './reorganisations.js';
export { organisationChanges } from './reorganisations.js';
export { toMermaid } from './mermaid.js';
export { toDot } from './dot.js';
