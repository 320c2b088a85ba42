// The endpoint's safety: read-only, never fetches (a local listener sees no connection), timeout that stops the work, caps, busy, body limit, logging.
import net from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { QueryEngine } from '@comunica/query-sparql-rdfjs';
import { Store } from 'n3';
import { testApp, DIST_MINI } from '../helpers/app.ts';
import { sparqlOnlyApp } from '../w3c/server.ts';
import { parseResults } from '../w3c/results.ts';
import { parse } from '../helpers/rdf.ts';

const B = 'http://localhost:8080/';
// Long enough for light queries on a loaded 2-core machine, far below what the cartesian query needs.
const TIMEOUT_MS = 2000;
// Four copies of the whole store joined with nothing in common: 154^4 rows to sum, far beyond the timeout, and an
// aggregate the store leaves to Comunica (a SUM of string lengths; the store counts, and stops, by itself), which keeps
// summing after a cancel, so the worker itself must be ended. If the store learns SUM, this needs another such query.
const CARTESIAN = 'SELECT (SUM(STRLEN(STR(?c))) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp({ config: { queryTimeoutMs: TIMEOUT_MS, maxConcurrentQueries: 1, queryQueueWaitMs: 1000, maxResultRows: 3, maxResultBytes: 1024, bodyLimitBytes: 1024 } });
});
afterAll(async () => { await app.close(); });

const JSON_ACCEPT = { accept: 'application/sparql-results+json, application/json;q=0.9' };
const get = (query: string, headers: Record<string, string> = JSON_ACCEPT) => app.inject({ url: `/sparql?query=${encodeURIComponent(query)}`, headers });
const errorCode = (body: string) => (JSON.parse(body) as { code: string }).code;

/** Waits until the pool has replaced a worker since `before` (the runaway check runs just after a timeout). */
async function restartedSince(before: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (app.sparqlPool.restarts === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(app.sparqlPool.restarts).toBeGreaterThan(before);
}

/** After a worker restart, waits until the endpoint answers again (a fresh worker loads the dataset first). */
async function endpointBack(): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await get('ASK {}')).statusCode === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the endpoint did not come back within 30 s');
}

const countAll = async () => (parseResults('application/sparql-results+json', (await get('SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }')).body) as { rows: Map<string, { value: string }>[] }).rows[0]!.get('n')!.value;

describe('read-only', () => {
  const insert = `INSERT DATA { GRAPH <${B}graph/x> { <${B}id/x> <${B}p> "injected" } }`;

  it.each([
    ['a form update=', () => app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ update: insert }).toString() })],
    ['an application/sparql-update body', () => app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-update' }, payload: insert })],
    ['GET update=', () => app.inject({ url: `/sparql?update=${encodeURIComponent(insert)}` })],
    ['an update sent as query=', () => get(insert)],
    ['DROP ALL sent as a direct query', () => app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query' }, payload: 'DROP ALL' })],
    ['LOAD sent as a query', () => get(`LOAD <${B}dumps/dataset.nq>`)],
  ])('refuses %s with 403 and changes nothing', async (_how, send) => {
    const before = await countAll();
    const res = await send();
    expect(res.statusCode).toBe(403);
    expect(res.body).toMatch(/read-only/);
    expect(await countAll()).toBe(before);
    expect((await get(`ASK { GRAPH ?g { ?s ?p "injected" } }`)).body).toMatch(/"boolean":false/);
  });
});

