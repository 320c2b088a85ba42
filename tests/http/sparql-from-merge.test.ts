// A dataset of several FROMs (or default-graph-uri parameters) through /sparql: its default graph is the RDF merge of those graphs, a triple two of them state counted once.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { copyDist, miniQuads, testApp } from '../helpers/app.ts';
import { parseResults } from '../w3c/results.ts';

const B = 'http://localhost:8080/';
const SEED = `${B}id/thesis/1.0449833`;
const G1 = `${B}graph/thesis/1.0449833`;
const G2 = `${B}graph/thesis/1.0000001`;
const TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
// A triple the seed's record graph states, stated again in the other record graph.
const TWICE = `<${SEED}> <${TYPE}> <http://schema.org/Thesis> <${G2}> .\n`;

const quads = await miniQuads();
const key = (q: (typeof quads)[number]) => `${q.subject.value} ${q.predicate.value} ${q.object.id ?? q.object.value}`;
const inGraph = (g: string) => quads.filter((q) => q.graph.value === g);
const g1 = inGraph(G1);
const g2 = inGraph(G2);
// The merge of both record graphs once the repeat is appended: every triple of either, each once.
const merged = new Set([...g1, ...g2].map(key)).size;

let app: FastifyInstance;
beforeAll(async () => {
  const dist = await copyDist('from-merge');
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

const COUNT = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
const fromBoth = (where: string) => `SELECT (COUNT(*) AS ?n) FROM <${G1}> FROM <${G2}> WHERE { ${where} }`;

describe('the default graph of several FROMs is their RDF merge', () => {
  it('the fixture: the repeat is in both record graphs, and nothing else is', () => {
    expect(g1.some((q) => key(q) === `${SEED} ${TYPE} http://schema.org/Thesis`)).toBe(true);
    expect(merged).toBe(g1.length + g2.length); // before the appended repeat, the two graphs share no triple
  });

  it(`FROM <g1> FROM <g2>: COUNT(*) is the distinct count (${merged}), the repeat once`, async () => {
    expect(await column(fromBoth('?s ?p ?o'), 'n')).toEqual([String(merged)]);
    expect(await column(fromBoth(`<${SEED}> a ?t`), 'n')).toEqual([String(g1.filter((q) => q.subject.value === SEED && q.predicate.value === TYPE).length)]);
  });

  it('two default-graph-uri parameters give the same merge', async () => {
    expect(await column(COUNT, 'n', { 'default-graph-uri': [G1, G2] })).toEqual([String(merged)]);
  });

  it('a triple in only one of the graphs still counts, and each graph alone keeps its own count', async () => {
    const title = 'http://purl.org/dc/terms/title';
    const titles = [...g1, ...g2].filter((q) => q.predicate.value === title).length;
    expect(titles).toBeGreaterThan(0);
    expect(await column(fromBoth(`?s <${title}> ?o`), 'n')).toEqual([String(titles)]);
    expect(await column(`SELECT (COUNT(*) AS ?n) FROM <${G2}> WHERE { ?s ?p ?o }`, 'n')).toEqual([String(g2.length + 1)]);
    expect(await column(`SELECT (COUNT(*) AS ?n) FROM <${G1}> FROM <${G1}> WHERE { ?s ?p ?o }`, 'n')).toEqual([String(g1.length)]);
    expect(await column(`SELECT (COUNT(*) AS ?n) FROM <${G1}> FROM <http://example.org/absent> WHERE { ?s ?p ?o }`, 'n')).toEqual([String(g1.length)]);
  });

  it('patterns join over the merge: each solution once, though the repeat is in both graphs', async () => {
    const triples = new Map([...g1, ...g2].map((q) => [key(q), q]));
    triples.set(`${SEED} ${TYPE} http://schema.org/Thesis`, g1.find((q) => q.subject.value === SEED)!);
    const theses = new Set([...triples.keys()].filter((k) => k.endsWith(` ${TYPE} http://schema.org/Thesis`)).map((k) => k.split(' ')[0]));
    const expected = [...triples.values()].filter((q) => theses.has(q.subject.value)).length;
    expect(theses.size).toBeGreaterThan(0);
    expect(await column(fromBoth('?s a <http://schema.org/Thesis> . ?s ?p ?o'), 'n')).toEqual([String(expected)]);
    // A graph of the merge without a match, first or between the others, is passed over.
    const both = await column(fromBoth('?s a <http://schema.org/Thesis>'), 'n');
    expect(both).toEqual([String(theses.size)]);
    for (const order of [[`${B}graph/ontology`, G1, G2], [G1, `${B}graph/ontology`, G2]]) {
      expect(await column(`SELECT (COUNT(*) AS ?n) ${order.map((g) => `FROM <${g}>`).join(' ')} WHERE { ?s a <http://schema.org/Thesis> }`, 'n')).toEqual(both);
    }
    const rows = await column(`SELECT ?t FROM <${G1}> FROM <${G2}> WHERE { <${SEED}> a ?t }`, 't');
    expect(rows.length).toBe(new Set(rows).size);
  });

  it('FROM NAMED and GRAPH keep their meaning: GRAPH ?g still sees the repeat in each graph', async () => {
    expect(await column(`SELECT (COUNT(*) AS ?n) FROM NAMED <${G1}> FROM NAMED <${G2}> WHERE { GRAPH ?g { ?s ?p ?o } }`, 'n')).toEqual([String(g1.length + g2.length + 1)]);
    expect(await column(`SELECT (COUNT(*) AS ?n) FROM <${G1}> FROM <${G2}> FROM NAMED <${G2}> WHERE { GRAPH ?g { ?s ?p ?o } }`, 'n')).toEqual([String(g2.length + 1)]);
    expect(await column(`SELECT ?g FROM <${G1}> FROM <${G2}> WHERE { GRAPH ?g { ?s ?p ?o } }`, 'g')).toEqual([]);
  });
});
