// GRAPH over a group without triple patterns (`GRAPH ?g {}`), answered from the dataset's graph names, which the engine loses.
import sparqljs from 'sparqljs';
import { DataFactory, type NamedNode } from 'n3';

type Node = { type?: string; termType?: string; value?: string; patterns?: Node[]; name?: Node; [key: string]: unknown };

const FALSE = DataFactory.literal('false', DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#boolean'));
// A group holding any of these reads the graph's triples: GRAPH over it is the engine's to answer.
const READS_TRIPLES = new Set(['bgp', 'graph', 'query']);

function readsTriples(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (READS_TRIPLES.has((node as Node).type ?? '')) return true;
  return Object.values(node).some(readsTriples);
}

/** A group with no solution: `{ FILTER(false) }`. */
const nothing = (): Node => ({ type: 'group', patterns: [{ type: 'filter', expression: FALSE }] });

/**
 * SPARQL 1.1 §18.6: GRAPH ?g P is, for each named graph g, P over g joined with ?g = g. When P reads no triple (an empty
 * group, VALUES, BIND, FILTER) it is the same for every graph, so GRAPH ?g P is `{ VALUES ?g {…names…} { P } }`
 * (P stays a group of its own: ?g is not in scope inside it), and GRAPH <g> P is P where the dataset names g, nothing
 * where it does not. Comunica's algebra (quads mode) drops a GRAPH without triple patterns, answering one empty row.
 */
function rewrite(node: Node, names: readonly NamedNode[], changed: { any: boolean }): Node {
  if (node.type === 'graph' && node.name && !readsTriples(node.patterns)) {
    changed.any = true;
    const inner: Node = { type: 'group', patterns: (node.patterns ?? []).map((p) => walk(p, names, changed) as Node) };
    if (node.name.termType !== 'Variable') return names.some((n) => n.value === node.name!.value) ? inner : nothing();
    if (names.length === 0) return nothing();
    const variable = `?${node.name.value}`;
    return { type: 'group', patterns: [{ type: 'values', values: names.map((n) => ({ [variable]: n })) }, inner] };
  }
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) out[key] = walk(value, names, changed);
  return out;
}

function walk(value: unknown, names: readonly NamedNode[], changed: { any: boolean }): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, names, changed));
  if (value === null || typeof value !== 'object' || 'termType' in value) return value;
  return rewrite(value as Node, names, changed);
}

/**
 * The query text with every GRAPH over a triple-less group answered from `names` (the dataset's named graphs), or
 * undefined when the query has none (then the text goes to the engine as sent).
 */
export function answerGraphNames(tree: sparqljs.Query, names: readonly NamedNode[]): string | undefined {
  const changed = { any: false };
  const rewritten = rewrite(tree as unknown as Node, names, changed);
  if (!changed.any) return undefined;
  return new sparqljs.Generator().stringify(rewritten as unknown as sparqljs.SparqlQuery);
}

/**
 * The named graphs a query's dataset has: the protocol's named-graph-uri when the request gives a dataset, else the
 * query's FROM NAMED when it has a dataset clause, else every named graph of the store; only graphs the store holds.
 */
export function datasetNames(tree: sparqljs.Query, protocolNamed: readonly NamedNode[], protocolDataset: boolean, stored: readonly NamedNode[]): NamedNode[] {
  const from = (tree as { from?: { default: NamedNode[]; named: NamedNode[] } }).from;
  const hasFrom = from !== undefined && from.default.length + from.named.length > 0;
  const wanted = protocolDataset ? protocolNamed : hasFrom ? from.named : undefined;
  if (!wanted) return [...stored];
  const held = new Set(stored.map((n) => n.value));
  const seen = new Set<string>();
  return wanted.filter((n) => held.has(n.value) && !seen.has(n.value) && seen.add(n.value));
}
