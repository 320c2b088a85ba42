// The sitemap split: beyond the per-file limit, sitemap.xml becomes an index of numbered urlsets.
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { DataFactory, Store, type Quad } from 'n3';
import { SITEMAP_KINDS, sitemapEntries, sitemapFiles, type SitemapEntry } from '../../src/server/site/sitemap.ts';
import { EmbeddedStore } from '../../src/server/data/embedded-store.ts';
import { Labels } from '../../src/server/labels.ts';
import { Iris } from '../../src/core/iri.ts';
import { dcterms, rdf, xsd } from '../../src/core/vocab.ts';

const BASE = 'https://lod.example.org/';
const entries = (n: number): SitemapEntry[] => Array.from({ length: n }, (_, i) => ({ loc: `${BASE}doc/thesis/1.${i}`, lastmod: '2025-08-22' }));
const parse = (xml: string) => new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' }).parse(xml);

describe('sitemapFiles', () => {
  it('writes one urlset up to the limit', () => {
    const files = sitemapFiles(entries(3), BASE, 3);
    expect([...files.keys()]).toEqual(['sitemap.xml']);
    const doc = parse(files.get('sitemap.xml')!);
    expect(doc.urlset.url).toEqual(entries(3));
  });

  it('splits into an index of urlsets beyond the limit, every URL once', () => {
    const files = sitemapFiles(entries(7), BASE, 3);
    expect([...files.keys()].sort()).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml', 'sitemap.xml']);
    const index = parse(files.get('sitemap.xml')!);
    expect(index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([1, 2, 3].map((i) => `${BASE}sitemap-${i}.xml`));
    const all = [1, 2, 3].flatMap((i) => parse(files.get(`sitemap-${i}.xml`)!).urlset.url as SitemapEntry[]);
    expect(all.map((u) => u.loc)).toEqual(entries(7).map((u) => u.loc));
    expect(parse(files.get('sitemap-3.xml')!).urlset.url).toHaveLength(1);
  });

  it('escapes what XML needs escaped', () => {
    const xml = sitemapFiles([{ loc: `${BASE}search?q=a&year=2025` }], BASE).get('sitemap.xml')!;
    expect(xml).toContain('<loc>https://lod.example.org/search?q=a&amp;year=2025</loc>');
  });
});

describe('sitemapEntries', () => {
  it('dates a thesis page by its record graph\'s dcterms:modified', async () => {
    const { quad, literal, namedNode } = DataFactory;
    const iris = new Iris(BASE);
    const graph = iris.recordGraph('1.0449833');
    const store = new Store<Quad, Quad, Quad, Quad>([
      quad(iris.thesis('1.0449833'), rdf('type'), namedNode('http://purl.org/ontology/bibo/Thesis'), graph),
      quad(graph, dcterms('modified'), literal('2025-09-01T12:00:00Z', xsd('dateTime')), graph),
      quad(iris.thesis('1.0000001'), rdf('type'), namedNode('http://purl.org/ontology/bibo/Thesis'), iris.recordGraph('1.0000001')),
      quad(iris.entity('place', 'changchun'), rdf('type'), namedNode('http://schema.org/Place'), iris.graph('authority')),
    ]);
    const data = new EmbeddedStore({ store, graphs: { has: () => false, size: 0, values: () => [].values(), subjects: () => [] }, labels: Labels.index(store), iris });
    expect(sitemapEntries(await data.listThings(SITEMAP_KINDS), iris, [''])).toEqual([
      { loc: BASE },
      { loc: `${BASE}doc/place/changchun`, lastmod: undefined },
      { loc: `${BASE}doc/thesis/1.0000001`, lastmod: undefined },
      { loc: `${BASE}doc/thesis/1.0449833`, lastmod: '2025-09-01T12:00:00Z' },
    ]);
  });
});
