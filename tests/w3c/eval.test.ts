// The W3C SPARQL 1.1 query evaluation tests run through HTTP: each test's data are graphs of one store, chosen per query by the protocol dataset.
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DataFactory, Store, type Quad, type Term } from 'n3';
import sparqljs from 'sparqljs';
import { Manifest, MF, QT } from './manifest.ts';
import { distOf, sparqlOnlyApp } from './server.ts';
import { csvResults, diffResults, parseResults, parseXmlResults, parseJsonResults, sameResults, tsvResults, type Results } from './results.ts';
import { isomorphic, parse, rdfSyntax } from '../helpers/rdf.ts';
import { KNOWN_FAILURES } from './known-failures.ts';

const ROOT = path.resolve('../shared/standards/sparql11-eval');
const present = existsSync(ROOT);
// An IRI no graph of the store has: the protocol dataset of a test without data (its default graph is empty).
const EMPTY_GRAPH = 'urn:x-thesis-lod:empty';

interface EvalTest {
  folder: string;
  name: string;
  type: string;
  query: string;
  data: string[];
  graphData: string[];
  result?: string;
}

const EXPECTED_TYPES: Record<string, string> = { srj: 'application/sparql-results+json', srx: 'application/sparql-results+xml', csv: 'text/csv', tsv: 'text/tab-separated-values' };

async function readTests(): Promise<EvalTest[]> {
  const out: EvalTest[] = [];
  for (const folder of readdirSync(ROOT).filter((f) => existsSync(path.join(ROOT, f, 'manifest.ttl'))).sort()) {
    const m = await Manifest.load(path.join(ROOT, folder, 'manifest.ttl'));
    for (const entry of m.entries()) {
      const type = m.typeOf(entry);
      const action = m.one(entry, `${MF}action`)!;
      const syntaxTest = type.includes('SyntaxTest');
      const files = (p: string) => m.all(action, `${QT}${p}`).map((t) => t.value);
      out.push({
        folder, type, name: m.one(entry, `${MF}name`)?.value ?? entry.value,
        query: syntaxTest ? action.value : m.one(action, `${QT}query`)!.value,
        data: syntaxTest ? [] : files('data'),
        graphData: syntaxTest ? [] : files('graphData'),
        result: m.one(entry, `${MF}result`)?.value,
      });
    }
  }
  return out;
}

const tests = present ? await readTests() : [];
// Tests whose numbers match by value only ("3" where the engine writes "3.0", both xsd:decimal): passed, and reported apart.
const byValue = new Set<string>();

/** Every data file of the suite, each as the named graph its file URL names (a file used as default graph too is simply chosen by default-graph-uri). */
async function suiteQuads(): Promise<Quad[]> {
  const files = new Set(tests.flatMap((t) => [...t.data, ...t.graphData]));
  const quads: Quad[] = [];
  for (const file of files) {
    const triples = await parse(await readFile(fileURLToPath(file), 'utf8'), rdfSyntax(file)!, file);
    quads.push(...triples.map((t) => DataFactory.quad(t.subject, t.predicate, t.object, DataFactory.namedNode(file))));
  }
  return quads;
}

const RS = 'http://www.w3.org/2001/sw/DataAccess/tests/result-set#';

/** A result set written in RDF (the DAWG rs: vocabulary), as a table; undefined when the graph holds none. */
function resultSetOf(quads: Quad[]): Results | undefined {
  const store = new Store(quads);
  const rs = (local: string) => DataFactory.namedNode(`${RS}${local}`);
  const set = store.getSubjects(DataFactory.namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), rs('ResultSet'), null)[0];
  if (!set) return undefined;
  const boolean = store.getObjects(set, rs('boolean'), null)[0];
  if (boolean) return { boolean: boolean.value === 'true' };
  const vars = store.getObjects(set, rs('resultVariable'), null).map((v) => v.value);
  const rows = store.getObjects(set, rs('solution'), null).map((solution) => new Map(store.getObjects(solution, rs('binding'), null).map((b) => [
    store.getObjects(b, rs('variable'), null)[0]!.value, store.getObjects(b, rs('value'), null)[0]!,
  ] as [string, Term])));
  return { vars, rows };
}

/** The expected result: a table or boolean (.srx, .srj, .csv, .tsv, or an rs:ResultSet in Turtle), or a graph. */
async function readExpected(file: string): Promise<Results | { graph: Quad[] }> {
  const text = await readFile(fileURLToPath(file), 'utf8');
  const ext = path.extname(file).slice(1);
  if (ext === 'srj') return parseJsonResults(text);
  if (ext === 'srx') return parseXmlResults(text);
  if (ext === 'csv') return csvResults(text);
  if (ext === 'tsv') return tsvResults(text);
  const graph = await parse(text, rdfSyntax(file)!, file);
  return resultSetOf(graph) ?? { graph };
}

