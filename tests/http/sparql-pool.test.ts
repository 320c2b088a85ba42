// The query pool behind /sparql: cancellation by signal and by a client leaving, per-call caps, small queries answered beside runaways, a warm spare replacing a runaway worker, draining, and the bounded wait.
import http from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { build } from '../../src/app.ts';
import { testApp, testConfig } from '../helpers/app.ts';
import type { QueryJob } from '../../src/server/sparql/execute.ts';

const TIMEOUT_MS = 4000;
// A three-way join whose filter never holds: millions of candidate rows, all of it cancellable (the worker goes idle).
const JOIN = 'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?c) = CONCAT(STR(?f), STR(?i), "x")) }';
// The bench's runaway, one copy wider: 154^4 rows to count; the store counts it itself, and stops when cancelled.
const COUNT = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }';
// The same product summed by Comunica, which keeps summing after a cancel: only ending its worker stops it.
const SUM = 'SELECT (SUM(STRLEN(STR(?c))) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }';
// Catastrophic backtracking: one synchronous call that blocks the worker's event loop (it answers no ping).
const BACKTRACK = 'SELECT * WHERE { BIND("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!" AS ?s) FILTER(REGEX(?s, "^(a+)+$")) }';

const job = (query: string): QueryJob => ({ query, defaultGraphs: [], namedGraphs: [], wish: { format: 'json' } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `done()` holds; fails with `what` after 60 s (a loaded machine loads a spare slowly, never this slowly). */
async function until(what: string, done: () => boolean, everyMs = 20): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(everyMs);
  }
}

const lines: Record<string, unknown>[] = [];
let app: FastifyInstance;
beforeAll(async () => {
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
  // One worker and one spare, whatever this machine's cores; the other settings are the defaults (8 concurrent queries).
  // Every request here comes from inject's one address: its share is the whole pool (the shares: sparql-fairness.test.ts).
  app = await build(testConfig({ config: { queryTimeoutMs: TIMEOUT_MS, maxResultRows: 50, sparqlWorkers: 1, sparqlSpareWorkers: 1, sparqlPerClient: 8 } }), { logger: { level: 'info', stream } });
});
afterAll(async () => { await app.close(); });

const pool = () => app.sparqlPool;
const get = (query: string) => app.inject({ url: `/sparql?query=${encodeURIComponent(query)}`, headers: { accept: 'application/sparql-results+json, application/json;q=0.9' } });
/** Waits until no worker is being watched after an earlier test's cancel, and a spare is ready. */
const settled = (of: FastifyInstance) => until('the workers are judged', () => of.sparqlPool.status().watching === 0);
const spareReady = async () => {
  await settled(app);
  await until('a spare worker is ready', () => pool().status().sparesReady === 1);
};

describe('cancellation', () => {
  it('a signal cancels a running query: it rejects with the reason, its place is freed at once, and its worker goes idle', async () => {
    const before = pool().restarts;
    const controller = new AbortController();
    const running = app.data.sparql(job(JOIN), { signal: controller.signal });
    await sleep(300);
    expect(pool().status().admitted).toBe(1);
    const reason = new Error('the caller gave up');
    controller.abort(reason);
    await expect(running).rejects.toBe(reason);
    expect(pool().status().admitted).toBe(0);
    // A worker still busy after it read the cancel would be replaced: the join heard it and stopped.
    expect(pool().status().watching).toBe(1);
    await settled(app);
    expect(pool().restarts).toBe(before);
    expect((await get('ASK { ?s ?p ?o }')).statusCode).toBe(200);
  });

  it('a client that closes its connection cancels its query before the timeout', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const sent = Date.now();
    const request = http.get(`${address}/sparql?query=${encodeURIComponent(JOIN)}`);
    request.on('error', () => {});
    await until('the query is admitted', () => pool().status().admitted === 1);
    await sleep(200);
    request.destroy();
    await until('its place is freed', () => pool().status().admitted === 0, 5);
    expect(Date.now() - sent).toBeLessThan(TIMEOUT_MS);
    await until('the cancel is logged', () => lines.some((l) => l.msg === 'sparql query cancelled: the client left' && l.query === JOIN));
    expect(lines.some((l) => l.query === JOIN && l.code === 'TL_ERR_QUERY_TIMEOUT')).toBe(false);
  });
});

describe('per-call limits', () => {
  const rows = async (options?: Parameters<FastifyInstance['data']['sparql']>[1]) => {
    const answer = await app.data.sparql(job('SELECT * WHERE { ?s ?p ?o }'), options);
    return { rows: answer.rows, truncated: answer.truncated, bytes: answer.body.byteLength };
  };

  it('replace the pool\'s row cap, either way, for that call only', async () => {
    expect(await rows({ limits: { maxRows: 2 } })).toMatchObject({ rows: 2, truncated: true });
    const all = await rows({ limits: { maxRows: 100_000 } });
    expect(all.rows).toBeGreaterThan(50);
    expect(all.truncated).toBe(false);
    expect(await rows()).toMatchObject({ rows: 50, truncated: true });
  });

  it('replace the byte cap: a result that fits the pool\'s fails a smaller one with 413', async () => {
    const plain = await rows();
    expect(plain.bytes).toBeGreaterThan(1024);
    await expect(app.data.sparql(job('SELECT * WHERE { ?s ?p ?o }'), { limits: { maxBytes: 1024 } })).rejects.toMatchObject({ statusCode: 413, code: 'TL_ERR_QUERY_TOO_LARGE' });
    expect((await rows()).bytes).toBe(plain.bytes);
  });
});

