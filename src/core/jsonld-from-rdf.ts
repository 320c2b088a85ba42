// Serialize RDF as JSON-LD: a graph's triples as expanded node objects, what jsonld-compact.ts compacts.
import type { Quad, Term } from 'n3';
import { ERR_BUILD } from './errors.ts';
import { NS } from './vocab.ts';

const RDF_TYPE = `${NS.rdf}type`;
const RDF_FIRST = `${NS.rdf}first`;
const RDF_REST = `${NS.rdf}rest`;
const RDF_NIL = `${NS.rdf}nil`;
const RDF_LIST = `${NS.rdf}List`;
const RDF_JSON = `${NS.rdf}JSON`;
const XSD_STRING = `${NS.xsd}string`;

// Expanded forms, as fromRDF makes them.
export type NodeRef = { '@id': string };
export type ValueObject = { '@value': string; '@type'?: string; '@language'?: string };
export type ListObject = { '@list': Item[] };
export type Item = NodeRef | ValueObject | ListObject;
export type ExpandedNode = Record<string, unknown> & { '@id': string };
type Usage = { node: ExpandedNode; property: string; value: Item };

/** A value object (a literal). */
export const isValue = (v: Item): v is ValueObject => '@value' in v;
/** A list object. */
export const isList = (v: Item): v is ListObject => '@list' in v;

/**
 * Serialize RDF as JSON-LD (JSON-LD 1.1 API §8.4, as jsonld.js's fromRDF with useRdfType and useNativeTypes false):
 * the default graph only (graph names are ignored), well-formed lists folded into `@list`, nodes sorted by `@id` in
 * code-unit order, those with no statement of their own left out, values in statement order, duplicates kept.
 */
export function fromRdf(quads: readonly Quad[]): ExpandedNode[] {
  const nodeMap = new Map<string, ExpandedNode>();
  const referencedOnce = new Map<string, Usage | false>();
  const nilUsages: Usage[] = [];
  const nodeFor = (id: string): ExpandedNode => {
    let node = nodeMap.get(id);
    if (!node) nodeMap.set(id, (node = { '@id': id }));
    return node;
  };
  for (const q of quads) {
    const node = nodeFor(nodeId(q.subject)!);
    const p = q.predicate.value;
    const objectId = nodeId(q.object);
    if (objectId !== null) nodeFor(objectId);
    if (p === RDF_TYPE && objectId !== null) {
      ((node['@type'] ??= []) as string[]).push(objectId);
      continue;
    }
    const value = toObject(q.object);
    ((node[p] ??= []) as Item[]).push(value);
    if (objectId === null) continue;
    if (objectId === RDF_NIL) nilUsages.push({ node, property: p, value });
    else if (referencedOnce.has(objectId)) referencedOnce.set(objectId, false);
    else referencedOnce.set(objectId, { node, property: p, value });
  }
  for (let usage of nilUsages) {
    let { node, property, value: head } = usage;
    const list: Item[] = [];
    const listNodes: string[] = [];
    let keyCount = Object.keys(node).length;
    while (
      property === RDF_REST
      && typeof referencedOnce.get(node['@id']) === 'object'
      && Array.isArray(node[RDF_FIRST]) && (node[RDF_FIRST] as Item[]).length === 1
      && Array.isArray(node[RDF_REST]) && (node[RDF_REST] as Item[]).length === 1
      && (keyCount === 3 || (keyCount === 4 && Array.isArray(node['@type']) && (node['@type'] as string[]).length === 1 && (node['@type'] as string[])[0] === RDF_LIST))
    ) {
      list.push((node[RDF_FIRST] as Item[])[0]!);
      listNodes.push(node['@id']);
      usage = referencedOnce.get(node['@id']) as Usage;
      ({ node, property, value: head } = usage);
      keyCount = Object.keys(node).length;
      if (!node['@id'].startsWith('_:')) break;
    }
    delete (head as Partial<NodeRef>)['@id'];
    (head as ListObject)['@list'] = list.reverse();
    for (const id of listNodes) nodeMap.delete(id);
  }
  const out: ExpandedNode[] = [];
  for (const id of [...nodeMap.keys()].sort()) {
    const node = nodeMap.get(id)!;
    if (Object.keys(node).length > 1) out.push(node);
  }
  return out;
}

function nodeId(t: Term): string | null {
  if (t.termType === 'NamedNode') return t.value;
  if (t.termType === 'BlankNode') return `_:${t.value}`;
  return null;
}

function toObject(t: Term): Item {
  const id = nodeId(t);
  if (id !== null) return { '@id': id };
  if (t.termType !== 'Literal') throw ERR_BUILD(`JSON-LD cannot hold a ${t.termType} term`);
  if (t.language) {
    if ((t as { direction?: string }).direction) throw ERR_BUILD('the JSON-LD writer does not support base directions');
    return { '@value': t.value, '@language': t.language };
  }
  const dt = t.datatype.value;
  if (dt === RDF_JSON) throw ERR_BUILD('the JSON-LD writer does not support rdf:JSON literals');
  return dt === XSD_STRING ? { '@value': t.value } : { '@value': t.value, '@type': dt };
}
