/**
 * The real parsers the diagram tests read the exports back with: Graphviz itself (compiled to
 * WebAssembly, shipped inside `@hpcc-js/wasm-graphviz`) and Mermaid's own flowchart parser (which
 * sanitises labels through DOMPurify, so it runs in a jsdom window). Each returns the labels as
 * the tool will show them, so that a test can compare them with the names it put in.
 */
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { JSDOM } from 'jsdom';
import type { default as MermaidApi } from 'mermaid';

/** A parsed graph: each node's id and shown label, each edge's ends and shown label. */
export interface ParsedGraph {
  readonly nodes: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  readonly edges: ReadonlyArray<{
    readonly from: string;
    readonly to: string;
    readonly label: string;
  }>;
}

let graphviz: Promise<Graphviz> | undefined;

/**
 * Graphviz's reading of a DOT escString label: `\\` is a backslash, `\n` a centred line break
 * (written here as a newline); Graphviz's JSON output keeps these escapes as written.
 */
const unescapeDot = (label: string): string =>
  label.replace(/\\([\\n])/gu, (_, escaped: string) => (escaped === 'n' ? '\n' : '\\'));

/** Lays `dot` out with Graphviz (throwing on a syntax error) and reads its graph back. */
export async function parseDot(dot: string): Promise<ParsedGraph> {
  graphviz ??= Graphviz.load();
  const json = JSON.parse((await graphviz).layout(dot, 'json', 'dot')) as {
    readonly objects?: ReadonlyArray<{
      readonly _gvid: number;
      readonly name: string;
      readonly label: string;
    }>;
    readonly edges?: ReadonlyArray<{
      readonly tail: number;
      readonly head: number;
      readonly label: string;
    }>;
  };
  const objects = json.objects ?? [];
  const name = (gvid: number) => objects.find((o) => o._gvid === gvid)?.name ?? '';
  return {
    nodes: objects.map((o) => ({ id: o.name, label: unescapeDot(o.label) })),
    edges: (json.edges ?? []).map((e) => ({
      from: name(e.tail),
      to: name(e.head),
      label: unescapeDot(e.label),
    })),
  };
}

let mermaid: Promise<typeof MermaidApi> | undefined;

/** Mermaid's own `decodeEntities` step, then the browser's reading of the entities it makes. */
const shownByMermaid = (text: string): string =>
  text
    .replace(/ﬂ°°/gu, '&#')
    .replace(/ﬂ°/gu, '&')
    .replace(/¶ß/gu, ';')
    .replace(/&#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/<br\s*\/?>/gu, '\n');

/** Parses `source` with Mermaid (throwing on a syntax error) and reads its flowchart back. */
export async function parseMermaid(source: string): Promise<ParsedGraph> {
  mermaid ??= (async () => {
    const { window } = new JSDOM('<!doctype html><html><body></body></html>');
    Object.assign(globalThis, { window, document: window.document });
    return (await import('mermaid')).default;
  })();
  const api = await mermaid;
  await api.parse(source);
  const diagram = await api.mermaidAPI.getDiagramFromText(source);
  const db = diagram.db as unknown as {
    getVertices: () => Map<string, { readonly text?: string }>;
    getEdges: () => ReadonlyArray<{
      readonly start: string;
      readonly end: string;
      readonly text?: string;
    }>;
  };
  return {
    nodes: [...db.getVertices()].map(([id, vertex]) => ({
      id,
      label: shownByMermaid(vertex.text ?? id),
    })),
    edges: db.getEdges().map((edge) => ({
      from: edge.start,
      to: edge.end,
      label: shownByMermaid(edge.text ?? ''),
    })),
  };
}