/** Runs one test through POST application/sparql-query; returns undefined when it passes, else why not. */
async function runTest(app: FastifyInstance, t: EvalTest): Promise<string | undefined> {
  let query = await readFile(fileURLToPath(t.query), 'utf8');
  // Relative IRIs in the query (FROM <data.ttl>) resolve against its own file, as the suite assumes.
  if (!/^\s*BASE\b/im.test(query)) query = `BASE <${t.query}>\n${query}`;
  if (t.type.startsWith('Negative')) {
    const res = await app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query' }, payload: query });
    return res.statusCode === 400 ? undefined : `a syntax error must answer 400, got ${res.statusCode}`;
  }
  // A query with its own FROM keeps it; otherwise the protocol dataset gives the test's default and named graphs.
  const ownDataset = Boolean((new sparqljs.Parser().parse(query) as { from?: unknown }).from);
  const params = new URLSearchParams();
  if (!ownDataset) {
    for (const g of t.data.length > 0 ? t.data : [EMPTY_GRAPH]) params.append('default-graph-uri', g);
    for (const g of t.graphData) params.append('named-graph-uri', g);
  }
  const expected = t.result ? await readExpected(t.result) : undefined;
  // Results are asked for in the expected file's own format, so each format is tested; an RDF result set is compared from JSON.
  const accept = expected && 'graph' in expected ? 'text/turtle' : EXPECTED_TYPES[path.extname(t.result ?? '').slice(1)] ?? 'application/sparql-results+json';
  const res = await app.inject({ method: 'POST', url: `/sparql?${params}`, headers: { 'content-type': 'application/sparql-query', accept }, payload: query });
  if (t.type.startsWith('Positive')) return res.statusCode === 200 ? undefined : `a valid query must answer 200, got ${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (res.statusCode !== 200) return `status ${res.statusCode}: ${res.body.slice(0, 300)}`;
  const type = String(res.headers['content-type']).split(';')[0]!;
  if (!expected) return 'the manifest gives no expected result';
  if ('graph' in expected) {
    const got = await parse(res.body, rdfSyntax(type)!, t.query);
    return isomorphic(expected.graph, got) ? undefined : `graph not isomorphic to ${path.basename(t.result!)}:\n${res.body.slice(0, 600)}`;
  }
  const got = parseResults(type, res.body);
  if (sameResults(expected, got)) return undefined;
  if (sameResults(expected, got, { numericByValue: true })) {
    byValue.add(t.name);
    return undefined;
  }
  return `results differ from ${path.basename(t.result!)}:\n${diffResults(expected, got)}`;
}

describe.skipIf(!present)('W3C SPARQL 1.1 evaluation tests through HTTP (skipped when ../shared/standards/sparql11-eval is absent)', () => {
  let app: FastifyInstance;
  const outcome = new Map<string, { folder: string; ok: boolean }>();

  beforeAll(async () => {
    app = await sparqlOnlyApp(await distOf(await suiteQuads()), { maxConcurrentQueries: 8 });
  });
  afterAll(async () => {
    await app?.close();
    const folders = [...new Set(tests.map((t) => t.folder))];
    const lines = folders.map((f) => {
      const all = [...outcome.values()].filter((o) => o.folder === f);
      return `  ${f.padEnd(20)} ${all.filter((o) => o.ok).length}/${all.length}`;
    });
    const total = [...outcome.values()];
    console.log(`W3C SPARQL 1.1 eval through HTTP: ${total.filter((o) => o.ok).length}/${total.length} passed (${byValue.size} of them with numbers equal by value, not lexical form: ${[...byValue].join('; ')})\n${lines.join('\n')}`);
  });

  it('found the suite', () => {
    expect(tests.length).toBeGreaterThan(200);
  });

  it.each(tests.map((t) => [`${t.folder}: ${t.name}`, t] as const))('%s', async (label, t) => {
    const failure = await runTest(app, t);
    outcome.set(label, { folder: t.folder, ok: failure === undefined });
    const known = KNOWN_FAILURES[label];
    if (known) {
      // A known failure that starts passing must be taken off the list, so the list stays true.
      expect(failure, `${label} passes now: remove it from known-failures.ts`).toBeDefined();
      return;
    }
    expect(failure).toBeUndefined();
  });
});


