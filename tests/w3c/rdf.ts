// Test helper: parses RDF text in any syntax the endpoint writes (n3, jsonld, rdflib) into n3 quads, and compares graphs by isomorphism.
import jsonld from 'jsonld';
import { DataFactory, Parser, type Quad, type Term } from 'n3';
import * as $rdf from 'rdflib';
import { isomorphic } from 'rdf-isomorphic';

const { quad, namedNode, blankNode, literal, defaultGraph } = DataFactory;

type Plain = { termType: string; value: string; language?: string; datatype?: { value: string } };

function term(t: Plain, prefix: string): Term {
  if (t.termType === 'NamedNode') return namedNode(t.value);
  if (t.termType === 'BlankNode') return blankNode(`${prefix}${t.value.replace(/^_:/, '')}`);
  if (t.termType === 'Literal') return literal(t.value, t.language || namedNode(t.datatype!.value));
  return defaultGraph();
}

const SYNTAX: Record<string, string> = {
  'text/turtle': 'ttl', 'application/n-triples': 'nt', 'application/n-quads': 'nq', 'application/ld+json': 'jsonld', 'application/rdf+xml': 'rdf',
};

/** The syntax key (ttl, nt, nq, jsonld, rdf) of a media type or file name, or undefined when it is not RDF. */
export function rdfSyntax(typeOrFile: string): string | undefined {
  const type = typeOrFile.split(';')[0]!.trim();
  if (SYNTAX[type]) return SYNTAX[type];
  return /\.(ttl|nt|nq|jsonld|rdf)$/.exec(typeOrFile)?.[1];
}

let documents = 0;

/** Parses RDF text; blank nodes get a per-document prefix so two documents never share one by accident. */
export async function parseRdf(syntax: string, text: string, base: string): Promise<Quad[]> {
  const prefix = `d${documents++}_`;
  switch (syntax) {
    case 'ttl': return new Parser({ format: 'Turtle', baseIRI: base, blankNodePrefix: prefix }).parse(text);
    case 'nt': return new Parser({ format: 'N-Triples', blankNodePrefix: prefix }).parse(text);
    case 'nq': return new Parser({ format: 'N-Quads', blankNodePrefix: prefix }).parse(text);
    case 'jsonld': {
      const noRemote = async (url: string): Promise<never> => { throw new Error(`remote context ${url}`); };
      const rdf = (await jsonld.toRDF(JSON.parse(text), { base, documentLoader: noRemote } as jsonld.Options.ToRdf)) as unknown as { subject: Plain; predicate: Plain; object: Plain; graph: Plain }[];
      return rdf.map((q) => quad(term(q.subject, prefix) as never, term(q.predicate, prefix) as never, term(q.object, prefix) as never, term(q.graph, prefix) as never));
    }
    case 'rdf': {
      const store = $rdf.graph();
      $rdf.parse(text, store, base, 'application/rdf+xml');
      return store.statements.map((s) => quad(term(s.subject as Plain, prefix) as never, term(s.predicate as Plain, prefix) as never, term(s.object as Plain, prefix) as never));
    }
    default: throw new Error(`no parser for ${syntax}`);
  }
}

/** Isomorphism of two graphs taken as sets of triples. */
export function sameGraph(a: Quad[], b: Quad[]): boolean {
  const key = (q: Quad) => `${q.subject.termType}${q.subject.value} ${q.predicate.value} ${q.object.termType}${q.object.value}${q.object.termType === 'Literal' ? `@${q.object.language}^${q.object.datatype.value}` : ''} ${q.graph.value}`;
  const unique = (qs: Quad[]) => [...new Map(qs.map((q) => [key(q), q])).values()];
  return isomorphic(unique(a), unique(b));
}
