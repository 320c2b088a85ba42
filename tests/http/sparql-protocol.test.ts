// The SPARQL endpoint over dist-mini: each protocol form, each result format read back, the union default graph, datasets, errors, CORS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Store, DataFactory, type Quad, type Term } from 'n3';
import { miniQuads, testApp } from '../helpers/app.ts';
import { parseResults, sameResults, parseCsv } from '../w3c/results.ts';
import { isomorphic, parse, rdfSyntax } from '../helpers/rdf.ts';

const B = 'http://localhost:8080/';
const SEED = `${B}id/thesis/1.0449833`;
const SEED_GRAPH = `${B}graph/thesis/1.0449833`;
const quads = await miniQuads();

let app: FastifyInstance;
beforeAll(async () => { app = await testApp(); });
afterAll(async () => { await app.close(); });

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const DIRECT = { 'content-type': 'application/sparql-query' };

function get(query: string, params: Record<string, string | string[]> = {}, headers: Record<string, string> = {}) {
  const search = new URLSearchParams({ query });
  for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) search.append(k, one);
  return app.inject({ url: `/sparql?${search}`, headers });
}

type Table = { vars: string[]; rows: Map<string, Term>[] };

async function table(query: string, params: Record<string, string | string[]> = {}): Promise<Table> {
  const res = await get(query, params, { accept: 'application/sparql-results+json' });
  expect(res.statusCode, res.body).toBe(200);
  return parseResults(res.headers['content-type'] as string, res.body) as Table;
}

const count = async (query: string, params: Record<string, string | string[]> = {}) => Number((await table(query, params)).rows[0]!.get('n')!.value);

