// The W3C SPARQL 1.1 Protocol manifest run through HTTP: query tests pass, update tests are refused (4xx) and change nothing.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DataFactory, Parser, type Quad, type Term } from 'n3';
import { Manifest, MF } from './manifest.ts';
import { distOf, sparqlOnlyApp } from './server.ts';
import { parseResults } from './results.ts';
import { parse, rdfSyntax } from '../helpers/rdf.ts';

const DIR = path.resolve('../shared/standards/sparql11-protocol');
const HT = 'http://www.w3.org/2011/http#';
const CNT = 'http://www.w3.org/2011/content#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const UT = 'http://www.w3.org/2009/sparql/tests/test-update#';
const present = existsSync(path.join(DIR, 'manifest.ttl'));
// Read at collection time so that each test is named after its manifest entry.
const m = present ? await Manifest.load(path.join(DIR, 'manifest.ttl')) : undefined;
const tests = m ? m.entries() : [];

interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  statuses: string[];
  boolean?: boolean;
  format?: string;
}

function readRequests(m: Manifest, test: Term): HttpRequest[] {
  const action = m.one(test, `${MF}action`)!;
  return m.list(m.one(action, `${HT}requests`)).map((req) => {
    const headers: Record<string, string> = {};
    for (const h of m.list(m.one(req, `${HT}headers`))) headers[m.one(h, `${HT}fieldName`)!.value.toLowerCase()] = m.one(h, `${HT}fieldValue`)!.value;
    const bodyNode = m.one(req, `${HT}body`);
    const chars = bodyNode && m.one(bodyNode, `${CNT}chars`)?.value;
    const encoding = bodyNode && m.one(bodyNode, `${CNT}characterEncoding`)?.value;
    const resp = m.one(req, `${HT}resp`)!;
    return {
      method: m.one(req, `${HT}methodName`)!.value,
      // Every path starts with /sparql/ (the manifest says to map it onto the endpoint's own).
      url: m.one(req, `${HT}absolutePath`)!.value.replace(/^\/sparql\/?/, '/sparql'),
      headers,
      body: chars === undefined ? undefined : Buffer.from(chars, encoding === 'UTF-16' ? 'utf16le' : 'utf8'),
      statuses: m.all(resp, `${MF}expectedStatus`).map((s) => s.value.replace(/^.*#StatusCode/, '')),
      boolean: m.one(resp, `${MF}expectedBoolean`) ? m.one(resp, `${MF}expectedBoolean`)!.value === 'true' : undefined,
      format: m.one(resp, `${MF}expectedFormat`)?.value,
    };
  });
}

const TABULAR = ['application/sparql-results+xml', 'application/sparql-results+json', 'text/csv', 'text/tab-separated-values'];
const BOOLEAN = ['application/sparql-results+xml', 'application/sparql-results+json'];

async function checkResponse(res: { statusCode: number; headers: Record<string, unknown>; body: string }, req: HttpRequest): Promise<void> {
  const type = String(res.headers['content-type'] ?? '').split(';')[0]!;
  if (req.format === 'boolean' || req.boolean !== undefined) expect(BOOLEAN).toContain(type);
  if (req.format === 'tabular') expect(TABULAR).toContain(type);
  if (req.boolean !== undefined) expect(parseResults(type, res.body)).toEqual({ boolean: req.boolean });
  if (req.format === 'tabular') expect(parseResults(type, res.body)).toHaveProperty('rows');
  if (req.format === 'RDF') {
    const syntax = rdfSyntax(type);
    expect(syntax, `an RDF media type, got ${type}`).toBeDefined();
    await expect(parse(res.body, syntax!, 'http://www.example/sparql')).resolves.toBeInstanceOf(Array);
  }
}

describe.skipIf(!present)('W3C SPARQL 1.1 Protocol tests (skipped when ../shared/standards/sparql11-protocol is absent)', () => {
  let app: FastifyInstance;

  // The query that shows the store did not change: every quad, counted.
  const countAll = async () => (await app.inject({ url: `/sparql?format=json&query=${encodeURIComponent('SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }')}` })).body;

  beforeAll(async () => {
    const m = (await Manifest.load(path.join(DIR, 'manifest.ttl')));
    // data1-3.nt each become the named graph the manifest labels them with (ut:graphData … rdfs:label).
    const graphs = new Map<string, string>();
    for (const gd of m.store.getObjects(null, DataFactory.namedNode(`${UT}graphData`), null)) graphs.set(m.one(gd, `${UT}graph`)!.value, m.one(gd, `${RDFS}label`)!.value);
    const quads: Quad[] = [];
    for (const [file, name] of graphs) {
      const triples = new Parser({ format: 'N-Triples' }).parse(await readFile(new URL(file), 'utf8'));
      quads.push(...triples.map((t) => DataFactory.quad(t.subject, t.predicate, t.object, DataFactory.namedNode(name))));
    }
    app = await sparqlOnlyApp(await distOf(quads));
  });
  afterAll(async () => { await app?.close(); });

  it('reads 34 protocol tests from the manifest', () => {
    expect(tests.length).toBe(34);
  });

  let passed = 0;
  afterAll(() => { console.log(`W3C protocol: ${passed}/${tests.length} passed (update tests count as passed when refused with 4xx and the store is unchanged)`); });

  it.each(tests.map((t) => [t.value.replace(/^.*#/, ''), t] as const))('%s', async (name, test) => {
    const requests = readRequests(m!, test);
    const first = requests[0]!;
    // update_* tests expect the update to succeed and later requests to see it: a read-only endpoint refuses it instead.
    if (name.startsWith('update_')) {
      const before = await countAll();
      const res = await app.inject({ method: first.method as 'POST', url: first.url, headers: first.headers, payload: first.body });
      expect(res.statusCode, `${name}: an update must be refused`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(await countAll(), `${name}: the store must not change`).toBe(before);
      passed++;
      return;
    }
    for (const req of requests) {
      const res = await app.inject({ method: req.method as 'GET', url: req.url, headers: req.headers, payload: req.body });
      const cls = `${String(res.statusCode)[0]}xx`;
      expect(req.statuses.map((s) => s.toLowerCase()), `${name}: status ${res.statusCode} (${res.body.slice(0, 200)})`).toContain(cls);
      if (res.statusCode < 300) await checkResponse(res, req);
    }
    passed++;
  });
});
