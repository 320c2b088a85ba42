// Hostile and odd query texts: size and nesting caps before parsing (400 naming the cap, never 500), a text with no query, 503s with Retry-After, and logs that hold real errors only.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { build } from '../../src/app.ts';
import { testApp, testConfig } from '../helpers/app.ts';
import { queryDepth } from '../../src/server/sparql/query-limits.ts';

type LogLine = { level: number; msg: string; err?: { stack?: string }; [key: string]: unknown };
const lines: LogLine[] = [];
let app: FastifyInstance;
beforeAll(async () => {
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
  // One worker, one place, no wait: a second query at once is shed, which the log test needs.
  app = await build(testConfig({ config: { queryTimeoutMs: 1500, sparqlWorkers: 1, sparqlSpareWorkers: 0, maxConcurrentQueries: 1, queryQueueWaitMs: 0 } }), { logger: { level: 'info', stream } });
  await app.ready();
});
afterAll(async () => { await app.close(); });

const post = (query: string) => app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' }, payload: query });
const chain = (op: string, n: number, term: string) => Array(n).fill(term).join(op);
// A three-way join whose filter never holds: it runs until the timeout stops it.
const SLOW = 'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?c) = CONCAT(STR(?f), STR(?i), "x")) }';

describe('query text caps, before parsing', () => {
  it.each([
    ['a chain of 10,000 +', `SELECT * { BIND(${chain('+', 10_000, '1')} AS ?x) }`, /nests 10001 levels deep.*cap of 200 \(MAX_QUERY_DEPTH\)/],
    ['a chain of 10,000 &&', `SELECT * { FILTER(${chain('&&', 10_000, 'true')}) }`, /nests 10001 levels deep.*MAX_QUERY_DEPTH/],
    ['3,000 nested brackets (6 KB)', `SELECT * { BIND(${'('.repeat(3000)}1${')'.repeat(3000)} AS ?x) }`, /nests 3002 levels deep/],
    ['3,000 nested groups', `SELECT * { ${'{'.repeat(3000)} ?s ?p ?o ${'}'.repeat(3000)} }`, /nests 3001 levels deep/],
    ['a 40 KB chain of ||', `SELECT * { ?s ?p ?o FILTER(${chain(' || ', 4000, '?o = 1')}) }`, /nests \d+ levels deep/],
    ['a 110 KB query', `SELECT * { ${chain(' . ', 10_000, '?s ?p ?o')} }`, /the query is \d+ bytes, over the cap of 65536 bytes \(MAX_QUERY_BYTES\)/],
  ])('refuses %s with 400 TL_ERR_QUERY_LIMIT naming the cap', async (_what, query, message) => {
    const started = performance.now();
    const res = await post(query);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.body).toMatch(/TL_ERR_QUERY_LIMIT|Query over a limit/);
    expect(res.body).toMatch(message);
    // Refused before any worker parsed it: no place was taken, so it is quick even on a loaded machine.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('lets through what real queries nest: 150 brackets, a 50-term OR, long VALUES, strings and IRIs full of operators', async () => {
    const ok = async (query: string) => {
      const res = await post(query);
      expect(res.statusCode, res.body).toBe(200);
    };
    await ok(`SELECT * { BIND(${'('.repeat(150)}1${')'.repeat(150)} AS ?x) }`);
    await ok(`SELECT * { ?s ?p ?o FILTER(${chain(' || ', 50, '?o = 1')}) }`);
    const values = Array.from({ length: 500 }, (_, i) => `<http://localhost:8080/id/thesis/1.${i}>`).join(' ');
    await ok(`SELECT * { VALUES ?s { ${values} } ?s ?p ?o }`);
    const operators = '+'.repeat(5000);
    await ok(`SELECT * { BIND("${operators}" AS ?x) BIND(<http://a/${operators}> AS ?y) } # ${operators}`);
  });

  it('measures depth lexically: brackets, operators inside parentheses, nothing in strings, IRIs or comments', () => {
    expect(queryDepth('SELECT * { ?s ?p ?o }')).toBe(1);
    expect(queryDepth('SELECT * { FILTER(1 + 2 + 3) }')).toBe(4);
    expect(queryDepth('SELECT * { ?s ex:a-b/ex:c|ex:d ?o FILTER(?o < 3) }')).toBe(3);
    expect(queryDepth('SELECT * { FILTER(?o < <http://x/>) }')).toBe(3);
    expect(queryDepth('SELECT * { BIND("((((" AS ?x) } # ((((')).toBe(2);
    expect(queryDepth("SELECT * { BIND('''a ' ((( ''' AS ?x) }")).toBe(2);
  });
});

describe('with the nesting cap raised to its maximum (MAX_QUERY_DEPTH=1000)', () => {
  let deep: FastifyInstance;
  beforeAll(async () => { deep = await testApp({ config: { maxQueryDepth: 1000 } }); });
  afterAll(async () => { await deep.close(); });

  it.each([
    ['990 nested brackets', `SELECT * { BIND(${'('.repeat(990)}1${')'.repeat(990)} AS ?x) }`],
    ['990 nested groups', `SELECT * { ${'{'.repeat(990)} ?s ?p ?o ${'}'.repeat(990)} }`],
    ['490 nested negations', `SELECT * { BIND(${'!('.repeat(490)}true${')'.repeat(490)} AS ?x) }`],
  ])('%s that overflow a parser\'s stack answer 400 TL_ERR_QUERY_LIMIT, not 500', async (_what, query) => {
    const res = await deep.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query', accept: 'application/json' }, payload: query });
    expect(res.statusCode, res.body).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'TL_ERR_QUERY_LIMIT', message: expect.stringMatching(/nests too deeply to be read/) });
  });
});

describe('a text with no query', () => {
  it.each([['a comment', '# nothing here'], ['a prologue', 'PREFIX ex: <http://example.org/>'], ['a base and a comment', 'BASE <http://example.org/> # and nothing']])('%s answers 400, not 500', async (_what, text) => {
    const res = await post(text);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.body).toMatch(/holds no query, only comments or a prologue/);
  });
});

describe('503s and the log', () => {
  it('a timeout and a shed query answer 503 with Retry-After; the log holds one warning line each, no error, no stack; 4xx are info', async () => {
    lines.length = 0;
    const slow = post(SLOW);
    await new Promise((r) => setTimeout(r, 200));
    const shed = await post('ASK {}');
    const timedOut = await slow;
    const bad = await post('SELECT * WHERE {');
    expect(timedOut.statusCode).toBe(503);
    expect(timedOut.body).toMatch(/timed out/);
    expect(Number(timedOut.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(shed.statusCode).toBe(503);
    expect(shed.body).toMatch(/Too many concurrent queries/);
    expect(Number(shed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(bad.statusCode).toBe(400);
    expect(lines.filter((l) => l.level >= 50), JSON.stringify(lines.filter((l) => l.level >= 50))).toEqual([]);
    expect(lines.filter((l) => l.err !== undefined)).toEqual([]);
    const warnings = lines.filter((l) => l.level === 40).map((l) => l.code);
    expect(warnings.sort()).toEqual(['TL_ERR_BUSY', 'TL_ERR_QUERY_TIMEOUT']);
    expect(lines.some((l) => l.level === 30 && l.code === 'TL_ERR_QUERY_SYNTAX')).toBe(true);
  });
});
