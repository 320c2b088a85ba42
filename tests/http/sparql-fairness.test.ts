// Load shared fairly: one address's loops of heavy queries hold at most its share of the places, so another client's ASK queries are answered; beyond its share a client gets 503 at once, saying why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { build } from '../../src/app.ts';
import { testConfig } from '../helpers/app.ts';

// A three-way join whose filter never holds: it keeps its place until the timeout stops it.
const HEAVY = 'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?c) = CONCAT(STR(?f), STR(?i), "x")) }';
const ASK = 'ASK { <http://localhost:8080/id/thesis/1.0449833> a ?t }';
const RUNAWAY = '10.0.0.1';
const OTHER = '10.0.0.2';

let app: FastifyInstance;
beforeAll(async () => {
  // Six places, three of them per client: six loops from one address fill every place when nothing bounds its share.
  app = await build(testConfig({ config: { queryTimeoutMs: 3000, sparqlWorkers: 1, sparqlSpareWorkers: 0, maxConcurrentQueries: 6, sparqlPerClient: 3, queryQueueWaitMs: 2000 } }), { logger: false });
  await app.ready();
});
afterAll(async () => { await app.close(); });

const query = (text: string, from: string) => app.inject({ url: `/sparql?query=${encodeURIComponent(text)}`, remoteAddress: from, headers: { accept: 'application/sparql-results+json' } });

describe('a share per client', () => {
  it('six loops of heavy queries from one address leave room for another client: each of its ASK queries is answered', async () => {
    let running = true;
    const runaway: number[] = [];
    const loops = Array.from({ length: 6 }, async () => {
      while (running) {
        const status = (await query(HEAVY, RUNAWAY)).statusCode;
        runaway.push(status);
        // A refusal comes back at once; a real client's round trip takes this long at least.
        if (status === 503) await new Promise((r) => setTimeout(r, 20));
      }
    });
    await new Promise((r) => setTimeout(r, 300));
    const asks: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await query(ASK, OTHER);
      asks.push(res.statusCode);
      expect(res.statusCode, res.body).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ boolean: true });
    }
    running = false;
    await Promise.all(loops);
    expect(asks).toEqual(Array(8).fill(200));
    // The runaway's loops beyond its share were refused at once, with the reason.
    expect(runaway.filter((s) => s === 503).length).toBeGreaterThan(0);
  });

  it('queues a client beyond its share, refuses it at once past twice its share with 503 and Retry-After naming SPARQL_PER_CLIENT, and frees the share as queries end', async () => {
    const running = [query(HEAVY, RUNAWAY), query(HEAVY, RUNAWAY), query(HEAVY, RUNAWAY)];
    await new Promise((r) => setTimeout(r, 200));
    const waiting = [query(ASK, RUNAWAY), query(ASK, RUNAWAY), query(ASK, RUNAWAY)];
    await new Promise((r) => setTimeout(r, 100));
    expect(app.sparqlPool.status()).toMatchObject({ admitted: 3, queued: 3 });
    const started = performance.now();
    const refused = await query(ASK, RUNAWAY);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(refused.statusCode).toBe(503);
    expect(refused.body).toMatch(/this client already has 6 queries running or waiting, its share \(SPARQL_PER_CLIENT=3\)/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Its waiting queries are not admitted beside its running ones, though places are free: they wait, then are shed.
    for (const res of await Promise.all(waiting)) {
      expect(res.statusCode).toBe(503);
      expect(res.body).toMatch(/this client has its share \(SPARQL_PER_CLIENT=3\) of the 6 places running, and none ended within 2000 ms/);
    }
    await Promise.all(running);
    expect(app.sparqlPool.status()).toMatchObject({ admitted: 0, queued: 0 });
    expect((await query(ASK, RUNAWAY)).statusCode).toBe(200);
  });

  it('a client over its share waits for its own query to end, then runs: five parallel loops from one address are all answered', async () => {
    const quick = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?s ?q ?x }';
    const answers = await Promise.all(Array.from({ length: 5 }, async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await query(quick, OTHER)).statusCode);
      return statuses;
    }));
    expect(answers.flat()).toEqual(Array(20).fill(200));
  });
});
