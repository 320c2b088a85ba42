// The resolver: each identifier kind answers 303 to the thesis URI, DOIs in any case and prefix, unknown 404, malformed 400 saying why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';
import { catalogDist } from './resolve-dist.ts';

const B = 'http://localhost:8080/';
let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp({ distDir: await catalogDist() });
});
afterAll(async () => app?.close());

const get = (query: string) => app.inject({ method: 'GET', url: `/resolve?${query}` });

// [query, the thesis it names]
const resolves: [string, string][] = [
  ['doi=10.14288/1.0449833', '1.0449833'],
  ['doi=10.14288%2F1.0449833', '1.0449833'],
  [`doi=${encodeURIComponent('https://doi.org/10.14288/1.0449833')}`, '1.0449833'],
  [`doi=${encodeURIComponent('http://dx.doi.org/10.14288/1.0435001')}`, '1.0435001'],
  ['doi=doi:10.14288/1.0435001', '1.0435001'],
  ['doi=DOI:10.14288/1.0435001', '1.0435001'],
  ['doi=10.14288%2F1.0412345', '1.0412345'],
  [`doi=${encodeURIComponent('HTTPS://DOI.ORG/10.14288/1.0449833')}`, '1.0449833'],
  ['doi=%2010.14288/1.0449833%20', '1.0449833'],
  ['handle=2429/90001', '1.0435001'],
  [`handle=${encodeURIComponent('http://hdl.handle.net/2429/90001')}`, '1.0435001'],
  ['handle=hdl:2429/87654', '1.0412345'],
  ['id=1.0435003', '1.0435003'],
  ['id=1.0449833', '1.0449833'],
  [`url=${encodeURIComponent('https://open.library.ubc.ca/collections/ubctheses/24/items/1.0435002')}`, '1.0435002'],
  [`url=${encodeURIComponent('http://OPEN.library.ubc.ca/collections/ubctheses/24/items/1.0435002/')}`, '1.0435002'],
  [`url=${encodeURIComponent('https://open.library.ubc.ca/collections/ubctheses/24/items/1.0435002?ref=x#abstract')}`, '1.0435002'],
  // An Open Collections page the records did not write still names its item.
  [`url=${encodeURIComponent('https://open.library.ubc.ca/soa/cIRcle/collections/ubctheses/24/items/1.0449833')}`, '1.0449833'],
];

describe('GET /resolve', () => {
  it.each(resolves)('%s → 303 to thesis %s', async (query, id) => {
    const res = await get(query);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`${B}id/thesis/${id}`);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it.each([
    ['doi=10.14288/1.9999999', 'doi'],
    ['handle=2429/1', 'handle'],
    ['id=1.9999999', 'id'],
    [`url=${encodeURIComponent('https://example.org/page')}`, 'url'],
  ])('an identifier we do not hold (%s) answers 404', async (query, kind) => {
    const res = await get(query);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain(`has ${kind}`);
  });

  it('a record deleted at the source before it was ever published is not held: 404', async () => {
    expect((await get('id=1.0435004')).statusCode).toBe(404);
  });

  it.each([
    ['doi=1.0449833', 'is not a DOI'],
    ['doi=banana', 'is not a DOI'],
    ['handle=not-a-handle', 'is not a handle'],
    ['id=..%2Fetc', 'is not an item id'],
    ['url=ftp%3A%2F%2Fexample.org%2Fx', 'is not an http(s) URL'],
    ['url=open.library', 'is not a URL'],
    ['', 'no identifier'],
    ['doi=', 'doi is empty'],
    ['doi=10.14288/1.0449833&id=1.0449833', 'more than one identifier'],
    ['doi=10.14288/1.0449833&doi=10.14288/1.0435001', 'more than once'],
  ])('a malformed request (%s) answers 400 saying why', async (query, why) => {
    const res = await get(query);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(why);
  });
});
