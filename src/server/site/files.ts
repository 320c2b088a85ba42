// The files crawlers fetch: robots.txt and sitemap.xml (the dumps have their own plugin, src/server/dumps).
import type { FastifyInstance } from 'fastify';
import { ERR_NOT_FOUND } from '../../core/errors.ts';
import { ENTITY_KINDS } from '../../core/iri.ts';
import { SITEMAP_KINDS, sitemapDatingIris, sitemapEntries, sitemapFiles, type SitemapFiles } from './sitemap.ts';

/** Pages of the site a crawler should know besides the documents. */
const SITE_PAGES = ['', 'search', 'browse', ...ENTITY_KINDS.map((k) => `browse/${k}`), 'browse/degree', 'browse/collection', 'dataset', 'ontology', 'sparql', 'dumps/'];

/** Pages whose query strings run a query or a search: robots.txt keeps crawlers off those URLs. */
const QUERY_PAGES = ['sparql', 'query', 'search'];

/** Registers /robots.txt and /sitemap.xml (plus /sitemap-N.xml when split). */
export async function registerFiles(app: FastifyInstance): Promise<void> {
  const { iris } = app;
  // Pages and documents are for crawling; URLs that run a query or a search are not (each costs a query, and their
  // number is endless). `Disallow: /search?` leaves the form itself (`/search`) crawlable.
  const robotsTxt = ['User-agent: *', 'Allow: /', ...QUERY_PAGES.map((p) => `Disallow: ${app.urls.path(`${p}?`)}`), '', `Sitemap: ${iris.sitemap().value}`, ''].join('\n');
  app.get('/robots.txt', async function robots(_request, reply) {
    return reply.type('text/plain; charset=utf-8').send(robotsTxt);
  });

  // Built on first request, not at start-up, and kept: the data does not change while the server runs (a failed
  // listing is not kept, so the next request tries again).
  let sitemaps: Promise<SitemapFiles> | undefined;
  const sitemap = (): Promise<SitemapFiles> => {
    sitemaps ??= (async () => {
      const things = await app.data.listThings(SITEMAP_KINDS);
      // Each document dated as its Last-Modified is: by the ledger dates the data states (one lookup for all).
      const dates = await app.data.modified(sitemapDatingIris(things, iris));
      return sitemapFiles(sitemapEntries(things, iris, SITE_PAGES, dates), iris.base);
    })();
    return sitemaps.catch((err: unknown) => { sitemaps = undefined; throw err; });
  };
  app.get('/sitemap.xml', async function sitemapIndex(_request, reply) {
    return reply.type('application/xml; charset=utf-8').send((await sitemap()).get('sitemap.xml'));
  });
  app.get<{ Params: { part: string } }>('/sitemap-:part', async function sitemapPart(request, reply) {
    const name = `sitemap-${request.params.part}`;
    const xml = /^[1-9][0-9]*\.xml$/.test(request.params.part) ? (await sitemap()).get(name) : undefined;
    if (!xml) throw ERR_NOT_FOUND(`no ${name} here; the sitemap is ${iris.sitemap().value}`);
    return reply.type('application/xml; charset=utf-8').send(xml);
  });
}
