// /dumps/: the index as HTML and JSON, every dump and its gzip variant with checksums, Range, ETag and Last-Modified.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtDist, testApp } from '../helpers/app.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
let app: FastifyInstance;
let dist: string;

beforeAll(async () => {
  dist = await builtDist();
  app = await testApp({ distDir: dist });
}, 180_000);
afterAll(async () => { await app?.close(); });

describe('/dumps/', () => {
  it('lists every dump with size, checksum, media type and its gzip variant as JSON', async () => {
    const res = await app.inject({ url: '/dumps/', headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers.vary).toMatch(/Accept/);
    const { dumps } = JSON.parse(res.body) as { dumps: any[] };
    expect(dumps.map((d) => d.name)).toEqual(['dataset.ttl', 'dataset.nt', 'dataset.nq', 'dataset.jsonld', 'dataset.rdf']);
    for (const d of dumps) {
      const bytes = await readFile(path.join(dist, 'dumps', d.name));
      expect(d).toMatchObject({ bytes: bytes.length, sha256: sha(bytes), url: `http://localhost:8080/dumps/${d.name}` });
      const gz = await readFile(path.join(dist, 'dumps', d.gzip.name));
      expect(d.gzip).toMatchObject({ name: `${d.name}.gz`, bytes: gz.length, sha256: sha(gz), mediaType: 'application/gzip' });
      // The variant is the dump, compressed.
      expect(sha(gunzipSync(gz))).toBe(d.sha256);
    }
    expect(dumps.find((d) => d.name === 'dataset.nq').mediaType).toBe('application/n-quads');
  });

  it('is a page with one table for a browser; /dumps redirects to it', async () => {
    const res = await app.inject({ url: '/dumps/', headers: { accept: 'text/html,*/*;q=0.8' } });
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body.match(/<table/g)).toHaveLength(1);
    for (const f of ['dataset.nq', 'dataset.nq.gz', 'dataset.nq.gz.sha256']) expect(res.body).toContain(`href="/dumps/${f}"`);
    expect((await app.inject('/dumps')).headers.location).toBe('http://localhost:8080/dumps/');
    expect((await app.inject({ url: '/dumps/', headers: { accept: 'image/png' } })).statusCode).toBe(406);
  });

  it('sends the gzip variant and its checksum file in sha256sum format', async () => {
    const res = await app.inject('/dumps/dataset.nq.gz');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
    const sum = (await app.inject('/dumps/dataset.nq.gz.sha256')).body;
    expect(sum).toBe(`${sha(res.rawPayload)}  dataset.nq.gz\n`);
  });

  it('answers Range with 206 and the bytes asked for, and keeps ETag and Last-Modified', async () => {
    const whole = await readFile(path.join(dist, 'dumps', 'dataset.nt'));
    const full = await app.inject({ url: '/dumps/dataset.nt', headers: { 'accept-encoding': 'identity' } });
    expect(full.headers['accept-ranges']).toBe('bytes');
    expect(full.headers.etag).toBeDefined();
    expect(full.headers['last-modified']).toBeDefined();
    const part = await app.inject({ url: '/dumps/dataset.nt', headers: { range: 'bytes=10-99', 'accept-encoding': 'identity' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-99/${whole.length}`);
    expect(part.rawPayload.equals(whole.subarray(10, 100))).toBe(true);
    const gz = await app.inject({ url: '/dumps/dataset.nq.gz', headers: { range: 'bytes=0-1' } });
    expect(gz.statusCode).toBe(206);
    expect([...gz.rawPayload]).toEqual([0x1f, 0x8b]);
    const again = await app.inject({ url: '/dumps/dataset.nt', headers: { 'if-none-match': full.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect((await app.inject({ url: '/dumps/dataset.nt', headers: { range: `bytes=${whole.length + 10}-` } })).statusCode).toBe(416);
  });

  it('sends nothing else from the folder', async () => {
    for (const url of ['/dumps/other.txt', '/dumps/../build-report.json', '/dumps/dataset.nq.gz.tmp']) expect((await app.inject(url)).statusCode).toBe(404);
  });
});