describe('protocol forms', () => {
  const query = `SELECT ?type WHERE { <${SEED}> a ?type } ORDER BY ?type`;

  it('GET, POST form and POST direct give the same result', async () => {
    const viaGet = await get(query);
    const viaForm = await app.inject({ method: 'POST', url: '/sparql', headers: FORM, payload: new URLSearchParams({ query }).toString() });
    const viaDirect = await app.inject({ method: 'POST', url: '/sparql', headers: DIRECT, payload: query });
    for (const res of [viaGet, viaForm, viaDirect]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/sparql-results+json; charset=utf-8');
      expect(res.headers.vary).toMatch(/Accept/);
    }
    const types = (parseResults('application/sparql-results+json', viaGet.body) as Table).rows.map((r) => r.get('type')!.value);
    expect(types).toEqual(['http://purl.org/ontology/bibo/Thesis', 'http://schema.org/Thesis']);
    expect(viaForm.body).toBe(viaGet.body);
    expect(viaDirect.body).toBe(viaGet.body);
  });

  it('HEAD answers like GET without a body', async () => {
    const res = await app.inject({ method: 'HEAD', url: `/sparql?query=${encodeURIComponent(query)}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/sparql-results\+json/);
    expect(res.body).toBe('');
  });

  it('lists SELECT * columns in the order the query names them', async () => {
    expect((await table('SELECT * WHERE { ?s ?p ?o } LIMIT 1')).vars).toEqual(['s', 'p', 'o']);
    expect((await table('SELECT ?o ?s WHERE { ?s ?p ?o } LIMIT 1')).vars).toEqual(['o', 's']);
  });
});

describe('result formats, each read back with a real parser', () => {
  const query = `SELECT ?p ?o WHERE { GRAPH <${SEED_GRAPH}> { <${SEED}> ?p ?o } }`;

  it.each([
    ['Accept', { accept: 'application/sparql-results+xml' }, {}, 'application/sparql-results+xml'],
    ['Accept', { accept: 'text/csv' }, {}, 'text/csv'],
    ['Accept', { accept: 'text/tab-separated-values' }, {}, 'text/tab-separated-values'],
    ['Accept q-values', { accept: 'text/csv;q=0.5, application/sparql-results+xml' }, {}, 'application/sparql-results+xml'],
    ['format=', {}, { format: 'xml' }, 'application/sparql-results+xml'],
    ['format=', {}, { format: 'tsv' }, 'text/tab-separated-values'],
    ['format=', {}, { format: 'csv' }, 'text/csv'],
    ['format= media type', { accept: 'text/csv' }, { format: 'application/sparql-results+json' }, 'application/sparql-results+json'],
  ])('SELECT by %s %j %j answers %s equal to the JSON result', async (_how, headers, params, type) => {
    const json = await table(query);
    const res = await get(query, params as Record<string, string>, headers as Record<string, string>);
    expect(res.statusCode).toBe(200);
    expect((res.headers['content-type'] as string).split(';')[0]).toBe(type);
    const got = parseResults(type, res.body);
    if (type === 'text/csv') {
      // CSV is lossy: IRIs and literals become plain strings, blank nodes stay blank nodes.
      const lossy = json.rows.map((r) => new Map([...r].map(([k, t]) => [k, t.termType === 'BlankNode' ? t : DataFactory.literal(t.value)] as [string, Term])));
      expect(sameResults({ vars: json.vars, rows: lossy }, got)).toBe(true);
      expect(parseCsv(res.body)[0]).toEqual(json.vars);
    } else {
      expect(sameResults(json, got)).toBe(true);
    }
    expect(json.rows.length).toBeGreaterThan(10);
  });

  it('keeps hostile text intact through every format', async () => {
    const q = 'SELECT ?t WHERE { ?x <http://purl.org/dc/terms/title> ?t FILTER(CONTAINS(?t, "</script>")) }';
    const json = await table(q);
    expect(json.rows.length).toBeGreaterThan(0);
    for (const format of ['xml', 'tsv']) {
      const res = await get(q, { format });
      expect(sameResults(json, parseResults(res.headers['content-type'] as string, res.body))).toBe(true);
    }
  });

  it.each([['json'], ['xml'], ['tsv']])('keeps CR, LF, tab, quotes, backslash and astral characters exact in %s', async (format) => {
    const res = await get('SELECT ?x ?l WHERE { BIND("a\\r\\nb\\tc \\"q\\" \\\\ \u{1D538} <&>" AS ?x) BIND(STRLANG("été", "fr") AS ?l) }', { format });
    const t = parseResults(res.headers['content-type'] as string, res.body) as Table;
    expect(t.rows[0]!.get('x')!.value).toBe('a\r\nb\tc "q" \\ \u{1D538} <&>');
    expect(t.rows[0]!.get('l')).toEqual(DataFactory.literal('été', 'fr'));
  });

  it('answers 406 for XML when a value holds a character XML 1.0 cannot carry, and JSON still works', async () => {
    const query = 'SELECT ?x WHERE { BIND(CONCAT("a", "\\u0001") AS ?x) }';
    const xml = await get(query, { format: 'xml' });
    expect(xml.statusCode).toBe(406);
    expect(xml.body).toMatch(/XML 1\.0 cannot carry/);
    expect((await get(query, { format: 'json' })).statusCode).toBe(200);
  });

  it.each([['json', 'application/sparql-results+json'], ['xml', 'application/sparql-results+xml']])('ASK as %s', async (format, type) => {
    for (const [q, value] of [[`ASK { <${SEED}> a ?t }`, true], [`ASK { <${SEED}> a <${B}nothing> }`, false]] as const) {
      const res = await get(q, { format });
      expect(res.headers['content-type']).toMatch(type);
      expect(parseResults(type, res.body)).toEqual({ boolean: value });
    }
  });

  it.each([
    ['text/csv', 'text/csv', '_askResult\r\ntrue\r\n', '_askResult\r\nfalse\r\n'],
    ['text/tab-separated-values', 'text/tab-separated-values', '?_askResult\ntrue\n', '?_askResult\nfalse\n'],
  ])('ASK as %s: one _askResult column, as Jena answers it', async (accept, type, yes, no) => {
    for (const [q, body] of [[`ASK { <${SEED}> a ?t }`, yes], [`ASK { <${SEED}> a <${B}nothing> }`, no]] as const) {
      const res = await get(q, {}, { accept });
      expect(res.statusCode).toBe(200);
      expect((res.headers['content-type'] as string).split(';')[0]).toBe(type);
      expect(res.body).toBe(body);
    }
  });

  it('answers ASK with Accept naming only RDF syntaxes in JSON, and refuses with 406 in good English what no query form has', async () => {
    const turtle = await get('ASK {}', {}, { accept: 'text/turtle' });
    expect(turtle.statusCode).toBe(200);
    expect(parseResults(turtle.headers['content-type'] as string, turtle.body)).toEqual({ boolean: true });
    const res = await get('ASK {}', {}, { accept: 'image/png' });
    expect(res.statusCode).toBe(406);
    expect(res.body).toMatch(/an ASK result cannot be sent as Accept: image\/png/);
    expect(res.body).toMatch(/application\/sparql-results\+json/);
  });

  const expectedGraph = quads.filter((q) => q.graph.value === SEED_GRAPH).map((q) => DataFactory.quad(q.subject, q.predicate, q.object));
  it.each([
    ['text/turtle'], ['application/n-triples'], ['application/n-quads'], ['application/ld+json'], ['application/rdf+xml'],
  ])('CONSTRUCT as %s is the record graph', async (type) => {
    const res = await get(`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <${SEED_GRAPH}> { ?s ?p ?o } }`, {}, { accept: type });
    expect(res.statusCode).toBe(200);
    expect((res.headers['content-type'] as string).split(';')[0]).toBe(type);
    const got = await parse(res.body, rdfSyntax(type)!, B);
    expect(got.length).toBeGreaterThan(20);
    expect(isomorphic(got, expectedGraph)).toBe(true);
  });

  it.each([['ttl'], ['nt'], ['nq'], ['jsonld'], ['rdf']])('DESCRIBE with format=%s', async (format) => {
    const res = await get(`DESCRIBE <${SEED}>`, { format });
    expect(res.statusCode).toBe(200);
    const got = await parse(res.body, rdfSyntax(res.headers['content-type'] as string)!, B);
    expect(got.some((q) => q.subject.value === SEED)).toBe(true);
  });
});

describe('Accept with media-type parameters (ignored but q)', () => {
  it.each([
    ['SELECT', 'application/sparql-results+json; charset=utf-8', 'SELECT * WHERE { ?s ?p ?o } LIMIT 1', 'application/sparql-results+json'],
    ['SELECT', 'application/sparql-results+xml;charset=UTF-8', 'SELECT * WHERE { ?s ?p ?o } LIMIT 1', 'application/sparql-results+xml'],
    ['ASK', 'application/sparql-results+json; charset=utf-8', 'ASK {}', 'application/sparql-results+json'],
    ['CONSTRUCT', 'text/turtle;charset=utf-8', 'CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1', 'text/turtle'],
    ['CONSTRUCT', 'application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded"', 'CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1', 'application/ld+json'],
  ])('%s with Accept %j', async (_form, accept, query, type) => {
    const res = await get(query, {}, { accept });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.headers['content-type'] as string).split(';')[0]).toBe(type);
  });

  it.each([['text/turtle;charset=utf-8', 'text/turtle'], ['text/html; charset=utf-8', 'text/html']])('GET /sparql without a query, Accept %j', async (accept, type) => {
    const res = await app.inject({ url: '/sparql', headers: { accept } });
    expect(res.statusCode).toBe(200);
    expect((res.headers['content-type'] as string).split(';')[0]).toBe(type);
  });

  it('an error answers JSON for Accept: application/json; charset=utf-8', async () => {
    const res = await get('SELECT * WHERE { ?s ?p }', {}, { accept: 'application/json; charset=utf-8' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('the dataset: union default graph, GRAPH, and the protocol dataset', () => {
  const recordTriples = quads.filter((q) => q.graph.value === SEED_GRAPH).length;

  it('the default graph is the union of all graphs, each triple once', async () => {
    const distinct = new Set(quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.termType}${q.object.value}`)).size;
    expect(await count('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')).toBe(distinct);
  });

  it('GRAPH ?g sees each named graph and never the default graph', async () => {
    const t = await table('SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }');
    expect(new Set(t.rows.map((r) => r.get('g')!.value))).toEqual(new Set(quads.map((q) => q.graph.value)));
    expect(await count('SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }')).toBe(quads.length);
    expect(await count(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${SEED_GRAPH}> { ?s ?p ?o } }`)).toBe(recordTriples);
  });

  it('default-graph-uri makes one record the default graph', async () => {
    expect(await count('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', { 'default-graph-uri': SEED_GRAPH })).toBe(recordTriples);
    // Without named-graph-uri the dataset has no named graphs.
    expect(await count('SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }', { 'default-graph-uri': SEED_GRAPH })).toBe(0);
  });

  it('named-graph-uri limits GRAPH ?g and overrides FROM NAMED in the query', async () => {
    const t = await table(`SELECT DISTINCT ?g FROM NAMED <${B}graph/authority> WHERE { GRAPH ?g { ?s ?p ?o } }`, { 'named-graph-uri': [SEED_GRAPH, `${B}graph/ontology`] });
    expect(new Set(t.rows.map((r) => r.get('g')!.value))).toEqual(new Set([SEED_GRAPH, `${B}graph/ontology`]));
  });

  it('FROM in the query selects graphs of the store', async () => {
    expect(await count(`SELECT (COUNT(*) AS ?n) FROM <${SEED_GRAPH}> WHERE { ?s ?p ?o }`)).toBe(recordTriples);
  });

  it('refuses a graph name that is not an absolute IRI', async () => {
    const res = await get('ASK {}', { 'default-graph-uri': 'not an iri' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/default-graph-uri must be an absolute IRI/);
  });
});

describe('protocol errors', () => {
  it.each([
    ['a syntax error, with the parser message', () => get('SELECT * WHERE { ?s ?p }'), 400, /SPARQL syntax error: Parse error on line 1/],
    ['an undeclared prefix', () => get('SELECT * WHERE { ?s nope:p ?o }'), 400, /Unknown prefix: nope/],
    ['two query parameters', () => app.inject({ url: '/sparql?query=ASK%7B%7D&query=ASK%7B%7D' }), 400, /exactly one query/],
    ['an empty query', () => get('  '), 400, /query is empty/],
    ['a form without query', () => app.inject({ method: 'POST', url: '/sparql', headers: FORM, payload: 'format=json' }), 400, /no query parameter/],
    ['a body of another type', () => app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'text/plain' }, payload: 'ASK {}' }), 415, /application\/sparql-query/],
    ['a body with no type', () => app.inject({ method: 'POST', url: '/sparql', payload: 'ASK {}' }), 415, /no Content-Type/],
    ['a non-UTF-8 query', () => app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query; charset=UTF-16' }, payload: Buffer.from('ASK {}', 'utf16le') }), 415, /UTF-8/],
    ['PUT', () => app.inject({ method: 'PUT', url: '/sparql', payload: '' }), 405, /use GET or POST/],
    ['a SELECT as Turtle or PNG', () => get('SELECT * {}', { format: 'ttl' }, { accept: 'image/png' }), 406, /SELECT result cannot be sent as format=ttl or Accept: image\/png/],
  ])('%s answers its status with an explanation', async (_what, send, status, message) => {
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(res.body).toMatch(message);
  });

  it('405 says which methods are allowed', async () => {
    expect((await app.inject({ method: 'DELETE', url: '/sparql' })).headers.allow).toBe('GET, HEAD, POST, OPTIONS');
  });
});

describe('service description and query UI (GET without a query)', () => {
  const SD = 'http://www.w3.org/ns/sparql-service-description#';

  it.each([['text/turtle'], ['application/ld+json'], ['application/rdf+xml'], ['application/n-triples']])('describes the service as %s', async (type) => {
    const res = await app.inject({ url: '/sparql', headers: { accept: type } });
    expect(res.statusCode).toBe(200);
    const store = new Store(await parse(res.body, rdfSyntax(res.headers['content-type'] as string)!, B));
    const n = DataFactory.namedNode;
    const [service] = store.getSubjects(n('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), n(`${SD}Service`), null);
    expect(service).toBeDefined();
    expect(store.getObjects(service!, n(`${SD}endpoint`), null).map((o) => o.value)).toEqual([`${B}sparql`]);
    expect(store.has(DataFactory.quad(service as Quad['subject'], n(`${SD}supportedLanguage`), n(`${SD}SPARQL11Query`)))).toBe(true);
    expect(store.has(DataFactory.quad(service as Quad['subject'], n(`${SD}feature`), n(`${SD}UnionDefaultGraph`)))).toBe(true);
    expect(store.getObjects(service!, n(`${SD}resultFormat`), null).map((o) => o.value)).toContain('http://www.w3.org/ns/formats/SPARQL_Results_JSON');
    const [dataset] = store.getObjects(service!, n(`${SD}defaultDataset`), null);
    expect(store.getObjects(dataset!, n(`${SD}defaultGraph`), null)).toHaveLength(1);
    const names = store.getObjects(dataset!, n(`${SD}namedGraph`), null).flatMap((g) => store.getObjects(g, n(`${SD}name`), null).map((o) => o.value));
    expect(new Set(names)).toEqual(new Set(quads.map((q) => q.graph.value)));
  });

  it('gives curl (Accept */*) the description in Turtle', async () => {
    const res = await app.inject({ url: '/sparql', headers: { accept: '*/*' } });
    expect(res.headers['content-type']).toMatch(/^text\/turtle/);
  });

  it('gives a browser the query UI', async () => {
    const res = await app.inject({ url: '/sparql', headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<form/);
  });
});

describe('CORS', () => {
  it('answers any origin, errors included', async () => {
    for (const res of [await get('ASK {}', {}, { origin: 'https://example.org' }), await get('nonsense', {}, { origin: 'https://example.org' })]) {
      expect(res.headers['access-control-allow-origin']).toBe('*');
    }
  });

  it('answers a preflight', async () => {
    const res = await app.inject({ method: 'OPTIONS', url: '/sparql', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toMatch(/POST/);
    expect(res.headers['access-control-allow-headers']).toBe('content-type');
  });
});
