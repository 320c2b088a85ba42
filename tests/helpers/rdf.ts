// Test helpers: the ONE place tests parse RDF (n3, jsonld, rdflib → n3 quads) and compare graphs by isomorphism.
import jsonld from 'jsonld';
import { DataFactory, Parser, termToId, type Quad, type Term } from 'n3';
import * as $rdf from 'rdflib';
import { isomorphic as isomorphicQuads } from 'rdf-isomorphic';

const { quad, namedNode, blankNode, literal, defaultGraph } = DataFactory;

/** The RDF syntaxes our dumps, documents and endpoint write, by their file extension. */
export type RdfSyntax = 'ttl' | 'nt' | 'nq' | 'jsonld' | 'rdf';

const SYNTAX: Record<string, RdfSyntax> = {
  'text/turtle': 'ttl', 'application/n-triples': 'nt', 'application/n-quads': 'nq', 'application/ld+json': 'jsonld', 'application/rdf+xml': 'rdf',
};
const N3_FORMAT = { ttl: 'Turtle', nt: 'N-Triples', nq: 'N-Quads' } as const;

// RDF/XML cannot be parsed without a base; documents that need none get this one.
const NO_BASE = 'http://example.invalid/';

/** The syntax key (ttl, nt, nq, jsonld, rdf) of a media type or file name, or undefined when it is not RDF. */
export function rdfSyntax(typeOrFile: string): RdfSyntax | undefined {
  const type = typeOrFile.split(';')[0]!.trim();
  if (SYNTAX[type]) return SYNTAX[type];
  return /\.(ttl|nt|nq|jsonld|rdf)$/.exec(typeOrFile)?.[1] as RdfSyntax | undefined;
}

/** A term as jsonld and rdflib hand it out (plain objects, not n3 terms). */
type Plain = { termType: string; value: string; language?: string; datatype?: { value: string } };

// The one jsonld/rdflib → n3 conversion; blank nodes take the document's prefix.
function term(t: Plain, prefix: string): Term {
  if (t.termType === 'NamedNode') return namedNode(t.value);
  if (t.termType === 'BlankNode') return blankNode(`${prefix}${t.value.replace(/^_:/, '')}`);
  if (t.termType === 'Literal') return literal(t.value, t.language || namedNode(t.datatype!.value));
  return defaultGraph();
}

// A refusing loader: a JSON-LD document under test must carry its context inline, so any fetch fails the test.
const noRemote = async (url: string): Promise<never> => { throw new Error(`remote context fetched: ${url}`); };

let documents = 0;

/**
 * Parses RDF text with a real parser (n3 for Turtle/N-Triples/N-Quads, jsonld.js, rdflib for RDF/XML), throwing on any
 * syntax error. Graph names are kept for N-Quads and JSON-LD; blank nodes get a per-document prefix so two documents
 * never share one by accident.
 */
export async function parse(text: string, format: RdfSyntax, base?: string): Promise<Quad[]> {
  const prefix = `d${documents++}_`;
  switch (format) {
    case 'ttl': case 'nt': case 'nq':
      return new Parser({ format: N3_FORMAT[format], baseIRI: base, blankNodePrefix: prefix }).parse(text);
    case 'jsonld': {
      const options = { ...(base === undefined ? {} : { base }), documentLoader: noRemote } as jsonld.Options.ToRdf;
      const rdf = (await jsonld.toRDF(JSON.parse(text), options)) as unknown as { subject: Plain; predicate: Plain; object: Plain; graph: Plain }[];
      return rdf.map((q) => quad(term(q.subject, prefix) as never, term(q.predicate, prefix) as never, term(q.object, prefix) as never, term(q.graph, prefix) as never));
    }
    case 'rdf': {
      const store = $rdf.graph();
      $rdf.parse(text, store, base ?? NO_BASE, 'application/rdf+xml');
      return store.statements.map((s) => quad(term(s.subject as Plain, prefix) as never, term(s.predicate as Plain, prefix) as never, term(s.object as Plain, prefix) as never));
    }
    default: throw new Error(`no parser for ${String(format)}`);
  }
}

/** Drops exact duplicates (a graph is a set). */
export function unique(quads: Quad[]): Quad[] {
  const key = (q: Quad) => `${termToId(q.subject)} ${termToId(q.predicate)} ${termToId(q.object)} ${termToId(q.graph)}`;
  return [...new Map(quads.map((q) => [key(q), q])).values()];
}

/** The same quads without their graph names, each triple once. */
export function triplesOf(quads: Quad[]): Quad[] {
  return unique(quads.map((q) => quad(q.subject, q.predicate, q.object, defaultGraph())));
}

/** Isomorphism of two quad lists taken as sets (duplicates on either side do not count). */
export function isomorphic(a: Quad[], b: Quad[]): boolean {
  return isomorphicQuads(unique(a), unique(b));
}
