// The runner of the W3C SPARQL query evaluation suites (1.0 and 1.1) through HTTP: each test's data are graphs of one store, chosen per query by the protocol dataset or the query's own FROM.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DataFactory, type Quad } from 'n3';
import sparqljs from 'sparqljs';
import { MF, QT, suiteManifests } from './manifest.ts';
import { distOf, sparqlOnlyApp } from './server.ts';
import { diffResults, parseResults, sameResults, tieRuns, type Compare } from './results.ts';
import { readExpected } from './expected.ts';
import type { KnownFailure } from './known-failures.ts';
import { isomorphic, parse, rdfSyntax } from '../helpers/rdf.ts';

// An IRI no graph of the store has: the protocol dataset of a test without data (its default graph is empty).
const EMPTY_GRAPH = 'urn:x-thesis-lod:empty';
const LAX = `${MF}LaxCardinality`;

/** One entry of a manifest, as the runner needs it. */
interface EvalTest {
  folder: string;
  name: string;
  type: string;
  query: string;
  data: string[];
  graphData: string[];
  /** The graphs the query names itself (FROM, FROM NAMED: loaded as graphs of the store like the data), and its ORDER BY. */
  shape: QueryShape;
  result?: string;
  /** mf:resultCardinality mf:LaxCardinality (REDUCED): a row may come fewer times than expected, never more, never not at all. */
  lax: boolean;
}

/** How one suite is run and reported. */
export interface SuiteOptions {
  /** '1.0' or '1.1': in the titles and the summary line. */
  version: string;
  /** The folder under ../shared/standards. */
  folder: string;
  /** The suite has more tests than this (a manifest read wrong finds fewer). */
  minTests: number;
  /**
   * 'by-term': numbers must match as terms, lexical form included. 'by-value-reported': a result whose numbers
   * match only by value ("3" where the engine writes "3.0", both xsd:decimal) passes, and is reported apart.
   */
  numbers: 'by-term' | 'by-value-reported';
  /** Check the order of the rows where the query has ORDER BY and the expected result gives one. */
  order: boolean;
  /** Tests this endpoint fails, by label (`folder: name`), each with its reason. */
  knownFailures: Record<string, KnownFailure>;
}

const EXPECTED_TYPES: Record<string, string> = { srj: 'application/sparql-results+json', srx: 'application/sparql-results+xml', csv: 'text/csv', tsv: 'text/tab-separated-values' };

/** The query text as sent: relative IRIs in it (FROM <data.ttl>) resolve against its own file, as the suite assumes. */
async function queryText(file: string): Promise<string> {
  const query = await readFile(fileURLToPath(file), 'utf8');
  return /^\s*BASE\b/im.test(query) ? query : `BASE <${file}>\n${query}`;
}

/** What the runner reads from a query: the graphs it names itself, and its ORDER BY keys (a variable's name, or undefined for an expression). */
interface QueryShape {
  from: string[];
  order?: (string | undefined)[];
}

// A query's tokens that may hide the words FROM and ORDER BY: strings and comments (IRIs are kept, FROM names one).
const TOKENS = /"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|#[^\n]*|[^"'<#]+|[\s\S]/g;

/**
 * Reads a query's FROM graphs and ORDER BY with sparqljs; a query sparqljs cannot read (it throws on some valid
 * ones, SPARQL.js#164) is read word by word, its ORDER BY then taken as one expression (the order checked row by row).
 */
