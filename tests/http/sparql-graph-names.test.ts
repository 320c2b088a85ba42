// The dataset's graphs through /sparql: GRAPH over an empty group lists the named graphs (rdflib's contexts() asks so), and the default graph is the RDF merge, a triple of two graphs counted once.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { copyDist, miniQuads, testApp } from '../helpers/app.ts';
import { parseResults } from '../w3c/results.ts';

const B = 'http://localhost:8080/';
const SEED = `${B}id/thesis/1.0449833`;
const TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
// A triple the seed's record graph states, stated again in the dataset graph.
const TWICE = `<${SEED}> <${TYPE}> <http://schema.org/Thesis> <${B}graph/dataset> .\n`;

const quads = await miniQuads();
const graphNames = [...new Set(quads.map((q) => q.graph.value))].sort();
const distinctTriples = new Set(quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.id ?? q.object.value}`)).size;

let app: FastifyInstance;
beforeAll(async () => {
  const dist = await copyDist('graph-names');
  await appendFile(path.join(dist, 'dumps', 'dataset.nq'), TWICE);
  app = await testApp({ distDir: dist });
});
afterAll(async () => { await app.close(); });

async function column(query: string, variable: string, params: Record<string, string[]> = {}): Promise<string[]> {
  const search = new URLSearchParams({ query });
  for (const [k, vs] of Object.entries(params)) for (const v of vs) search.append(k, v);
  const res = await app.inject({ url: `/sparql?${search}`, headers: { accept: 'application/sparql-results+json' } });
  expect(res.statusCode, res.body).toBe(200);
  const { rows } = parseResults(res.headers['content-type'] as string, res.body) as { rows: Map<string, { value: string }>[] };
  return rows.map((r) => r.get(variable)?.value ?? '(unbound)');
}

describe('GRAPH over a group without triple patterns', () => {
  it('SELECT ?g WHERE { GRAPH ?g {} } lists every named graph once', async () => {
    expect((await column('SELECT ?g WHERE { GRAPH ?g {} }', 'g')).sort()).toEqual(graphNames);
  });

  it('GRAPH <g> {} gives one empty row when the dataset has g, none when it does not', async () => {
    expect(await column(`SELECT (1 AS ?one) WHERE { GRAPH <${B}graph/dataset> {} }`, 'one')).toEqual(['1']);
    expect(await column('SELECT (1 AS ?one) WHERE { GRAPH <http://example.org/no-such-graph> {} }', 'one')).toEqual([]);
  });

  it('follows the dataset: FROM NAMED, the protocol named-graph-uri, and FROM without FROM NAMED (no named graphs)', async () => {
    expect(await column(`SELECT ?g FROM NAMED <${B}graph/dataset> FROM NAMED <http://example.org/absent> WHERE { GRAPH ?g {} }`, 'g')).toEqual([`${B}graph/dataset`]);
    expect(await column('SELECT ?g WHERE { GRAPH ?g {} }', 'g', { 'named-graph-uri': [`${B}graph/ontology`] })).toEqual([`${B}graph/ontology`]);
    expect(await column(`SELECT ?g FROM <${B}graph/dataset> WHERE { GRAPH ?g {} }`, 'g')).toEqual([]);
  });

  it('joins with the rest of the query, keeps ?g out of scope inside, and leaves GRAPH with triple patterns to the engine', async () => {
    expect(await column(`SELECT ?g WHERE { GRAPH ?g {} FILTER(STRENDS(STR(?g), "/dataset")) }`, 'g')).toEqual([`${B}graph/dataset`]);
    expect(await column(`SELECT ?g WHERE { VALUES ?g { <${B}graph/ontology> <http://example.org/x> } GRAPH ?g {} }`, 'g')).toEqual([`${B}graph/ontology`]);
    // Inside, ?g is not bound yet: the FILTER sees it unbound, so no graph passes (SPARQL 1.1 §18.6, graph-variable-scope).
    expect(await column('SELECT ?g WHERE { GRAPH ?g { FILTER(BOUND(?g)) } }', 'g')).toEqual([]);
    expect((await column('SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }', 'g')).sort()).toEqual(graphNames);
  });
});

describe('the default graph is the RDF merge of the named graphs', () => {
  it(`COUNT(*) over ?s ?p ?o counts distinct triples (${distinctTriples}), a triple stated in two graphs once; GRAPH ?g sees it twice`, async () => {
    expect(distinctTriples).toBe(quads.length); // dist-mini itself states no triple twice: the appended one is the only repeat
    expect(await column('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', 'n')).toEqual([String(distinctTriples)]);
    expect(await column(`SELECT (COUNT(*) AS ?n) WHERE { <${SEED}> a ?t }`, 'n')).toEqual(['2']);
    expect(await column('SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }', 'n')).toEqual([String(quads.length + 1)]);
  });
});
