// Behind a reverse proxy: request paths map onto BASE_URI (with a path), Location never names the internal host:port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { rebasedDist, testApp } from '../helpers/app.ts';
import { parse } from '../helpers/rdf.ts';

const PUBLIC = 'https://theses.example.org/lod/';

describe('BASE_URI with a path, server on an internal port', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp({ distDir: await rebasedDist(PUBLIC), config: { baseUri: PUBLIC, port: 3000 } });
  });
  afterAll(async () => { await app.close(); });

  it.each(['/lod/id/thesis/1.0449833', '/id/thesis/1.0449833'])('%s (prefix kept or stripped by the proxy) answers 303 to the public document', async (url) => {
    const r = await app.inject({ url, headers: { host: '10.0.0.5:3000' } });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe(`${PUBLIC}doc/thesis/1.0449833`);
    expect(r.headers.location).not.toContain('3000');
  });

  it('ignores X-Forwarded-Host when the proxy is not trusted', async () => {
    const r = await app.inject({ url: '/lod/id/thesis/1.0449833', headers: { host: 'internal:3000', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' } });
    expect(r.headers.location).toBe(`${PUBLIC}doc/thesis/1.0449833`);
  });

  it('documents name public IRIs and link to paths under the base', async () => {
    const r = await app.inject({ url: '/lod/doc/thesis/1.0449833', headers: { accept: 'text/turtle', host: 'internal:3000' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-location']).toBe(`${PUBLIC}doc/thesis/1.0449833.ttl`);
    const quads = await parse(r.body, 'ttl');
    expect(quads.some((q) => q.subject.value === `${PUBLIC}id/thesis/1.0449833`)).toBe(true);
    const html = await app.inject({ url: '/lod/doc/thesis/1.0449833', headers: { accept: 'text/html' } });
    expect(html.body).toContain('<link rel="stylesheet" href="/lod/static/style.css">');
    expect(html.body).toContain('href="/lod/id/place/changchun"');
    expect(html.body).toContain(`<link rel="canonical" href="${PUBLIC}doc/thesis/1.0449833">`);
    expect((await app.inject({ url: '/lod/static/style.css' })).statusCode).toBe(200);
  });

  it('merged ids redirect within the public base', async () => {
    const r = await app.inject({ url: '/lod/id/person/yi-li', headers: { host: 'internal:3000' } });
    expect(r.statusCode).toBe(301);
    expect(r.headers.location).toBe(`${PUBLIC}id/person/li-yi`);
  });
});

describe('trusted proxy: the data keeps its base, the client is sent to the origin it used', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp({ config: { trustProxy: true } }); });
  afterAll(async () => { await app.close(); });

  it('uses X-Forwarded-Host/Proto for Location', async () => {
    const r = await app.inject({ url: '/id/thesis/1.0449833', headers: { host: 'internal:3000', 'x-forwarded-host': 'theses.example.org', 'x-forwarded-proto': 'https' } });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('https://theses.example.org/doc/thesis/1.0449833');
  });

  it('without forwarded headers, Location is from BASE_URI (never the Host header)', async () => {
    const r = await app.inject({ url: '/id/thesis/1.0449833', headers: { host: 'internal:3000' } });
    expect(r.headers.location).toBe('http://localhost:8080/doc/thesis/1.0449833');
  });

  it('refuses a forwarded host that is not a host name', async () => {
    const r = await app.inject({ url: '/id/thesis/1.0449833', headers: { 'x-forwarded-host': 'a b/c', 'x-forwarded-proto': 'https' } });
    expect(r.headers.location).toBe('http://localhost:8080/doc/thesis/1.0449833');
  });
});

describe('trusted proxy that sends X-Forwarded-Host but no X-Forwarded-Proto', () => {
  const HTTPS = 'https://theses.example.org/lod/';
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp({ distDir: await rebasedDist(HTTPS), config: { baseUri: HTTPS, trustProxy: true } }); });
  afterAll(async () => { await app.close(); });

  it.each(['theses.example.org', 'Theses.Example.org'])('keeps BASE_URI\'s https for its own host (%s)', async (host) => {
    const r = await app.inject({ url: '/lod/id/thesis/1.0449833', headers: { host: 'internal:3000', 'x-forwarded-host': host } });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe(`${HTTPS}doc/thesis/1.0449833`);
  });

  it('still follows an explicit X-Forwarded-Proto, and another host keeps the connection\'s scheme', async () => {
    const proto = await app.inject({ url: '/lod/id/thesis/1.0449833', headers: { host: 'internal:3000', 'x-forwarded-host': 'theses.example.org', 'x-forwarded-proto': 'http' } });
    expect(proto.headers.location).toBe('http://theses.example.org/lod/doc/thesis/1.0449833');
    const other = await app.inject({ url: '/lod/id/thesis/1.0449833', headers: { host: 'internal:3000', 'x-forwarded-host': 'mirror.example.org' } });
    expect(other.headers.location).toBe('http://mirror.example.org/lod/doc/thesis/1.0449833');
  });
});
