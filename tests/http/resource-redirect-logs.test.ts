// Redirects that end a request: a trailing slash answers 301 to the canonical IRI, and no 301 or 410 logs an error afterwards.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { build } from '../../src/app.ts';
import { testConfig } from '../helpers/app.ts';

const B = 'http://localhost:8080/';
const lines: { level: number; msg: string }[] = [];
let app: FastifyInstance;

beforeAll(async () => {
  // The app's own pino logger, writing to this array: what an operator's log would hold.
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as { level: number; msg: string });
      done();
    },
  });
  app = await build(testConfig(), { logger: { level: 'info', stream } });
});
afterAll(async () => { await app.close(); });

describe('a trailing slash redirects to the canonical IRI', () => {
  it.each([
    ['/id/thesis/1.0449833/', `${B}id/thesis/1.0449833`],
    ['/doc/thesis/1.0449833/', `${B}doc/thesis/1.0449833`],
    ['/doc/thesis/1.0449833.ttl/', `${B}doc/thesis/1.0449833.ttl`],
    ['/doc/thesis/1.0449833/?page=2', `${B}doc/thesis/1.0449833?page=2`],
    ['/id/person/li-yi/', `${B}id/person/li-yi`],
  ])('%s → 301 %s', async (url, location) => {
    const r = await app.inject({ url });
    expect(r.statusCode).toBe(301);
    expect(r.headers.location).toBe(location);
    expect(r.headers['access-control-allow-origin']).toBe('*');
  });

  it.each(['/id/widget/1/', '/id/thesis/..%2F/', '/doc/thesis/'])('%s is still 404 (not a kind/id)', async (url) => {
    expect((await app.inject({ url })).statusCode).toBe(404);
  });
});

describe('redirects and 410s log no error', () => {
  it.each([
    ['/id/person/yi-li', 301],
    ['/doc/person/yi-li.ttl', 301],
    ['/doc/person/yi-li', 301],
    ['/id/thesis/1.0449833/', 301],
    ['/doc/thesis/1.0000000.ttl', 410],
    ['/id/thesis/1.0000000', 410],
  ])('%s answers %i with nothing logged at error level', async (url, status) => {
    const before = lines.length;
    const r = await app.inject({ url, headers: { accept: 'text/turtle' } });
    expect(r.statusCode).toBe(status);
    // pino writes after the response; give it a tick.
    await new Promise((resolve) => setImmediate(resolve));
    const logged = lines.slice(before);
    expect(logged.some((l) => l.msg === 'request completed')).toBe(true);
    expect(logged.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
  });
});
