// The site through inject: home, search with facets, browse, dumps with checksums, robots.txt, sitemap.xml.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { testApp } from '../helpers/app.ts';
import { parse } from '../helpers/rdf.ts';
import { siteDist } from './site-dist.ts';

let app: FastifyInstance;
let dist: string;

beforeAll(async () => {
  dist = await siteDist();
  app = await testApp({ distDir: dist });
});
afterAll(async () => app?.close());

const get = (url: string, accept = 'text/html') => app.inject({ method: 'GET', url, headers: { accept } });

describe('home page', () => {
  it('says what the dataset is, with counts, examples, dumps with checksums and every endpoint', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const body = res.body;
    expect(body).toContain('<h1>UBC theses as linked open data</h1>');
    expect(body).toMatch(/<strong>2<\/strong> theses/);
    expect(body).toMatch(/<strong>1<\/strong> place</);
    const nq = await readFile(path.join(dist, 'dumps', 'dataset.nq'));
    // One triple count everywhere: the home page shows the void:triples the description states (tests/http/dataset.test.ts checks what it counts).
    const triples = (await parse(nq.toString('utf8'), 'nq')).find((q) => q.predicate.value === 'http://rdfs.org/ns/void#triples' && q.subject.value.endsWith('dataset#dataset'))!.object.value;
    expect(body).toMatch(new RegExp(`<strong>${triples}</strong> triples`));
    expect(body).toContain('href="/query?example=01-theses-by-year"');
    expect(body).toContain(`<code class="sum">${createHash('sha256').update(nq).digest('hex')}</code>`);
    for (const href of ['/dumps/dataset.nq', '/dumps/dataset.nq.sha256', '/dataset', '/sparql', '/oai?verb=Identify', '/sitemap.xml', '/search', '/browse/person']) {
      expect(body, href).toContain(`href="${href}"`);
    }
  });
});

