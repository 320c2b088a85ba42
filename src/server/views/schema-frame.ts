// The schema.org JSON-LD block of a page written directly: the shape jsonld.frame (@embed @once) and compaction give for a thing's schema.org statements, without running them.
import type { Quad, Term } from 'n3';
import { NS } from '../../core/vocab.ts';

/** The context of the block: schema.org as vocabulary, and xsd for datatypes. */
export const SCHEMA_CONTEXT = { '@vocab': NS.schema, xsd: NS.xsd } as const;

const RDF_TYPE = `${NS.rdf}type`;
const XSD_STRING = `${NS.xsd}string`;
const RDF_LANG_STRING = `${NS.rdf}langString`;
// A local name that compacts to itself under @vocab (or after `xsd:`) and is no term of the context.
const SIMPLE_LOCAL = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Value = string | Record<string, unknown>;

interface FrameNode {
  types: string[];
  /** Property IRI → values (compacted, with the identity they were deduplicated by). */
  properties: Map<string, { key: string; value: Value; ref?: string }[]>;
}

/** The local name of an IRI in a namespace when it compacts plainly (and is not the context's own `xsd` term), else undefined. */
function local(iri: string, ns: string): string | undefined {
  if (!iri.startsWith(ns)) return undefined;
  const name = iri.slice(ns.length);
  return SIMPLE_LOCAL.test(name) && name !== 'xsd' ? name : undefined;
}

/** A literal as compaction writes it: a plain string, or {@language, @value} / {@type, @value}; undefined for a shape left to jsonld. */
function literalValue(o: Term & { language?: string; direction?: string; datatype?: Term }): { key: string; value: Value } | undefined {
  if (o.direction) return undefined;
  const dt = o.datatype?.value ?? XSD_STRING;
  if (o.language) return dt === RDF_LANG_STRING ? { key: `@${o.language}"${o.value}`, value: { '@language': o.language, '@value': o.value } } : undefined;
  if (dt === XSD_STRING) return { key: `"${o.value}`, value: o.value };
  const type = local(dt, NS.schema) ?? (local(dt, NS.xsd) === undefined ? undefined : `xsd:${local(dt, NS.xsd)}`);
  return type === undefined ? undefined : { key: `^${dt}"${o.value}`, value: { '@type': type, '@value': o.value } };
}

/**
 * The framed and compacted JSON-LD of `subject` from triples about it and about the things it links to, as
 * `jsonld.frame(fromRDF(triples), {@context: SCHEMA_CONTEXT, @id: subject, @embed: @once})` writes it: keys in order of
 * their IRIs (`@id` and `@type` first), values in statement order, each linked thing embedded where it first appears and
 * referenced after. Undefined when the triples hold a shape this does not cover (blank nodes, a self-link, another
 * vocabulary, a datatype with no plain compact form…): the caller then runs jsonld itself.
 */
export function frameSchemaNode(subject: string, triples: readonly Quad[]): Record<string, unknown> | undefined {
  const nodes = new Map<string, FrameNode>();
  for (const q of triples) {
    if (q.subject.termType !== 'NamedNode') return undefined;
    let node = nodes.get(q.subject.value);
    if (!node) nodes.set(q.subject.value, (node = { types: [], properties: new Map() }));
    const o = q.object;
    if (q.predicate.value === RDF_TYPE && o.termType === 'NamedNode') {
      const type = local(o.value, NS.schema);
      if (type === undefined) return undefined;
      if (!node.types.includes(type)) node.types.push(type);
      continue;
    }
    if (local(q.predicate.value, NS.schema) === undefined) return undefined;
    let entry: { key: string; value: Value; ref?: string } | undefined;
    if (o.termType === 'NamedNode') {
      // A link back to the subject, or an IRI a prefix or the vocabulary would shorten, is framed otherwise.
      if (o.value === subject || o.value.startsWith(NS.xsd) || o.value.startsWith(NS.schema)) return undefined;
      entry = { key: `<${o.value}`, value: { '@id': o.value }, ref: o.value };
    } else if (o.termType === 'Literal') entry = literalValue(o);
    if (entry === undefined) return undefined;
    let values = node.properties.get(q.predicate.value);
    if (!values) node.properties.set(q.predicate.value, (values = []));
    if (!values.some((v) => v.key === entry.key)) values.push(entry);
  }
  const top = nodes.get(subject);
  if (!top) return undefined;
  // Linked things are described by their types and names only: one that links on is a shape left to jsonld.
  for (const [iri, node] of nodes) {
    if (iri !== subject && [...node.properties.values()].some((vs) => vs.some((v) => v.ref !== undefined))) return undefined;
  }
  const embedded = new Set<string>([subject]);
  const write = (iri: string, node: FrameNode): Record<string, unknown> => {
    const out: Record<string, unknown> = { '@id': iri };
    if (node.types.length) out['@type'] = node.types.length === 1 ? node.types[0] : [...node.types];
    for (const p of [...node.properties.keys()].sort()) {
      const values = node.properties.get(p)!.map((v) => {
        if (v.ref === undefined) return v.value;
        const linked = nodes.get(v.ref);
        if (!linked || embedded.has(v.ref)) return { '@id': v.ref };
        embedded.add(v.ref);
        return write(v.ref, linked);
      });
      out[p.slice(NS.schema.length)] = values.length === 1 ? values[0] : values;
    }
    return out;
  };
  return { '@context': { ...SCHEMA_CONTEXT }, ...write(subject, top) };
}
