// The sitemap: every thesis and entity document URL the data store lists, split into a sitemap index beyond 50,000 URLs.
import { create } from 'xmlbuilder2';
import { ENTITY_KINDS, type Iris, type ThingKind } from '../../core/iri.ts';
import type { ThingEntry } from '../data/data-store.ts';
import { datingIris } from '../resource/last-modified.ts';

/** The sitemaps protocol's limit of URLs per file. */
export const SITEMAP_LIMIT = 50_000;
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** One URL of a sitemap; lastmod as the data states it (YYYY-MM-DD or a dateTime). */
export interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

/** The files of a sitemap: `sitemap.xml` and, when split, `sitemap-1.xml` … (name → XML). */
export type SitemapFiles = Map<string, string>;

/** The kinds of thing whose documents are worth crawling (annotations, abstracts and sources are parts of a thesis's). */
export const SITEMAP_KINDS: readonly ThingKind[] = ['thesis', ...ENTITY_KINDS, 'collection', 'degree'];

/**
 * Lists the documents worth crawling: the site's own pages, then each listed thing's document, sorted. A document's
 * lastmod is its Last-Modified (the ledger dates its dating IRIs state, src/server/resource/last-modified.ts) when
 * `dates` gives them, else the date the thing's own data states.
 */
export function sitemapEntries(things: readonly ThingEntry[], iris: Iris, pages: readonly string[], dates?: ReadonlyMap<string, string>): SitemapEntry[] {
  const docs = things.map((t) => ({ loc: iris.doc(t.kind, t.id).value, lastmod: (dates && latest(datingIris(iris, t.kind, t.id), dates)) ?? t.modified }));
  docs.sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
  return [...pages.map((p) => ({ loc: iris.base + p })), ...docs];
}

/** The IRIs whose dates the sitemap needs for these things (few: the record graphs, the authority graph, the dataset). */
export function sitemapDatingIris(things: readonly ThingEntry[], iris: Iris): string[] {
  const all = new Set<string>();
  for (const t of things) for (const iri of datingIris(iris, t.kind, t.id)) all.add(iri);
  return [...all];
}

// The latest of the dates stated for these IRIs, as stated (compared as instants).
function latest(dating: readonly string[], dates: ReadonlyMap<string, string>): string | undefined {
  let best: string | undefined;
  for (const iri of dating) {
    const d = dates.get(iri);
    if (d !== undefined && Number.isFinite(Date.parse(d)) && (best === undefined || Date.parse(d) > Date.parse(best))) best = d;
  }
  return best;
}

function urlset(entries: SitemapEntry[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP_NS, 'urlset');
  for (const e of entries) {
    const url = root.ele('url');
    url.ele('loc').txt(e.loc);
    if (e.lastmod) url.ele('lastmod').txt(e.lastmod);
  }
  return root.end({ prettyPrint: true });
}

/** Writes the sitemap XML: one urlset, or an index of urlsets of at most `limit` URLs each. */
export function sitemapFiles(entries: SitemapEntry[], base: string, limit = SITEMAP_LIMIT): SitemapFiles {
  const files: SitemapFiles = new Map();
  if (entries.length <= limit) {
    files.set('sitemap.xml', urlset(entries));
    return files;
  }
  const index = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP_NS, 'sitemapindex');
  for (let i = 0; i * limit < entries.length; i++) {
    const name = `sitemap-${i + 1}.xml`;
    files.set(name, urlset(entries.slice(i * limit, (i + 1) * limit)));
    index.ele('sitemap').ele('loc').txt(base + name);
  }
  files.set('sitemap.xml', index.end({ prettyPrint: true }));
  return files;
}