describe('search', () => {
  const json = async (qs: string) => {
    const res = await get(`/search?${qs}`, 'application/json');
    expect(res.statusCode).toBe(200);
    return res.json() as { total: number; hits: { id: string }[]; facets: Record<string, { value: string; label: string; count: number; selected: boolean }[]> };
  };
  const table: [string, string[]][] = [
    ['q=changchun', ['1.0449833', '1.0000001']],
    ['q=Yiqi', ['1.0449833']],
    ['q=FAW', ['1.0449833']], // an alternative label of a mentioned entity
    ['q=一汽', ['1.0449833']], // a label in its own script
    ['q=Smith', ['1.0449833']], // the supervisor's name
    ['q=automobil', ['1.0449833']], // prefix
    ['q=changchun&year=2024', ['1.0000001']],
    ['year=2025', ['1.0449833']],
    ['year=2025&year=2024', ['1.0449833', '1.0000001']], // OR within a facet
    ['entity=place%2Fchangchun&subject=concept%2Fsino-soviet-relations', ['1.0449833']], // AND across facets
    ['degree=Master%20of%20Arts%20-%20MA', ['1.0449833']],
    ['q=nothing-like-this', []],
  ];
  it.each(table)('%s finds %j', async (qs, ids) => {
    const out = await json(qs);
    expect(out.hits.map((h) => h.id).sort()).toEqual([...ids].sort());
    expect(out.total).toBe(ids.length);
  });

  it('counts facet values over the results, with labels from the authority', async () => {
    const out = await json('q=changchun');
    expect(out.facets.year).toEqual([
      { value: '2025', label: '2025', count: 1, selected: false },
      { value: '2024', label: '2024', count: 1, selected: false },
    ]);
    expect(out.facets.entity).toContainEqual({ value: 'place/changchun', label: 'Changchun', count: 2, selected: false });
    expect(out.facets.subject).toEqual([{ value: 'concept/sino-soviet-relations', label: 'Sino-Soviet relations', count: 1, selected: false }]);
  });

  it('renders a plain GET form, facet links and result links, escaping harvested text', async () => {
    const res = await get('/search?q=changchun&year=2024');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toMatch(/<form class="search" method="get" action="\/search"/);
    expect(body).toContain('<input type="hidden" name="year" value="2024">');
    expect(body).toContain('href="/doc/thesis/1.0000001"');
    expect(body).toContain('href="/search?q=changchun"'); // the chip that removes the year filter
    expect(body).not.toContain('<script>alert(1)</script>');
    expect(body).not.toContain('<img src=x');
    expect(body).toContain('Hostile &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('browse', () => {
  it.each([
    ['place', '/doc/place/changchun', 'Changchun'],
    ['organization', '/doc/organization/faw', 'China&#39;s First Automobile Works'],
    ['person', '/doc/person/li-yi', 'Li, Yi'],
    ['concept', '/doc/concept/sino-soviet-relations', 'Sino-Soviet relations'],
  ])('/browse/%s links to %s', async (kind, href, label) => {
    const res = await get(`/browse/${kind}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<a href="${href}">${label}</a>`);
  });
  it('answers 404 for an unknown type', async () => {
    expect((await get('/browse/spaceship')).statusCode).toBe(404);
  });
});

describe('dumps', () => {
  it('streams the N-Quads dump with its media type and a checksum that matches it', async () => {
    const res = await get('/dumps/dataset.nq', '*/*');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/n-quads; charset=utf-8');
    const sum = await get('/dumps/dataset.nq.sha256', '*/*');
    expect(sum.statusCode).toBe(200);
    expect(sum.headers['content-type']).toMatch(/^text\/plain/);
    expect(sum.body).toBe(`${createHash('sha256').update(res.rawPayload).digest('hex')}  dataset.nq\n`);
  });
  it('gives Turtle its media type, answers HEAD, and serves nothing else from the folder', async () => {
    expect((await get('/dumps/dataset.ttl', '*/*')).headers['content-type']).toBe('text/turtle; charset=utf-8');
    const head = await app.inject({ method: 'HEAD', url: '/dumps/dataset.nq' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    for (const url of ['/dumps/dataset.jsonld', '/dumps/other.txt', '/dumps/../build-report.json', '/dumps/%2e%2e/redirects.json']) {
      expect((await get(url, '*/*')).statusCode, url).toBe(404);
    }
  });
});

describe('crawlers', () => {
  it('robots.txt allows all but query URLs and names the sitemap under BASE_URI', async () => {
    const res = await get('/robots.txt', '*/*');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('User-agent: *\nAllow: /\nDisallow: /sparql?\nDisallow: /query?\nDisallow: /search?\n\nSitemap: http://localhost:8080/sitemap.xml\n');
  });
  it('sitemap.xml lists every thesis and entity document, and parses as XML', async () => {
    const res = await get('/sitemap.xml', '*/*');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(res.body);
    expect(doc.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = (doc.urlset.url as { loc: string }[]).map((u) => u.loc);
    for (const doc of ['thesis/1.0449833', 'thesis/1.0000001', 'person/li-yi', 'person/1.0449833-supervisor-1', 'organization/faw', 'place/changchun', 'concept/sino-soviet-relations']) {
      expect(locs).toContain(`http://localhost:8080/doc/${doc}`);
    }
    expect(locs).toContain('http://localhost:8080/');
    expect(locs.some((l) => l.includes('/annotation/'))).toBe(false);
    expect(new Set(locs).size).toBe(locs.length);
    expect((await get('/sitemap-1.xml', '*/*')).statusCode).toBe(404); // not split at this size
  });
});

describe('a DIST_DIR built without a search index', () => {
  let bare: FastifyInstance;
  beforeAll(async () => {
    bare = await testApp(); // dist-mini as it is: the store, no search-index.json
  });
  afterAll(async () => bare?.close());

  it('still serves the home page, counting from the store', async () => {
    const res = await bare.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<strong>2<\/strong> theses/);
    expect(res.body).toMatch(/<strong>4<\/strong> people/); // li-yi and three record-scoped people, all typed
  });
  it.each(['/search?q=x', '/browse/place'])('%s answers 503 with a page that says to rebuild', async (url) => {
    const res = await bare.inject({ url, headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('built without a search index');
  });
});
