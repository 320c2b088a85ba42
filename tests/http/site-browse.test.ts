// Browse: /browse lists the theses, and /browse/{year,degree,program,collection} list the values with their theses.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';
import { siteDist } from './site-dist.ts';

let app: FastifyInstance;
let bare: FastifyInstance;
beforeAll(async () => {
  const dist = await siteDist();
  // The seed thesis's program, as the mapping states it (dist-mini leaves it out).
  await appendFile(path.join(dist, 'dumps', 'dataset.nq'), '<http://localhost:8080/id/thesis/1.0449833> <http://localhost:8080/ontology#program> "History" <http://localhost:8080/graph/thesis/1.0449833> .\n');
  app = await testApp({ distDir: dist });
  bare = await testApp(); // dist-mini without a search index: theses are listed through the data store all the same
});
afterAll(async () => { await app?.close(); await bare?.close(); });

const get = (url: string, on = app) => on.inject({ url, headers: { accept: 'text/html' } });
const SEED = '<a href="/doc/thesis/1.0449833" lang="en">Beyond the split : the enduring legacy of Sino-Soviet collaboration at Yiqi (China’s First Automobile Work)</a>';

describe('/browse lists the theses', () => {
  it.each([['with the search index', () => app], ['without it', () => bare]])('%s', async (_name, which) => {
    const r = await get('/browse', which());
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('2 theses, newest first');
    expect(r.body).toContain(`${SEED} <span class="byline">Li, Yi; Doe, Jane · 2025</span>`);
    // Newest first: the 2025 thesis before the 2024 one.
    expect(r.body.indexOf('/doc/thesis/1.0449833')).toBeLessThan(r.body.indexOf('/doc/thesis/1.0000001'));
    for (const f of ['year', 'degree', 'program', 'collection']) expect(r.body).toContain(`href="/browse/${f}"`);
  });

  it('escapes what a record holds', async () => {
    const r = await get('/browse');
    expect(r.body).toContain('Hostile &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.body).not.toContain('<script>alert(1)');
  });

  it('a page past the last is 404', async () => {
    expect((await get('/browse?page=2')).statusCode).toBe(404);
  });
});

describe('browse by facet', () => {
  it('the home page links to each browse list', async () => {
    const body = (await get('/')).body;
    for (const f of ['year', 'degree', 'program', 'collection']) expect(body).toContain(`<a href="/browse/${f}">${f}</a>`);
  });

  it.each([
    ['year', '/browse/year/2025', '2025', 1],
    ['degree', '/browse/degree/ma', 'Master of Arts', 1],
    ['program', '/browse/program/History', 'History', 1],
    ['collection', '/browse/collection/ubc-theses', 'UBC Theses and Dissertations', 2],
  ])('/browse/%s lists its values, each linking to its theses', async (facet, href, label, n) => {
    const r = await get(`/browse/${facet}`);
    expect(r.statusCode).toBe(200);
    const theses = n === 1 ? '1 thesis' : `${n} theses`;
    expect(r.body).toMatch(new RegExp(`<a href="${href}">[^<]*${label}[^<]*</a> <span class="count">${theses}</span>`));
    const list = await get(href);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(SEED);
    expect(list.body).toContain(`${theses}, newest first`);
  });

  it('a degree and a collection link to their own documents too', async () => {
    expect((await get('/browse/degree')).body).toContain('<a href="/doc/degree/ma">about this degree</a>');
    expect((await get('/browse/collection')).body).toContain('<a href="/doc/collection/ubc-theses">about this collection</a>');
  });

  it('years list both theses, newest first', async () => {
    const body = (await get('/browse/year')).body;
    expect(body.indexOf('/browse/year/2025')).toBeLessThan(body.indexOf('/browse/year/2024'));
  });

  it.each(['/browse/year/1066', '/browse/degree/none', '/browse/degree/..', '/browse/program/Alchemy', '/browse/spaceship/1', '/browse/place/x'])('%s is 404', async (url) => {
    expect((await get(url)).statusCode).toBe(404);
  });

  it('the data store answers the same lists', async () => {
    const years = await app.data.thesisFacets('year');
    expect(years.map((y) => [y.value, y.count])).toEqual([['2025', 1], ['2024', 1]]);
    const { total, theses } = await app.data.listTheses({ facet: 'program', value: 'History' });
    expect(total).toBe(1);
    expect(theses[0]).toMatchObject({ iri: 'http://localhost:8080/id/thesis/1.0449833', creators: ['Li, Yi', 'Doe, Jane'], issued: '2025' });
  });
});
