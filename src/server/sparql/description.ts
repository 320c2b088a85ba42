// The SPARQL 1.1 Service Description of the endpoint (sd:), built with the n3 DataFactory and written in each RDF syntax.
import { DataFactory, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import { Iris } from '../../core/iri.ts';
import { rdf, sd, formats, dcterms } from '../../core/vocab.ts';
import { chooseFormat, CONTENT_TYPES, type FormatWish, type GraphFormat } from './formats.ts';
import { writeGraph } from './graph-output.ts';
import type { QueryAnswer } from './execute.ts';

const { quad, blankNode, literal } = DataFactory;

// The W3C format identifier of each format the endpoint writes (sd:resultFormat).
const FORMAT_IDS = ['SPARQL_Results_JSON', 'SPARQL_Results_XML', 'SPARQL_Results_CSV', 'SPARQL_Results_TSV', 'Turtle', 'N-Triples', 'N-Quads', 'JSON-LD', 'RDF_XML'];

/** What the description states about the store: its named graphs. */
export interface StoreFacts {
  graphs: readonly string[];
}

/**
 * The description's triples: the endpoint, SPARQL 1.1 Query, the result formats, and the default dataset
 * (the default graph is the union of all graphs, sd:UnionDefaultGraph; each named graph is listed by name).
 */
export function serviceDescription(base: string, facts: StoreFacts): Quad[] {
  const iris = new Iris(base);
  const service = blankNode('service');
  const dataset = blankNode('dataset');
  const defaultGraph = blankNode('defaultGraph');
  const out: Quad[] = [];
  const add = (s: Quad_Subject, p: ReturnType<typeof sd>, o: Quad_Object) => out.push(quad(s, p, o));
  add(service, rdf('type'), sd('Service'));
  add(service, sd('endpoint'), iris.sparql());
  add(service, sd('supportedLanguage'), sd('SPARQL11Query'));
  add(service, sd('feature'), sd('UnionDefaultGraph'));
  for (const id of FORMAT_IDS) add(service, sd('resultFormat'), formats(id));
  add(service, dcterms('description'), literal('Read-only SPARQL 1.1 query endpoint: no update, no SERVICE; queries have a time limit and results a row and byte cap.', 'en'));
  add(service, sd('defaultDataset'), dataset);
  add(dataset, rdf('type'), sd('Dataset'));
  add(dataset, sd('defaultGraph'), defaultGraph);
  add(defaultGraph, rdf('type'), sd('Graph'));
  facts.graphs.forEach((name, i) => {
    const named = blankNode(`g${i}`);
    add(dataset, sd('namedGraph'), named);
    add(named, rdf('type'), sd('NamedGraph'));
    add(named, sd('name'), DataFactory.namedNode(name));
  });
  return out;
}

/** Answers a request for the description in the wished RDF syntax; the caller caches the answer per format. */
export async function describeService(base: string, facts: StoreFacts, wish: FormatWish): Promise<QueryAnswer> {
  const format = chooseFormat('graph', wish) as GraphFormat;
  const quads = serviceDescription(base, facts);
  const body = new TextEncoder().encode(await writeGraph(quads, format, base));
  return { kind: 'graph', format, contentType: CONTENT_TYPES[format], body, rows: quads.length, truncated: false };
}
