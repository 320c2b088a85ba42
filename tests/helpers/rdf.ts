// Test helpers: parse an HTTP answer in any of our RDF syntaxes with a real parser, into n3 quads.
import { DataFactory, Parser, type Quad } from 'n3';
import jsonld from 'jsonld';
import * as $rdf from 'rdflib';

const { namedNode, blankNode, literal, quad, defaultGraph } = DataFactory;

/** Parses Turtle or N-Triples with n3 (throws on any syntax error). */
export function parseN3(text: string, format: 'Turtle' | 'N-Triples' | 'N-Quads', baseIRI?: string): Quad[] {
  return new Parser({ format, baseIRI }).parse(text);
}

/** Parses JSON-LD with jsonld.js (no remote contexts: a fetch attempt fails the test). */
export async function parseJsonLd(text: string): Promise<Quad[]> {
  const nquads = (await jsonld.toRDF(JSON.parse(text), {
    format: 'application/n-quads',
    documentLoader: async (url: string) => { throw new Error(`remote context fetched: ${url}`); },
  } as unknown as jsonld.Options.ToRdf)) as unknown as string;
  return parseN3(nquads, 'N-Quads');
}

/** Parses RDF/XML with rdflib and converts its statements to n3 quads in the default graph. */
export function parseRdfXml(text: string, base: string): Quad[] {
  const g = $rdf.graph();
  $rdf.parse(text, g, base, 'application/rdf+xml');
  const term = (t: { termType: string; value: string; language?: string; datatype?: { value: string } }) => {
    if (t.termType === 'NamedNode') return namedNode(t.value);
    if (t.termType === 'BlankNode') return blankNode(t.value);
    return literal(t.value, t.language || namedNode(t.datatype!.value));
  };
  return g.statements.map((s) => quad(term(s.subject) as never, term(s.predicate) as never, term(s.object) as never, defaultGraph()));
}

/** Parses a body by its extension. */
export async function parseAs(ext: 'ttl' | 'nt' | 'jsonld' | 'rdf', text: string, base: string): Promise<Quad[]> {
  if (ext === 'ttl') return parseN3(text, 'Turtle', base);
  if (ext === 'nt') return parseN3(text, 'N-Triples');
  if (ext === 'jsonld') return parseJsonLd(text);
  return parseRdfXml(text, base);
}
