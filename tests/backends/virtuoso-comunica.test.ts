// The shared HTTP suite over Virtuoso with /sparql evaluated by Comunica (@comunica/query-sparql, STORE_ENGINE=comunica) over the store; its fetches reach the store only.
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { httpSuite } from './http-suite.ts';
import { DIST_MINI, testApp } from '../helpers/app.ts';
import { DBA, HAS_VIRTUOSO, SKIP_REASON, Virtuoso } from '../helpers/virtuoso.ts';
import { loadStore } from '../../src/store-external/load.ts';

if (!HAS_VIRTUOSO) {
  describe.skip(SKIP_REASON, () => it('needs virtuoso-t', () => {}));
} else {
  let store: Virtuoso | undefined;
  const started = (async () => {
    store = await Virtuoso.start();
    await loadStore({ dump: path.join(DIST_MINI, 'dumps', 'dataset.nq'), storeUrls: [store.url], credentials: DBA, graceMs: 0 });
    return store;
  })();
  const app = async () => testApp({ config: { store: 'sparql', storeUrls: (await started).url, storeEngine: 'comunica' } });
  httpSuite({ name: 'Virtuoso (Comunica)', app });

  describe('Comunica over the store contacts nothing else', () => {
    let server: FastifyInstance;
    let listener: http.Server;
    const contacted: string[] = [];
    let local = '';
    beforeAll(async () => {
      server = await app();
      listener = http.createServer((req, res) => {
        contacted.push(`${req.method} ${req.url}`);
        res.end();
      });
      await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
      local = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    }, 180_000);
    afterAll(async () => {
      await server?.close();
      await new Promise((r) => listener?.close(r));
      await store?.dispose();
    }, 60_000);

    it('a runaway query stops at the time limit with 503 (the store\'s partial answer refused), and the store stays in service', async () => {
      const quick = await testApp({ config: { store: 'sparql', storeUrls: (await started).url, storeEngine: 'comunica', queryTimeoutMs: '1500' } });
      try {
        const runaway = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }';
        const t = Date.now();
        const r = await quick.inject({ url: `/sparql?query=${encodeURIComponent(runaway)}`, headers: { accept: 'application/sparql-results+json' } });
        expect(r.statusCode).toBe(503);
        expect(r.body).toMatch(/time limit|ran longer/);
        expect(Date.now() - t).toBeLessThan(10_000);
        expect((await quick.inject({ url: '/health' })).statusCode).toBe(200);
        expect((await quick.inject({ url: '/id/thesis/1.0449833' })).statusCode).toBe(303);
      } finally {
        await quick.close();
      }
    }, 60_000);

    it('SERVICE is refused; FROM, FROM NAMED, GRAPH and IRIs naming a URL are graph names and terms, never fetched', async () => {
      const queries = [
        `SELECT * WHERE { SERVICE <${local}/sparql> { ?s ?p ?o } }`,
        `SELECT * FROM <${local}/data.ttl> WHERE { ?s ?p ?o }`,
        `SELECT * FROM NAMED <${local}/named.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }`,
        `SELECT * WHERE { GRAPH <${local}/graph.ttl> { ?s ?p ?o } }`,
        `ASK { <${local}/thing> ?p ?o }`,
        `DESCRIBE <${local}/thing>`,
      ];
      const statuses = [];
      for (const q of queries) statuses.push((await server.inject({ url: `/sparql?query=${encodeURIComponent(q)}`, headers: { accept: '*/*' } })).statusCode);
      expect(statuses).toEqual([400, 200, 200, 200, 200, 200]);
      await new Promise((r) => setTimeout(r, 500));
      expect(contacted).toEqual([]);
    });
  });
}
