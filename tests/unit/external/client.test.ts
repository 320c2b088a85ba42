// The store client against a local listener speaking as Virtuoso does: partial "anytime" answers refused, the silent row cap flagged, failover and the circuit.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreClient } from '../../../src/store-external/client.ts';
import { ReplicaSet } from '../../../src/store-external/replicas.ts';

const BODY = JSON.stringify({ head: { vars: ['n'] }, results: { bindings: [{ n: { type: 'literal', value: '1' } }] } });
let server: http.Server;
let url = '';
const hits: string[] = [];
// What the listener answers, by the query's first word.
const behaviours: Record<string, (res: http.ServerResponse) => void> = {
  ANYTIME: (res) => res.writeHead(200, { 'content-type': 'application/sparql-results+json', 'x-sql-state': 'S1TAT', 'x-exec-milliseconds': '2005' }).end(BODY),
  CAPPED: (res) => res.writeHead(200, { 'content-type': 'application/sparql-results+json', 'x-sparql-maxrows': '100' }).end(BODY),
  REFUSED: (res) => res.writeHead(400, { 'content-type': 'text/plain' }).end('Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error\n\nSPARQL query:\nREFUSED'),
  BROKEN: (res) => res.writeHead(502).end('bad gateway'),
  SLOW: (res) => setTimeout(() => res.writeHead(200).end(BODY), 3000),
  OK: (res) => res.writeHead(200, { 'content-type': 'application/sparql-results+json' }).end(BODY),
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const query = new URLSearchParams(body).get('query') ?? '';
      hits.push(query);
      (behaviours[query.split(' ')[0]!] ?? behaviours.OK!)(res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sparql`;
});
afterAll(() => new Promise((r) => { server.closeAllConnections(); server.close(r); }));

const options = { accept: 'application/sparql-results+json', timeoutMs: 1000 };

describe('StoreClient', () => {
  it('refuses a partial "anytime" answer (200 with X-SQL-State) as a 503 timeout', async () => {
    await expect(new StoreClient(new ReplicaSet([url])).query('ANYTIME', options)).rejects.toMatchObject({ statusCode: 503, code: 'TL_ERR_QUERY_TIMEOUT' });
  });

  it('says when the store\'s row cap cut the answer (X-SPARQL-MaxRows)', async () => {
    expect((await new StoreClient(new ReplicaSet([url])).query('CAPPED', options)).cutAt).toBe(100);
    expect((await new StoreClient(new ReplicaSet([url])).query('OK', options)).cutAt).toBeUndefined();
  });

  it('a query the store refuses is the client\'s error (400 with the store\'s first line), and the replica stays in service', async () => {
    const replicas = new ReplicaSet([url]);
    await expect(new StoreClient(replicas).query('REFUSED', options)).rejects.toMatchObject({ statusCode: 400, message: expect.stringMatching(/SP030.*syntax error$/) });
    expect(replicas.replicas[0]!.failures).toBe(0);
  });

  it('fails over from an unreachable replica, and opens its circuit after two failures', async () => {
    const replicas = new ReplicaSet(['http://127.0.0.1:9/sparql', url], { cooldownMs: 60_000 });
    const client = new StoreClient(replicas);
    for (let i = 0; i < 4; i++) expect((await client.query('OK', options)).replica).toBe(url);
    expect(replicas.replicas[0]!.openUntil).toBeGreaterThan(Date.now());
    // Out of service: it is not even tried any more.
    expect(replicas.order().map((r) => r.url)).toEqual([url]);
  });

  it('a slow store answers 503 within the timeout, never a hang', async () => {
    const started = Date.now();
    await expect(new StoreClient(new ReplicaSet([url])).query('SLOW', options)).rejects.toMatchObject({ statusCode: 503, code: 'TL_ERR_STORE_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('a replica answering 5xx without a store error counts as failing; every replica out is a 503', async () => {
    await expect(new StoreClient(new ReplicaSet([url])).query('BROKEN', options)).rejects.toMatchObject({ statusCode: 503, message: expect.stringMatching(/answered 502/) });
  });
});

describe('ReplicaSet', () => {
  it('spreads requests round robin, skips an open circuit, and tries it again after the cooldown', () => {
    let now = 0;
    const set = new ReplicaSet(['a', 'b'], { threshold: 1, cooldownMs: 1000, now: () => now });
    expect([set.order()[0]!.url, set.order()[0]!.url, set.order()[0]!.url]).toEqual(['a', 'b', 'a']);
    set.failed(set.replicas[1]!, 'down');
    expect(set.order().map((r) => r.url)).toEqual(['a']);
    now = 1500;
    expect(set.order().map((r) => r.url)).toContain('b');
    set.succeeded(set.replicas[1]!);
    expect(set.replicas[1]!.openUntil).toBe(0);
  });

  it('with every circuit open, tries the one due soonest rather than none', () => {
    let now = 0;
    const set = new ReplicaSet(['a', 'b'], { threshold: 1, cooldownMs: 1000, now: () => now });
    set.failed(set.replicas[0]!, 'down');
    now = 10;
    set.failed(set.replicas[1]!, 'down');
    expect(set.order().map((r) => r.url)).toEqual(['a', 'b']);
    expect(set.anyInService).toBe(false);
  });
});
