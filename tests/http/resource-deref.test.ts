// Dereferencing B id/{kind}/{id}: 303 to the document when the store knows the thing, 301 merged, 410 gone, 404 unknown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';

const B = 'http://localhost:8080/';
let app: FastifyInstance;
beforeAll(async () => { app = await testApp(); });
afterAll(async () => { await app.close(); });

describe('things answer 303 See Other to their document', () => {
  it.each([
    'thesis/1.0449833', 'person/li-yi', 'person/1.0449833-creator-2', 'organization/faw', 'place/changchun',
    'concept/sino-soviet-relations', 'collection/ubc-theses', 'degree/ma', 'annotation/1.0449833-114-123', 'abstract/1.0449833',
  ])('id/%s', async (rel) => {
    const r = await app.inject({ url: `/id/${rel}`, headers: { accept: 'text/turtle' } });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe(`${B}doc/${rel}`);
    expect(r.body).toBe('');
    expect(r.headers['access-control-allow-origin']).toBe('*');
  });

  it('HEAD answers like GET', async () => {
    const r = await app.inject({ method: 'HEAD', url: '/id/thesis/1.0449833' });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe(`${B}doc/thesis/1.0449833`);
  });
});

describe('unknown ids answer 404, decided by the store and not the IRI pattern', () => {
  it.each([
    '/id/thesis/9.9999999', // well-formed, absent
    '/id/place/atlantis',
    '/id/person/li-yi.ttl', // ids may hold dots: this is an unknown id, not a format
    '/id/widget/1', // not a kind
    '/id/thesis/..', '/id/thesis/%2e%2e', '/id/thesis/a%20b',
    '/doc/thesis/9.9999999', '/doc/thesis/9.9999999.ttl', '/doc/thesis/1.0449833.exe', '/doc/thesis/1.0449833.TTL',
    '/doc/thesis/', '/nothing/here',
  ])('%s', async (url) => {
    const r = await app.inject({ url, headers: { accept: 'text/turtle' } });
    expect(r.statusCode).toBe(404);
    expect(r.headers.location).toBeUndefined();
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    // The body's format follows Accept: caches must know.
    expect(r.headers.vary).toMatch(/\bAccept\b/);
  });

  it('a browser gets a 404 page, a script gets JSON when it asks', async () => {
    const html = await app.inject({ url: '/id/thesis/9.9999999', headers: { accept: 'text/html,*/*;q=0.8' } });
    expect(html.statusCode).toBe(404);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain('<h1>Not Found</h1>');
    const json = await app.inject({ url: '/id/thesis/9.9999999', headers: { accept: 'application/json' } });
    expect(json.json()).toMatchObject({ statusCode: 404, code: 'TL_ERR_NOT_FOUND' });
  });
});

describe('things and documents are read-only', () => {
  it.each([
    ['POST', '/doc/thesis/1.0449833'], ['PUT', '/doc/thesis/1.0449833.ttl'], ['DELETE', '/doc/thesis/1.0449833'], ['PATCH', '/doc/place/changchun'],
    ['POST', '/id/thesis/1.0449833'], ['PUT', '/id/person/li-yi'], ['DELETE', '/id/thesis/9.9999999'],
    ['POST', '/dataset'], ['DELETE', '/ontology'], ['PUT', '/graph/thesis/1.0449833'],
  ] as const)('%s %s answers 405 with Allow', async (method, url) => {
    const r = await app.inject({ method, url, headers: { 'content-type': 'text/turtle' }, payload: '<a> <b> <c> .' });
    expect(r.statusCode).toBe(405);
    expect(r.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(r.body).toMatch(/read-only/);
  });
});

describe('merged and withdrawn ids', () => {
  it('a merged id answers 301 to its successor (thing and document, format kept)', async () => {
    const id = await app.inject({ url: '/id/person/yi-li' });
    expect(id.statusCode).toBe(301);
    expect(id.headers.location).toBe(`${B}id/person/li-yi`);
    const doc = await app.inject({ url: '/doc/person/yi-li.ttl' });
    expect(doc.statusCode).toBe(301);
    expect(doc.headers.location).toBe(`${B}doc/person/li-yi.ttl`);
  });

  it('a withdrawn id answers 410 Gone with a page that says so', async () => {
    const r = await app.inject({ url: '/id/thesis/1.0000000', headers: { accept: 'text/html' } });
    expect(r.statusCode).toBe(410);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.body).toContain('no longer published');
    expect(r.body).toContain('Withdrawn at the author&#39;s request');
    const doc = await app.inject({ url: '/doc/thesis/1.0000000.ttl' });
    expect(doc.statusCode).toBe(410);
    expect(doc.body).toContain('no longer published');
  });
});

describe('dataset and ontology documents', () => {
  it('/.well-known/void redirects to the dataset description', async () => {
    const r = await app.inject({ url: '/.well-known/void' });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe(`${B}dataset`);
  });

  it.each([['/dataset', 'dataset.ttl'], ['/ontology', 'ontology.ttl']])('%s negotiates', async (url, loc) => {
    const r = await app.inject({ url, headers: { accept: 'text/turtle' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/turtle/);
    expect(r.headers.vary).toBe('Accept');
    expect(r.headers['content-location']).toBe(`${B}${loc}`);
  });
});

describe('named-graph IRIs resolve', () => {
  it.each([
    ['graph/thesis/1.0449833', `${B}doc/thesis/1.0449833`],
    ['graph/ontology', `${B}ontology`],
    ['graph/dataset', `${B}dataset`],
    ['graph/authority', `${B}dataset`],
  ])('%s → 303 %s', async (rel, location) => {
    const r = await app.inject({ url: `/${rel}` });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe(location);
  });

  it.each(['graph/thesis/9.9', 'graph/thesis/..', 'graph/other', 'graph/thesis/1.0449833/x'])('%s → 404', async (rel) => {
    expect((await app.inject({ url: `/${rel}` })).statusCode).toBe(404);
  });
});