function queryShape(query: string, base: string): QueryShape {
  try {
    const parsed = new sparqljs.Parser().parse(query) as { from?: { default: { value: string }[]; named: { value: string }[] }; order?: { expression: { termType?: string; value?: string } }[] };
    return {
      from: parsed.from ? [...parsed.from.default, ...parsed.from.named].map((g) => g.value) : [],
      order: parsed.order?.map((o) => (o.expression.termType === 'Variable' ? o.expression.value : undefined)),
    };
  } catch {
    const text = (query.match(TOKENS) ?? []).filter((t) => !/^["'#]/.test(t)).join(' ');
    const from = [...text.matchAll(/\bFROM\s+(?:NAMED\s+)?<([^>]*)>/gi)].map((m) => new URL(m[1]!, base).href);
    return { from, order: /\bORDER\s+BY\b/i.test(text) ? [undefined] : undefined };
  }
}

async function readTests(root: string): Promise<EvalTest[]> {
  const out: EvalTest[] = [];
  for (const { file, manifest: m } of await suiteManifests(root)) {
    const folder = path.relative(root, path.dirname(file)) || path.basename(root);
    for (const entry of m.entries()) {
      const type = m.typeOf(entry);
      const action = m.one(entry, `${MF}action`)!;
      const syntaxTest = type.includes('SyntaxTest');
      const files = (p: string) => m.all(action, `${QT}${p}`).map((t) => t.value);
      const query = syntaxTest ? action.value : m.one(action, `${QT}query`)!.value;
      out.push({
        folder, type, name: m.one(entry, `${MF}name`)?.value ?? entry.value, query,
        data: syntaxTest ? [] : files('data'),
        graphData: syntaxTest ? [] : files('graphData'),
        shape: syntaxTest ? { from: [] } : queryShape(await queryText(query), query),
        result: m.one(entry, `${MF}result`)?.value,
        lax: m.one(entry, `${MF}resultCardinality`)?.value === LAX,
      });
    }
  }
  return out;
}

/** Every data file of the suite, each as the named graph its file URL names (a file used as default graph too is simply chosen by default-graph-uri). */
async function suiteQuads(tests: EvalTest[]): Promise<Quad[]> {
  const files = new Set(tests.flatMap((t) => [...t.data, ...t.graphData, ...t.shape.from]));
  const quads: Quad[] = [];
  for (const file of files) {
    const triples = await parse(await readFile(fileURLToPath(file), 'utf8'), rdfSyntax(file)!, file);
    quads.push(...triples.map((t) => DataFactory.quad(t.subject, t.predicate, t.object, DataFactory.namedNode(file))));
  }
  return quads;
}

/** What one run found: `failure` says why it fails; `ordered` when the order of the rows was checked; `byValue` when the rows match only with numbers compared by value. */
interface Outcome {
  failure?: string;
  ordered?: boolean;
  byValue?: boolean;
}

/** Runs one test through POST application/sparql-query and checks the answer as `options` say. */
async function runTest(app: FastifyInstance, t: EvalTest, options: SuiteOptions): Promise<Outcome> {
  const query = await queryText(t.query);
  if (t.type.startsWith('Negative')) {
    const res = await app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query' }, payload: query });
    return res.statusCode === 400 ? {} : { failure: `a syntax error must answer 400, got ${res.statusCode}` };
  }
  // A query with its own FROM keeps it; otherwise the protocol dataset gives the test's default and named graphs.
  const params = new URLSearchParams();
  if (t.shape.from.length === 0) {
    for (const g of t.data.length > 0 ? t.data : [EMPTY_GRAPH]) params.append('default-graph-uri', g);
    for (const g of t.graphData) params.append('named-graph-uri', g);
  }
  const expected = t.result ? await readExpected(t.result) : undefined;
  // Results are asked for in the expected file's own format, so each format is tested; an RDF result set is compared from JSON.
  const accept = expected && 'graph' in expected ? 'text/turtle' : EXPECTED_TYPES[path.extname(t.result ?? '').slice(1)] ?? 'application/sparql-results+json';
  const res = await app.inject({ method: 'POST', url: `/sparql?${params}`, headers: { 'content-type': 'application/sparql-query', accept }, payload: query });
  if (t.type.startsWith('Positive')) return res.statusCode === 200 ? {} : { failure: `a valid query must answer 200, got ${res.statusCode}: ${res.body.slice(0, 300)}` };
  if (res.statusCode !== 200) return { failure: `status ${res.statusCode}: ${res.body.slice(0, 300)}` };
  const type = String(res.headers['content-type']).split(';')[0]!;
  if (!expected) return { failure: 'the manifest gives no expected result' };
  if ('graph' in expected) {
    const got = await parse(res.body, rdfSyntax(type)!, t.query);
    return isomorphic(expected.graph, got) ? {} : { failure: `graph not isomorphic to ${path.basename(t.result!)}:\n${res.body.slice(0, 600)}` };
  }
  const got = parseResults(type, res.body);
  const compare: Compare = { lax: t.lax };
  // ORDER BY fixes the order up to ties: runs of rows equal on the keys when every key is a projected variable, else none.
  const order = t.shape.order;
  if (options.order && order && expected.ordered && 'rows' in expected) {
    const keys = order.every((k) => k !== undefined && expected.vars.includes(k)) ? order as string[] : undefined;
    compare.ties = tieRuns(expected.rows, keys);
  }
  const ordered = compare.ties !== undefined;
  if (sameResults(expected, got, compare)) return { ordered };
  const byValue = sameResults(expected, got, { ...compare, numericByValue: true });
  if (byValue && options.numbers === 'by-value-reported') return { ordered, byValue };
  const note = byValue ? ' (they match if numbers are compared by value, not by lexical form)' : '';
  return { byValue, failure: `results differ from ${path.basename(t.result!)}${note}:\n${diffResults(expected, got, compare)}` };
}

/** Defines the suite's tests (read at collection time, so each is named after its manifest entry), skipped when its folder is absent. */
export async function describeEvalSuite(options: SuiteOptions): Promise<void> {
  const root = path.resolve('../shared/standards', options.folder);
  const present = existsSync(root);
  const tests = present ? await readTests(root) : [];
  const labels = tests.map((t) => `${t.folder}: ${t.name}`);

  describe.skipIf(!present)(`W3C SPARQL ${options.version} evaluation tests through HTTP (skipped when ../shared/standards/${options.folder} is absent)`, () => {
    let app: FastifyInstance;
    const outcome = new Map<string, { folder: string; ok: boolean }>();
    const byValue = new Set<string>();
    let ordered = 0;
    let lax = 0;

    beforeAll(async () => {
      app = await sparqlOnlyApp(await distOf(await suiteQuads(tests)), { maxConcurrentQueries: 8 });
    });
    afterAll(async () => {
      await app?.close();
      const folders = [...new Set(tests.map((t) => t.folder))];
      const width = Math.max(20, ...folders.map((f) => f.length + 2));
      const lines = folders.map((f) => {
        const all = [...outcome.values()].filter((o) => o.folder === f);
        return `  ${f.padEnd(width)} ${all.filter((o) => o.ok).length}/${all.length}`;
      });
      const total = [...outcome.values()];
      const notes = options.numbers === 'by-value-reported'
        ? `${byValue.size} of them with numbers equal by value, not lexical form: ${[...byValue].join('; ')}`
        : `numbers compared by term; ${ordered} of them in ORDER BY order, ${lax} with REDUCED's lax cardinality`;
      console.log(`W3C SPARQL ${options.version} eval through HTTP: ${total.filter((o) => o.ok).length}/${total.length} passed (${notes})\n${lines.join('\n')}`);
    });

    it('found the suite', () => {
      expect(tests.length).toBeGreaterThan(options.minTests);
      expect(new Set(labels).size, 'two tests share a label').toBe(labels.length);
    });

    it('lists as known failures only tests of the suite', () => {
      expect(Object.keys(options.knownFailures).filter((label) => !labels.includes(label))).toEqual([]);
    });

    it.each(tests.map((t, i) => [labels[i]!, t] as const))('%s', async (label, t) => {
      const result = await runTest(app, t, options);
      const ok = result.failure === undefined;
      outcome.set(label, { folder: t.folder, ok });
      if (ok && result.byValue) byValue.add(t.name);
      if (ok && result.ordered) ordered++;
      if (ok && t.lax) lax++;
      const known = options.knownFailures[label];
      if (known) {
        // A known failure that starts passing must be taken off the list, so the list stays true.
        expect(result.failure, `${label} passes now: remove it from known-failures.ts`).toBeDefined();
        // One that fails only on how numbers are written must still get every value right.
        if (known.byValue) expect(result.byValue, `${label} no longer matches even with numbers compared by value:\n${result.failure}`).toBe(true);
        return;
      }
      expect(result.failure).toBeUndefined();
    });
  });
}
