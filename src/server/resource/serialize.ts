// Writes a document's triples in each RDF syntax: n3 for Turtle and N-Triples, jsonld for JSON-LD, xmlbuilder2 for RDF/XML.
import { Writer, type Quad, type Term } from 'n3';
import jsonld from 'jsonld';
import { prefixes } from '../../core/vocab.ts';
import { jsonldContext } from '../../core/jsonld-context.ts';
import { JsonLdCompactor } from '../../core/jsonld-compact.ts';
import { writeRdfXml } from './rdfxml.ts';

export type RdfExtension = 'ttl' | 'nt' | 'jsonld' | 'rdf';

// Nothing is ever fetched while writing a document or a result: a remote context reference is a bug, not a request to make.
export const noRemote = async (url: string): Promise<never> => {
  throw new Error(`JSON-LD tried to load ${url}; documents use an inline context only`);
};

/** Writes quads with n3's Writer; Turtle gets only the prefixes it uses (graph results write N-Quads through this too). */
export function writeN3(quads: readonly Quad[], format: 'Turtle' | 'N-Triples' | 'N-Quads', base: string): Promise<string> {
  const writer = new Writer(format === 'Turtle' ? { format, prefixes: usedPrefixes(quads, base) } : { format });
  writer.addQuads(quads as Quad[]);
  return new Promise((resolve, reject) => writer.end((err, out) => (err ? reject(err) : resolve(out))));
}

/**
 * The prefixes a base declares, and which of them cover an IRI's namespace (the IRI up to its last `/` or `#`). Every
 * namespace ends in `/` or `#`, so one that an IRI starts with is a prefix of that namespace part too: IRIs sharing a
 * namespace share the answer, which is looked up once instead of testing every prefix against every term.
 */
class PrefixTable {
  private readonly entries: readonly (readonly [string, string])[];
  private readonly byNamespace = new Map<string, readonly (readonly [string, string])[]>();
  private static readonly LIMIT = 10_000;

  constructor(base: string) {
    this.entries = Object.entries(prefixes(base));
    for (const [, ns] of this.entries) if (!/[/#]$/.test(ns)) throw new TypeError(`namespace <${ns}> ends in neither / nor #`);
  }

  /** The prefixes whose namespace an IRI starts with, in declaration order. */
  covering(iri: string): readonly (readonly [string, string])[] {
    const namespace = iri.slice(0, Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
    let hit = this.byNamespace.get(namespace);
    if (hit === undefined) {
      hit = this.entries.filter(([, ns]) => namespace.startsWith(ns));
      // Harvested IRIs may bring any number of namespaces: the table stays bounded.
      if (this.byNamespace.size >= PrefixTable.LIMIT) this.byNamespace.clear();
      this.byNamespace.set(namespace, hit);
    }
    return hit;
  }
}

const prefixTables = new Map<string, PrefixTable>();

function prefixTable(base: string): PrefixTable {
  let table = prefixTables.get(base);
  if (!table) prefixTables.set(base, (table = new PrefixTable(base)));
  return table;
}

/** Only the prefixes a document uses (in the order its terms first need them), so a short document starts with a short header. */
function usedPrefixes(quads: readonly Quad[], base: string): Record<string, string> {
  const table = prefixTable(base);
  const used: Record<string, string> = {};
  const seen = new Set<string>();
  for (const q of quads) {
    usePrefixesOf(q.subject, table, used, seen);
    usePrefixesOf(q.predicate, table, used, seen);
    usePrefixesOf(q.object, table, used, seen);
  }
  return used;
}

/** Adds the prefixes a term needs (an IRI's, a literal's datatype's) unless its IRI was seen already. */
function usePrefixesOf(t: Term, table: PrefixTable, used: Record<string, string>, seen: Set<string>): void {
  // An n3 literal has its datatype IRI as a string; `datatype` would make a term of it at every read.
  const iri = t.termType === 'Literal' ? (t as { datatypeString?: string }).datatypeString ?? t.datatype.value : t.termType === 'NamedNode' ? t.value : undefined;
  if (iri === undefined || seen.has(iri)) return;
  seen.add(iri);
  const hit = table.covering(iri);
  for (let i = 0; i < hit.length; i++) used[hit[i]![0]] ??= hit[i]![1];
}

/**
 * JSON-LD compacted with the documents' context with jsonld.js (what SPARQL graph results and any graph get). The quads go
 * to jsonld as a dataset: handing it N-Quads text instead makes its parser quadratic (30,000 quads: 9 s against 0.04 s).
 */
export async function writeJsonLdWithJsonld(quads: readonly Quad[], base: string): Promise<string> {
  const expanded = await jsonld.fromRDF(quads as unknown as Parameters<typeof jsonld.fromRDF>[0]);
  const options = { documentLoader: noRemote, skipExpansion: true } as unknown as jsonld.Options.Compact;
  // The build's own context (src/core/jsonld-context.ts), inline for this deployment's base.
  const compacted = await jsonld.compact(expanded, jsonldContext(base) as jsonld.ContextDefinition, options);
  return `${JSON.stringify(compacted, null, 2)}\n`;
}

const compactors = new Map<string, JsonLdCompactor>();

/**
 * JSON-LD compacted with the documents' context (for documents and SPARQL graph results alike): the build's compactor
 * (pipeline/publish/jsonld-compact.ts, jsonld.js's fromRDF and compaction for a context of ours, at a fraction of their
 * cost), wrapped as jsonld.compact wraps its nodes: one node beside the context, several in `@graph`. Named graphs, and
 * the few shapes the compactor refuses (a base direction, rdf:JSON, an IRI that reads as a compact IRI…), go to jsonld.js.
 */
export async function writeJsonLd(quads: readonly Quad[], base: string): Promise<string> {
  if (quads.some((q) => q.graph.termType !== 'DefaultGraph')) return writeJsonLdWithJsonld(quads, base);
  let compactor = compactors.get(base);
  if (!compactor) compactors.set(base, (compactor = new JsonLdCompactor(jsonldContext(base))));
  let nodes;
  try {
    nodes = compactor.nodes(quads);
  } catch {
    return writeJsonLdWithJsonld(quads, base);
  }
  const context = jsonldContext(base);
  const doc = nodes.length === 1 ? { '@context': context, ...nodes[0] } : nodes.length === 0 ? { '@context': context } : { '@context': context, '@graph': nodes };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Serialises triples in one RDF syntax; the result is a complete document. */
export async function serialize(quads: readonly Quad[], ext: RdfExtension, base: string): Promise<string> {
  switch (ext) {
    case 'ttl': return writeN3(quads, 'Turtle', base);
    case 'nt': return writeN3(quads, 'N-Triples', base);
    case 'jsonld': return writeJsonLd(quads, base);
    case 'rdf': return writeRdfXml(quads, base);
  }
}
