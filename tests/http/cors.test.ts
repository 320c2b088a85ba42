// CORS as each route family has it: documents, redirects and SPARQL (headers exposed, preflights), dumps, and no CORS elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';
import { siteDist } from './site-dist.ts';

let app: FastifyInstance;
beforeAll(async () => { app = await testApp({ distDir: await siteDist() }); });
afterAll(async () => { await app?.close(); });

const ORIGIN = { origin: 'https://app.example' };
const DOCUMENT_EXPOSE = 'Content-Location, Link, ETag, Vary, Location';

describe('simple requests', () => {
  it.each([
    ['/doc/thesis/1.0449833.ttl', 200, DOCUMENT_EXPOSE],
    ['/id/thesis/1.0449833', 303, DOCUMENT_EXPOSE],
    ['/doc/thesis/9.9999999', 404, DOCUMENT_EXPOSE],
    ['/dataset', 200, DOCUMENT_EXPOSE],
    ['/graph/ontology', 303, DOCUMENT_EXPOSE],
    ['/.well-known/void', 302, DOCUMENT_EXPOSE],
    ['/sparql?query=ASK%20%7B%7D', 200, 'X-SPARQL-MaxRows, Retry-After, Content-Type'],
    ['/sparql?query=nonsense', 400, 'X-SPARQL-MaxRows, Retry-After, Content-Type'],
  ])('%s (%i) allows any origin and exposes its headers', async (url, status, expose) => {
    const r = await app.inject({ url, headers: { ...ORIGIN, accept: 'text/turtle, application/sparql-results+json' } });
    expect(r.statusCode).toBe(status);
    expect(r.headers['access-control-allow-origin']).toBe('*');
    expect(r.headers['access-control-expose-headers']).toBe(expose);
    expect(r.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('a dump file allows any origin and exposes nothing more; a missing one has no CORS', async () => {
    const dump = await app.inject({ url: '/dumps/dataset.nq', headers: ORIGIN });
    expect(dump.statusCode).toBe(200);
    expect(dump.headers['access-control-allow-origin']).toBe('*');
    expect(dump.headers['access-control-expose-headers']).toBeUndefined();
    const missing = await app.inject({ url: '/dumps/dataset.xyz', headers: ORIGIN });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each(['/', '/search', '/browse', '/robots.txt', '/health'])('%s (a page for people) sends no CORS headers', async (url) => {
    const r = await app.inject({ url, headers: ORIGIN });
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('preflight', () => {
  it.each(['/doc/thesis/1.0449833', '/id/thesis/1.0449833', '/dataset', '/ontology'])('%s answers 204 for documents', async (url) => {
    const r = await app.inject({ method: 'OPTIONS', url, headers: { ...ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' } });
    expect(r.statusCode).toBe(204);
    expect(r.body).toBe('');
    expect(r.headers['access-control-allow-origin']).toBe('*');
    expect(r.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
    expect(r.headers['access-control-allow-headers']).toBe('Accept, If-None-Match, If-Modified-Since, Accept-Language');
    expect(r.headers['access-control-max-age']).toBe('86400');
  });

  it('a document preflight without Origin still answers 204 (as before: no strict preflight)', async () => {
    expect((await app.inject({ method: 'OPTIONS', url: '/doc/thesis/1.0449833' })).statusCode).toBe(204);
  });

  it('/sparql allows the request headers asked for, and says Allow', async () => {
    const r = await app.inject({ method: 'OPTIONS', url: '/sparql', headers: { ...ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-custom' } });
    expect(r.statusCode).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe('*');
    expect(r.headers['access-control-allow-methods']).toBe('GET, HEAD, POST, OPTIONS');
    expect(r.headers['access-control-allow-headers']).toBe('content-type, x-custom');
    expect(r.headers['access-control-max-age']).toBe('86400');
    expect(r.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
  });

  it('/sparql without requested headers allows Accept and Content-Type', async () => {
    const r = await app.inject({ method: 'OPTIONS', url: '/sparql', headers: { ...ORIGIN, 'access-control-request-method': 'POST' } });
    expect(r.headers['access-control-allow-headers']).toBe('Accept, Content-Type');
  });

  it('OPTIONS on a page for people is 404 without CORS', async () => {
    const r = await app.inject({ method: 'OPTIONS', url: '/search', headers: { ...ORIGIN, 'access-control-request-method': 'GET' } });
    expect(r.statusCode).toBe(404);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });
});
