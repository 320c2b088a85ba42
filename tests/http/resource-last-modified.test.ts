// Documents send Last-Modified from the dates the build states (a record graph's, the dataset's), and answer If-Modified-Since.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { copyDist, testApp } from '../helpers/app.ts';

const B = 'http://localhost:8080/';
const DT = '<http://www.w3.org/2001/XMLSchema#dateTime>';
const MODIFIED = '<http://purl.org/dc/terms/modified>';
const RECORD = 'Fri, 22 Aug 2025 10:30:00 GMT';
const DATASET = 'Thu, 04 Dec 2025 00:00:00 GMT';
let app: FastifyInstance;

beforeAll(async () => {
  // dist-mini with the dates a build writes from its ledger (provenance of the record graph, the dataset description).
  const dist = await copyDist('last-modified');
  await appendFile(path.join(dist, 'dumps', 'dataset.nq'), [
    `<${B}graph/thesis/1.0449833> ${MODIFIED} "2025-08-22T10:30:00Z"^^${DT} <${B}graph/thesis/1.0449833> .`,
    `<${B}dataset#dataset> ${MODIFIED} "2025-12-04T00:00:00Z"^^${DT} <${B}graph/dataset> .`,
    '',
  ].join('\n'));
  app = await testApp({ distDir: dist });
});
afterAll(async () => { await app.close(); });

describe('Last-Modified', () => {
  it.each([
    ['/doc/thesis/1.0449833', RECORD],
    ['/doc/thesis/1.0449833.ttl', RECORD],
    ['/doc/abstract/1.0449833', RECORD],
    ['/doc/annotation/1.0449833-114-123.nt', RECORD],
    ['/doc/person/1.0449833-creator-2.html', RECORD],
    // An authority entity lists the theses linking to it: any record may change it.
    ['/doc/place/changchun', DATASET],
    ['/dataset', DATASET],
    ['/ontology.ttl', DATASET],
  ])('%s is dated %s', async (url, date) => {
    const r = await app.inject({ url, headers: { accept: 'text/turtle' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['last-modified']).toBe(date);
  });

  it('a thesis whose record graph states no date sends none', async () => {
    const r = await app.inject({ url: '/doc/thesis/1.0000001.ttl' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['last-modified']).toBeUndefined();
  });
});

describe('If-Modified-Since', () => {
  it.each([
    [RECORD, 304],
    ['Sat, 01 Jan 2030 00:00:00 GMT', 304],
    ['Fri, 22 Aug 2025 10:29:59 GMT', 200],
    ['not a date', 200],
  ])('If-Modified-Since: %s → %i', async (since, status) => {
    const r = await app.inject({ url: '/doc/thesis/1.0449833.ttl', headers: { 'if-modified-since': since } });
    expect(r.statusCode).toBe(status);
    expect(r.headers['last-modified']).toBe(RECORD);
    if (status === 304) {
      expect(r.body).toBe('');
      expect(r.headers.etag).toBeDefined();
    }
  });

  it('If-None-Match decides when both are sent (RFC 9110 §13.1.3)', async () => {
    const r = await app.inject({ url: '/doc/thesis/1.0449833.ttl', headers: { 'if-modified-since': RECORD, 'if-none-match': 'W/"other"' } });
    expect(r.statusCode).toBe(200);
  });

  it('the data store reads the dates', async () => {
    const dates = await app.data.modified([`${B}graph/thesis/1.0449833`, `${B}dataset#dataset`, `${B}id/place/changchun`]);
    expect(Object.fromEntries(dates)).toEqual({ [`${B}graph/thesis/1.0449833`]: '2025-08-22T10:30:00Z', [`${B}dataset#dataset`]: '2025-12-04T00:00:00Z' });
  });
});