describe('no SPARQL query makes the server fetch a URL', () => {
  let listener: net.Server;
  let connections = 0;
  let url = '';
  beforeAll(async () => {
    listener = net.createServer((socket) => { connections++; socket.destroy(); });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(listener.address() as net.AddressInfo).port}/sparql`;
  });
  afterAll(async () => { await new Promise((r) => listener.close(r)); });

  it.each([
    ['SERVICE', () => `SELECT * WHERE { SERVICE <${url}> { ?s ?p ?o } }`],
    ['SERVICE SILENT', () => `SELECT * WHERE { SERVICE SILENT <${url}> { ?s ?p ?o } }`],
    ['SERVICE inside FILTER EXISTS', () => `SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <${url}> { ?s ?p ?o } } }`],
    ['SERVICE inside a subquery', () => `SELECT * WHERE { { SELECT ?s WHERE { SERVICE <${url}> { ?s ?p ?o } } } }`],
    ['SERVICE on a variable', () => `SELECT * WHERE { VALUES ?u { <${url}> } SERVICE ?u { ?s ?p ?o } }`],
    ['SERVICE in CONSTRUCT', () => `CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <${url}> { ?s ?p ?o } }`],
  ])('refuses %s with 400', async (_what, query) => {
    const res = await get(query(), {});
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/SERVICE is not allowed/);
  });

  it('treats FROM, FROM NAMED and protocol graph IRIs as names of graphs here, never as URLs', async () => {
    for (const res of [
      await get(`SELECT * FROM <${url}> WHERE { ?s ?p ?o }`),
      await get(`SELECT * FROM NAMED <${url}> WHERE { GRAPH ?g { ?s ?p ?o } }`),
      await app.inject({ url: `/sparql?query=${encodeURIComponent('SELECT * WHERE { ?s ?p ?o }')}&default-graph-uri=${encodeURIComponent(url)}&named-graph-uri=${encodeURIComponent(url)}`, headers: JSON_ACCEPT }),
    ]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/"bindings":\[\s*\]/);
    }
  });

  it('the engine itself has no way to fetch: a SERVICE run on Comunica directly, past our gate, connects nowhere', async () => {
    const engine = new QueryEngine();
    const run = async () => (await engine.queryBindings(`SELECT * WHERE { SERVICE <${url}> { ?s ?p ?o } }`, { sources: [new Store()] })).toArray();
    // No dereference actor is wired into query-sparql-rdfjs: the engine fails before any socket opens.
    await expect(run()).rejects.toThrow(/No actors are able to reply/);
  });

  it('and the listener saw no connection at all', async () => {
    // Give any stray connection time to arrive before the count is read.
    await new Promise((r) => setTimeout(r, 300));
    expect(connections).toBe(0);
  });
});

describe('limits', () => {
  it('stops a heavy query at the timeout while documents and /health keep being served', async () => {
    const started = performance.now();
    let heavyDone = 0;
    const heavy = get(CARTESIAN).then((res) => { heavyDone = performance.now(); return res; });
    const others: { path: string; status: number; ms: number; at: number }[] = [];
    while (!heavyDone) {
      for (const path of ['/health', '/doc/thesis/1.0449833']) {
        const t = performance.now();
        const res = await app.inject({ url: path, headers: { accept: 'text/turtle' } });
        others.push({ path, status: res.statusCode, ms: performance.now() - t, at: performance.now() });
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    const res = await heavy;
    expect(res.statusCode).toBe(503);
    expect(errorCode(res.body)).toBe('TL_ERR_QUERY_TIMEOUT');
    expect(res.headers['retry-after']).toBe(String(Math.ceil(TIMEOUT_MS / 1000)));
    const served = others.filter((o) => o.at < heavyDone);
    expect(served.length).toBeGreaterThan(4);
    for (const o of served) expect(o.status, o.path).toBe(200);
    const ms = served.map((o) => o.ms).sort((a, b) => a - b);
    console.log(`heavy query ended after ${Math.round(heavyDone - started)} ms (timeout ${TIMEOUT_MS} ms); meanwhile ${served.length} requests to /health and /doc were answered: median ${ms[ms.length >> 1]!.toFixed(1)} ms, max ${ms.at(-1)!.toFixed(1)} ms`);
  });

  it('ends the work of a query that does not stop when cancelled: its worker is replaced', async () => {
    // The cartesian COUNT of the previous test keeps its worker's event loop saturated after cancellation.
    await restartedSince(0);
    await endpointBack();
  });

  it('stops a join cooperatively at the timeout: the worker goes idle and is kept', async () => {
    const before = app.sparqlPool.restarts;
    // A three-way join whose filter never holds: millions of candidate rows, no answer, all of it cancellable.
    const res = await get('SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?c) = CONCAT(STR(?f), STR(?i), "x")) }');
    expect(res.statusCode).toBe(503);
    expect(errorCode(res.body)).toBe('TL_ERR_QUERY_TIMEOUT');
    await new Promise((r) => setTimeout(r, 1000));
    expect(app.sparqlPool.restarts).toBe(before);
    expect((await get('ASK {}')).statusCode).toBe(200);
  });

  it('answers 503 with Retry-After beyond the concurrency bound', async () => {
    const before = app.sparqlPool.restarts;
    const heavy = get(CARTESIAN);
    await new Promise((r) => setTimeout(r, 50));
    const res = await get('ASK {}');
    expect(res.statusCode).toBe(503);
    expect(errorCode(res.body)).toBe('TL_ERR_BUSY');
    expect(res.headers['retry-after']).toBe(String(Math.ceil(TIMEOUT_MS / 1000)));
    expect((await heavy).statusCode).toBe(503);
    // The heavy query outlives its timeout too: let its worker be replaced before the next tests query.
    await restartedSince(before);
    await endpointBack();
  });

  it('cuts a SELECT at the row cap and says so', async () => {
    const res = await get('SELECT * WHERE { ?s ?p ?o }');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-sparql-maxrows']).toBe('3');
    expect((parseResults('application/sparql-results+json', res.body) as { rows: unknown[] }).rows).toHaveLength(3);
    const small = await get('SELECT * WHERE { ?s ?p ?o } LIMIT 2');
    expect(small.headers['x-sparql-maxrows']).toBeUndefined();
  });

  it('cuts a CONSTRUCT at the row cap too', async () => {
    const res = await get('CONSTRUCT WHERE { ?s ?p ?o }', { accept: 'application/n-triples' });
    expect(res.headers['x-sparql-maxrows']).toBe('3');
    expect(await parse(res.body, 'nt', B)).toHaveLength(3);
  });

  it('answers 413 TL_ERR_QUERY_TOO_LARGE when a result passes the byte cap', async () => {
    const res = await get('SELECT ?big WHERE { ?s ?p ?o BIND(CONCAT(STR(?s), STR(?s), STR(?s), STR(?s), STR(?s), STR(?s), STR(?s), STR(?s)) AS ?big) } LIMIT 3');
    expect(res.statusCode).toBe(413);
    expect(errorCode(res.body)).toBe('TL_ERR_QUERY_TOO_LARGE');
  });

  it('answers 413 to a request body over the limit', async () => {
    const query = `ASK {} #${'x'.repeat(2048)}`;
    const res = await app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query' }, payload: query });
    expect(res.statusCode).toBe(413);
  });
});

describe('logging', () => {
  it('logs every query with its duration and row count', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
    const logged = await sparqlOnlyApp(DIST_MINI, {}, { level: 'info', stream });
    try {
      await logged.inject({ url: `/sparql?query=${encodeURIComponent('SELECT * WHERE { ?s ?p ?o } LIMIT 2')}` });
      await logged.inject({ url: `/sparql?query=${encodeURIComponent('SELECT * WHERE {')}` });
    } finally {
      await logged.close();
    }
    const ok = lines.find((l) => l.msg === 'sparql query');
    expect(ok).toMatchObject({ query: 'SELECT * WHERE { ?s ?p ?o } LIMIT 2', rows: 2 });
    expect(typeof ok!.ms).toBe('number');
    expect(lines.find((l) => l.msg === 'sparql query failed')).toMatchObject({ code: 'TL_ERR_QUERY_SYNTAX' });
  });
});
