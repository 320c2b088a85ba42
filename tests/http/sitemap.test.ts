// /sitemap.xml over the seed's build: every URL answers 200, every document has the lastmod its Last-Modified says; robots.txt names it.
import type { FastifyInstance } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtDist, testApp } from '../helpers/app.ts';

const B = 'http://localhost:8080/';
let app: FastifyInstance;
let urls: { loc: string; lastmod?: string }[];

beforeAll(async () => {
  app = await testApp({ distDir: await builtDist() });
  const res = await app.inject('/sitemap.xml');
  expect(res.statusCode).toBe(200);
  const doc = new XMLParser({ isArray: (name) => name === 'url' }).parse(res.body) as { urlset: { url: { loc: string; lastmod?: string }[] } };
  urls = doc.urlset.url;
}, 180_000);
afterAll(async () => { await app?.close(); });

describe('the seed\'s sitemap', () => {
  it('lists the site\'s pages and every thesis and entity document, each answering 200', async () => {
    const paths = urls.map((u) => u.loc.replace(B, '/'));
    for (const p of ['/', '/browse/person', '/dataset', '/dumps/', '/doc/thesis/1.0449833', '/doc/place/changchun']) expect(paths).toContain(p);
    const failing: string[] = [];
    for (const p of paths) {
      const res = await app.inject({ url: p, headers: { accept: 'text/html' } });
      if (res.statusCode !== 200) failing.push(`${p} ${res.statusCode}`);
    }
    expect(failing).toEqual([]);
    expect(paths.length).toBeGreaterThan(30);
  });

  it('dates every document, entities included, as its Last-Modified does', async () => {
    const docs = urls.filter((u) => u.loc.includes('/doc/'));
    expect(docs.filter((u) => !u.lastmod).map((u) => u.loc)).toEqual([]);
    for (const u of [docs.find((d) => d.loc.endsWith('/doc/thesis/1.0449833'))!, docs.find((d) => d.loc.endsWith('/doc/place/changchun'))!]) {
      const res = await app.inject({ url: u.loc.replace(B, '/'), headers: { accept: 'text/html' } });
      expect(Date.parse(res.headers['last-modified'] as string)).toBe(Math.floor(Date.parse(u.lastmod!) / 1000) * 1000);
    }
  });

  it('is named by robots.txt', async () => {
    expect((await app.inject('/robots.txt')).body).toContain(`Sitemap: ${B}sitemap.xml`);
  });
});
