// The store plugin over dist-mini: quads, redirects and labels as other plugins read them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { termToId } from 'n3';
import { miniQuads, testApp } from '../helpers/app.ts';
import { hasSubject } from '../../src/server/store.ts';

let app: FastifyInstance;
beforeAll(async () => { app = await testApp(); });
afterAll(async () => { await app.close(); });

describe('store plugin', () => {
  it('knows every named graph of dataset.nq, and holds their union with each triple once', async () => {
    expect(new Set(app.graphs.values())).toEqual(new Set([
      'http://localhost:8080/graph/thesis/1.0449833', 'http://localhost:8080/graph/thesis/1.0000001',
      'http://localhost:8080/graph/authority', 'http://localhost:8080/graph/ontology', 'http://localhost:8080/graph/dataset',
    ]));
    const quads = await miniQuads();
    const triples = new Set(quads.map((q) => `${termToId(q.subject)} ${termToId(q.predicate)} ${termToId(q.object)}`));
    expect(quads).toHaveLength(154);
    expect(app.store.size).toBe(triples.size);
    expect(app.store.getQuads(null, null, null, null).every((q) => q.graph.termType === 'DefaultGraph')).toBe(true);
  });

  it('knows things by their triples, not by the shape of their IRI', () => {
    expect(hasSubject(app.store, app.iris.thesis('1.0449833'))).toBe(true);
    expect(hasSubject(app.store, app.iris.thesis('9.9999999'))).toBe(false);
  });

  it('reads redirects.json', () => {
    expect(app.redirects.merged.get('person/yi-li')).toBe('person/li-yi');
    expect(app.redirects.gone.has('thesis/1.0000000')).toBe(true);
  });

  it.each([
    ['id/organization/faw', ['en'], "China's First Automobile Works"],
    ['id/organization/faw', ['zh'], '中国第一汽车集团'],
    ['id/person/li-yi', ['en'], 'Li, Yi'],
    ['id/person/li-yi', ['fr'], 'Li, Yi'],
    ['id/collection/ubc-theses', ['en'], 'UBC Theses and Dissertations'],
    ['id/person/1.0449833-creator-2', ['en'], 'Doe, Jane'],
  ])('labels %s in %j as %s', (rel, langs, expected) => {
    expect(app.labels.get(`${app.iris.base}${rel}`, langs)).toBe(expected);
  });
});