describe('runaway queries', () => {
  it('a small ASK answers, again and again, while several runaway queries run', async () => {
    await spareReady();
    let ended = 0;
    const runaways = [COUNT, COUNT, SUM, SUM].map((q) => get(q).finally(() => { ended++; }));
    await until('the runaways are admitted', () => pool().status().admitted === 4);
    for (let i = 0; i < 3; i++) {
      const ask = await get('ASK { ?s ?p ?o }');
      expect(ask.statusCode).toBe(200);
      expect(JSON.parse(ask.body).boolean).toBe(true);
      expect(ended, 'answered while the runaways still ran').toBe(0);
    }
    for (const res of await Promise.all(runaways)) {
      expect(res.statusCode).toBe(503);
      expect(JSON.parse(res.body).code).toBe('TL_ERR_QUERY_TIMEOUT');
      expect(res.headers['retry-after']).toBe(String(TIMEOUT_MS / 1000));
    }
    expect((await get('ASK { ?s ?p ?o }')).statusCode).toBe(200);
  });

  it('a runaway worker is replaced by a spare that is ready at that moment, and the next query answers', async () => {
    await spareReady();
    const before = pool().restarts;
    // Cancelled by its caller: the same runaway check as after a timeout.
    const controller = new AbortController();
    const runaway = app.data.sparql(job(SUM), { signal: controller.signal });
    await sleep(300);
    controller.abort(new Error('enough'));
    await expect(runaway).rejects.toThrow('enough');
    await until('the worker is replaced', () => pool().restarts > before, 2);
    expect(pool().status().ready).toBe(1);
    const next = await get('ASK { ?s ?p ?o }');
    expect(next.statusCode).toBe(200);
  });

  it('a query beside a runaway is not killed with it: the worker drains while the spare takes new queries', async () => {
    await spareReady();
    const before = pool().restarts;
    const runaway = get(SUM);
    await sleep(TIMEOUT_MS / 2);
    const controller = new AbortController();
    const beside = app.data.sparql(job(JOIN), { signal: controller.signal }).catch((err: Error) => err);
    await until('the runaway\'s worker is replaced', () => pool().restarts > before);
    expect((await runaway).statusCode).toBe(503);
    expect(pool().status().draining).toBe(1);
    expect((await get('ASK { ?s ?p ?o }')).statusCode).toBe(200);
    // The join still runs where it was; once it ends, its worker ends too.
    const reason = new Error('done watching');
    controller.abort(reason);
    expect(await beside).toBe(reason);
    await until('the drained worker ends', () => pool().status().draining === 0);
  });

  it('a query stuck behind a blocked event loop runs again on the replacement', async () => {
    await spareReady();
    const before = pool().restarts;
    const blocked = get(BACKTRACK);
    // Sent late, so that its own deadline leaves room to run again after the check (a second's grace for a ping).
    await sleep(TIMEOUT_MS - 500);
    const stuck = get('ASK { ?s ?p ?o }');
    expect((await blocked).statusCode).toBe(503);
    const answer = await stuck;
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body).boolean).toBe(true);
    expect(pool().restarts).toBe(before + 1);
  });
});

describe('without a spare, and a bound of one query', () => {
  let bare: FastifyInstance;
  beforeAll(async () => {
    bare = await testApp({ config: { queryTimeoutMs: TIMEOUT_MS, sparqlWorkers: 1, sparqlSpareWorkers: 0, maxConcurrentQueries: 1, queryQueueWaitMs: 60_000 } });
  });
  afterAll(async () => { await bare.close(); });
  const bareGet = (query: string) => bare.inject({ url: `/sparql?query=${encodeURIComponent(query)}`, headers: { accept: 'application/sparql-results+json, application/json;q=0.9' } });

  it('a query beyond the bound waits, and takes the place a cancelled query frees', async () => {
    const controller = new AbortController();
    const heavy = bare.data.sparql(job(JOIN), { signal: controller.signal }).catch((err: Error) => err);
    await sleep(200);
    const waiting = bareGet('ASK { ?s ?p ?o }');
    await until('the ASK waits', () => bare.sparqlPool.status().queued === 1);
    controller.abort(new Error('make room'));
    expect((await waiting).statusCode).toBe(200);
    expect(await heavy).toMatchObject({ message: 'make room' });
  });

  it('a replacement has to load first (what the spare saves)', async () => {
    await settled(bare);
    const before = bare.sparqlPool.restarts;
    expect((await bareGet(SUM)).statusCode).toBe(503);
    await until('the worker is replaced', () => bare.sparqlPool.restarts > before, 2);
    expect(bare.sparqlPool.status()).toMatchObject({ ready: 0, loading: 1 });
    // Queries wait for it, within their own deadline.
    expect((await bareGet('ASK { ?s ?p ?o }')).statusCode).toBe(200);
  });
});
