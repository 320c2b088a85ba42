// Security headers on every answer (CSP a route may relax) and the one error handler: 4xx explain, 5xx never leak.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import errorsPlugin from '../../src/server/errors.ts';
import securityPlugin, { cspHeader } from '../../src/server/security.ts';
import { ERR_BUSY, ERR_BUILD, ERR_QUERY_SYNTAX } from '../../src/core/errors.ts';
import { testApp, testConfig } from '../helpers/app.ts';

const SECRET = 'ENOENT: /srv/secret/path/db.key at Object.<anonymous> (internal.ts:42)';

/** A bare app with only the errors and security plugins, and routes that fail in each way. */
async function failingApp(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 1024 });
  app.decorate('config', testConfig());
  await app.register(errorsPlugin);
  await app.register(securityPlugin);
  app.get('/crash', async () => { throw new Error(SECRET); });
  app.get('/ours-500', async () => { throw ERR_BUILD(SECRET); });
  app.get('/busy', async (_req, reply) => { reply.header('retry-after', '5'); throw ERR_BUSY('4 queries are running; try again shortly'); });
  app.get('/syntax', async () => { throw ERR_QUERY_SYNTAX('Parse error on line 1: expected WHERE'); });
  app.post('/echo', async (req) => req.body);
  app.get('/relaxed', { config: { csp: { 'script-src': "'self' 'unsafe-eval'", 'style-src': "'self' 'unsafe-inline'" } } }, async () => 'ok');
  await app.ready();
  return app;
}

let app: FastifyInstance;
beforeAll(async () => { app = await failingApp(); });
afterAll(async () => { await app.close(); });

describe('5xx never leak internals', () => {
  it.each(['/crash', '/ours-500'])('%s: generic message and request id, in text, JSON and HTML', async (url) => {
    for (const accept of ['*/*', 'application/json', 'text/html']) {
      const r = await app.inject({ url, headers: { accept } });
      expect(r.statusCode).toBe(500);
      expect(r.body).not.toContain('secret');
      expect(r.body).not.toContain('internal.ts');
      expect(r.body).not.toMatch(/at \w+ \(/);
      expect(r.body).toContain('Internal server error');
      expect(r.body).toContain('req-');
    }
  });

  it('our 503s say what to do, keeping Retry-After', async () => {
    const r = await app.inject({ url: '/busy', headers: { accept: 'application/json' } });
    expect(r.statusCode).toBe(503);
    expect(r.headers['retry-after']).toBe('5');
    expect(r.json()).toMatchObject({ code: 'TL_ERR_BUSY', message: expect.stringContaining('try again') });
  });
});

describe('4xx explain', () => {
  it('our 400 carries its message', async () => {
    const r = await app.inject({ url: '/syntax' });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('Parse error on line 1');
  });

  it.each([
    [{ 'content-type': 'application/json' }, 'x'.repeat(2048), 413, /body/i],
    [{ 'content-type': 'application/x-unknown' }, 'abc', 415, /content[- ]type|media type/i],
    [{ 'content-type': 'application/json' }, '{"a":', 400, /json/i],
  ])('fastify errors keep their explanation (%j → %i)', async (headers, payload, status, message) => {
    const r = await app.inject({ method: 'POST', url: '/echo', headers: { ...headers, accept: 'application/json' }, payload });
    expect(r.statusCode).toBe(status);
    expect(r.json().message).toMatch(message);
  });

  it('not found: text for scripts, a page for browsers', async () => {
    const text = await app.inject({ url: '/nope' });
    expect(text.statusCode).toBe(404);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect(text.headers.vary).toBe('Accept');
    const page = await app.inject({ url: '/nope<script>', headers: { accept: 'text/html' } });
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).not.toContain('<script>');
    expect(page.body).toContain('nothing is published at /nope%3Cscript%3E');
  });
});

describe('security headers', () => {
  it.each(['/crash', '/nope', '/syntax'])('%s has them (errors included)', async (url) => {
    const r = await app.inject({ url });
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
  });

  it('a route can relax its own policy', async () => {
    const r = await app.inject({ url: '/relaxed' });
    expect(r.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-eval'");
    expect(r.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(cspHeader({ 'frame-ancestors': '' })).not.toContain('frame-ancestors');
  });

  it('the built app sends them on resource pages, and CORS on RDF documents', async () => {
    const full = await testApp();
    try {
      const page = await full.inject({ url: '/doc/thesis/1.0449833', headers: { accept: 'text/html' } });
      expect(page.headers['content-security-policy']).toContain("object-src 'none'");
      const ttl = await full.inject({ url: '/doc/thesis/1.0449833.ttl', headers: { origin: 'https://app.example' } });
      expect(ttl.headers['access-control-allow-origin']).toBe('*');
      expect(String(ttl.headers['access-control-expose-headers'])).toContain('Link');
    } finally {
      await full.close();
    }
  });
});
