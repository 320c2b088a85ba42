// app.data over dist-mini: the one interface the routes read agrees with what they serve, and runs SPARQL on the app's workers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';
import { parse } from '../helpers/rdf.ts';
import { EmbeddedStore } from '../../src/server/data/embedded-store.ts';

const B = 'http://localhost:8080/';
let app: FastifyInstance;
beforeAll(async () => { app = await testApp(); });
afterAll(async () => { await app.close(); });

describe('app.data', () => {
  it('is the embedded store, decorated once', () => {
    expect(app.data).toBeInstanceOf(EmbeddedStore);
  });

  it('describes a place with the incoming links its document serves', async () => {
    const d = await app.data.describe(`${B}id/place/changchun`);
    const served = await parse((await app.inject({ url: '/doc/place/changchun.nt' })).body, 'nt');
    const incoming = served.filter((q) => q.object.value === `${B}id/place/changchun`);
    expect(d.incomingTotal).toBe(incoming.length);
    expect(d.labels.get(`${B}id/place/changchun`)).toEqual({ value: 'Changchun', language: 'en' });
    // Each thesis that mentions it comes with its byline.
    expect(d.theses.get(`${B}id/thesis/1.0449833`)?.creators[0]).toBe(`${B}id/person/li-yi`);
  });

  it('knows the graphs the /graph/ routes answer for', async () => {
    const names = await app.data.graphNames();
    expect(names).toContain(`${B}graph/thesis/1.0449833`);
    for (const g of names.slice(0, 3)) expect(await app.data.hasGraph(g)).toBe(true);
    expect(await app.data.hasGraph(`${B}graph/thesis/9.9999999`)).toBe(false);
    expect((await app.data.stats()).graphs).toBe(names.length);
  });

  it('runs a SPARQL job on the app\'s workers', async () => {
    const answer = await app.data.sparql({ query: `ASK { <${B}id/place/changchun> ?p ?o }`, defaultGraphs: [], namedGraphs: [], wish: { format: 'json' } });
    expect(JSON.parse(Buffer.from(answer.body).toString('utf8')).boolean).toBe(true);
    await expect(app.data.sparql({ query: 'ASK {', defaultGraphs: [], namedGraphs: [], wish: {} })).rejects.toMatchObject({ statusCode: 400 });
  });
});
