// The store plugin over dist-mini: quads, redirects and labels as other plugins read them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';
import { hasSubject } from '../../src/server/store.ts';

let app: FastifyInstance;
beforeAll(async () => { app = await testApp(); });
afterAll(async () => { await app.close(); });

describe('store plugin', () => {
  it('loads every named graph of dataset.nq', () => {
    const graphs = new Set(app.store.getGraphs(null, null, null).map((g) => g.value));
    expect(graphs).toEqual(new Set([
      'http://localhost:8080/graph/thesis/1.0449833', 'http://localhost:8080/graph/thesis/1.0000001',
      'http://localhost:8080/graph/authority', 'http://localhost:8080/graph/ontology', 'http://localhost:8080/graph/dataset',
    ]));
    expect(app.store.size).toBe(154);
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
