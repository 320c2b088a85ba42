// Documents in five formats: each parsed by a real parser, the four RDF syntaxes isomorphic, with the headers negotiation needs.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { isomorphic } from 'rdf-isomorphic';
import { DataFactory } from 'n3';
import { testApp } from '../helpers/app.ts';
import { parse } from '../helpers/rdf.ts';
import { describe as describeThing } from '../../src/server/describe.ts';

const { namedNode, literal } = DataFactory;
const B = 'http://localhost:8080/';
const RDF_EXTS = ['ttl', 'nt', 'jsonld', 'rdf'] as const;
const TYPES = { ttl: 'text/turtle', nt: 'application/n-triples', jsonld: 'application/ld+json', rdf: 'application/rdf+xml', html: 'text/html' };

let app: FastifyInstance;
beforeAll(async () => { app = await testApp(); });
afterAll(async () => { await app.close(); });

describe.each(['thesis/1.0449833', 'place/changchun', 'annotation/1.0449833-114-123', 'person/li-yi'])('doc/%s', (rel) => {
  it.each(RDF_EXTS)('the .%s document parses and equals the N-Triples one (isomorphic)', async (ext) => {
    const nt = await parse((await app.inject({ url: `/doc/${rel}.nt` })).body, 'nt');
    const r = await app.inject({ url: `/doc/${rel}.${ext}` });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain(TYPES[ext]);
    expect(r.headers.vary).toBeUndefined();
    expect(r.headers['access-control-allow-origin']).toBe('*');
    const quads = await parse(r.body, ext, `${B}doc/${rel}`);
    expect(quads.length).toBeGreaterThan(3);
    expect(isomorphic(quads, nt)).toBe(true);
  });

  it.each(Object.entries(TYPES))('Accept %s is negotiated with Vary, Content-Location and Link', async (ext, type) => {
    const r = await app.inject({ url: `/doc/${rel}`, headers: { accept: type } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain(type);
    expect(r.headers.vary).toBe('Accept');
    expect(r.headers['content-location']).toBe(`${B}doc/${rel}.${ext}`);
    const link = String(r.headers.link);
    for (const [e, t] of Object.entries(TYPES)) expect(link).toContain(`<${B}doc/${rel}.${e}>; rel="alternate"; type="${t}"`);
  });
});

describe('what a thesis document holds', () => {
  it('its triples, labels of what it links to, its abstract and annotations with selectors', async () => {
    const quads = await parse((await app.inject({ url: '/doc/thesis/1.0449833.ttl' })).body, 'ttl');
    const has = (s: string, p: string, o: ReturnType<typeof namedNode> | ReturnType<typeof literal>) =>
      quads.some((q) => q.subject.value === s && q.predicate.value === p && q.object.equals(o));
    expect(has(`${B}id/thesis/1.0449833`, 'http://purl.org/dc/terms/issued', literal('2025', namedNode('http://www.w3.org/2001/XMLSchema#gYear')))).toBe(true);
    expect(has(`${B}id/place/changchun`, 'http://www.w3.org/2004/02/skos/core#prefLabel', literal('Changchun', 'en'))).toBe(true);
    expect(has(`${B}id/annotation/1.0449833-114-123#position`, 'http://www.w3.org/ns/oa#start', literal('114', namedNode('http://www.w3.org/2001/XMLSchema#nonNegativeInteger')))).toBe(true);
    expect(has(`${B}id/abstract/1.0449833`, 'http://purl.org/dc/terms/isPartOf', namedNode(`${B}id/thesis/1.0449833`))).toBe(true);
    // The author list (blank nodes) survives: two cells.
    expect(quads.filter((q) => q.predicate.value.endsWith('#first')).length).toBe(2);
  });

  it('a place lists what links to it (incoming), each with a label', async () => {
    const quads = await parse((await app.inject({ url: '/doc/place/changchun.nt' })).body, 'nt');
    const mentioning = quads.filter((q) => q.predicate.value === 'http://schema.org/mentions' && q.object.value === `${B}id/place/changchun`).map((q) => q.subject.value);
    expect(mentioning.sort()).toEqual([`${B}id/thesis/1.0000001`, `${B}id/thesis/1.0449833`]);
    expect(quads.some((q) => q.subject.value === `${B}id/thesis/1.0000001` && q.predicate.value === 'http://purl.org/dc/terms/title')).toBe(true);
  });

  it('incoming links are paged', () => {
    const subject = app.iris.entity('place', 'changchun');
    const all = describeThing(app.store, app.iris, subject, { pageSize: 1000 });
    expect(all.incomingTotal).toBeGreaterThanOrEqual(5);
    const pages = [1, 2, 3].map((page) => describeThing(app.store, app.iris, subject, { page, pageSize: 2 }));
    expect(pages.map((p) => p.incoming.length)).toEqual([2, 2, Math.min(2, all.incomingTotal - 4)]);
    expect(pages[0]!.hasNext).toBe(true);
    const seen = pages.flatMap((p) => p.incoming.map((q) => `${q.subject.value} ${q.predicate.value}`));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it.each([['?page=0', 400], ['?page=abc', 400], ['?page=2', 404], ['?page=1', 200]])('doc/place/changchun.ttl%s → %i', async (q, status) => {
    expect((await app.inject({ url: `/doc/place/changchun.ttl${q}` })).statusCode).toBe(status);
  });
});

describe('negotiation details', () => {
  it.each([
    ['text/html;q=0.9, text/turtle', 'text/turtle'],
    ['application/rdf+xml;q=0.5, application/ld+json;q=0.6', 'application/ld+json'],
    ['*/*', 'text/html'],
    ['application/json', 'application/ld+json'],
    // Parameters other than q never make a 406.
    ['text/turtle; charset=utf-8', 'text/turtle'],
    ['application/rdf+xml; charset=UTF-8', 'application/rdf+xml'],
    ['text/html;level=1', 'text/html'],
    ['application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"', 'application/ld+json'],
  ])('Accept %j → %s', async (accept, type) => {
    const r = await app.inject({ url: '/doc/thesis/1.0449833', headers: { accept } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain(type);
  });

  it('?format= wins over Accept', async () => {
    const r = await app.inject({ url: '/doc/thesis/1.0449833?format=nt', headers: { accept: 'text/html' } });
    expect(r.headers['content-type']).toContain('application/n-triples');
    expect(r.headers['content-location']).toBe(`${B}doc/thesis/1.0449833.nt`);
  });

  it('406 lists what can be served', async () => {
    for (const r of [
      await app.inject({ url: '/doc/thesis/1.0449833', headers: { accept: 'image/png' } }),
      await app.inject({ url: '/doc/thesis/1.0449833?format=csv' }),
    ]) {
      expect(r.statusCode).toBe(406);
      for (const t of Object.values(TYPES)) expect(r.body).toContain(t);
    }
  });

  it('ETag, and 304 on If-None-Match (also in a list and weak)', async () => {
    const r = await app.inject({ url: '/doc/thesis/1.0449833.ttl' });
    const etag = String(r.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]{20,}"$/);
    const again = await app.inject({ url: '/doc/thesis/1.0449833.ttl' });
    expect(again.headers.etag).toBe(etag);
    for (const inm of [etag, `"nope", ${etag}`, etag.slice(2)]) {
      const c = await app.inject({ url: '/doc/thesis/1.0449833.ttl', headers: { 'if-none-match': inm } });
      expect(c.statusCode).toBe(304);
      expect(c.body).toBe('');
      expect(c.headers.etag).toBe(etag);
    }
    const other = await app.inject({ url: '/doc/thesis/1.0449833.nt', headers: { 'if-none-match': etag } });
    expect(other.statusCode).toBe(200);
  });

  it('HEAD answers like GET, without a body', async () => {
    const get = await app.inject({ url: '/doc/thesis/1.0449833', headers: { accept: 'text/turtle' } });
    const head = await app.inject({ method: 'HEAD', url: '/doc/thesis/1.0449833', headers: { accept: 'text/turtle' } });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    for (const h of ['content-type', 'etag', 'content-location', 'vary', 'link']) expect(head.headers[h]).toBe(get.headers[h]);
  });

  it('compresses when asked', async () => {
    const r = await app.inject({ url: '/doc/thesis/1.0449833.nt', headers: { 'accept-encoding': 'gzip' } });
    expect(r.headers['content-encoding']).toBe('gzip');
    const plain = gunzipSync(r.rawPayload).toString('utf8');
    expect((await parse(plain, 'nt')).length).toBeGreaterThan(20);
  });

  it('answers a CORS preflight for documents', async () => {
    const r = await app.inject({ method: 'OPTIONS', url: '/doc/thesis/1.0449833', headers: { origin: 'https://app.example', 'access-control-request-method': 'GET' } });
    expect(r.statusCode).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe('*');
  });
});
