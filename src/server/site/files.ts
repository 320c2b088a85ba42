// The files crawlers and harvesters fetch: /dumps/* streamed from DIST_DIR with their media types, robots.txt, sitemap.xml.
import path from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ERR_NOT_FOUND } from '../../core/errors.ts';
import { DUMP_EXTENSIONS, ENTITY_KINDS } from '../../core/iri.ts';
import { SITEMAP_KINDS, sitemapEntries, sitemapFiles, type SitemapFiles } from './sitemap.ts';

/** Media type of each dump, by extension. */
export const DUMP_MEDIA_TYPES: Record<(typeof DUMP_EXTENSIONS)[number], string> = {
  ttl: 'text/turtle; charset=utf-8',
  nt: 'application/n-triples; charset=utf-8',
  nq: 'application/n-quads; charset=utf-8',
  jsonld: 'application/ld+json',
  rdf: 'application/rdf+xml',
};

/** A dump as the home page lists it. */
export interface DumpInfo {
  ext: (typeof DUMP_EXTENSIONS)[number];
  name: string;
  mediaType: string;
  bytes: number;
  sha256?: string;
}

const DUMP_NAMES = new Map<string, string>();
for (const ext of DUMP_EXTENSIONS) {
  DUMP_NAMES.set(`dataset.${ext}`, DUMP_MEDIA_TYPES[ext]);
  DUMP_NAMES.set(`dataset.${ext}.sha256`, 'text/plain; charset=utf-8');
}

/** The dumps present in DIST_DIR with their sizes and checksums (the hex from each `.sha256` file). */
export async function listDumps(distDir: string): Promise<DumpInfo[]> {
  const out: DumpInfo[] = [];
  for (const ext of DUMP_EXTENSIONS) {
    const file = path.join(distDir, 'dumps', `dataset.${ext}`);
    try {
      const { size } = await stat(file);
      const sum = await readFile(`${file}.sha256`, 'utf8').catch(() => '');
      out.push({ ext, name: `dataset.${ext}`, mediaType: DUMP_MEDIA_TYPES[ext].split(';')[0]!, bytes: size, sha256: /^[0-9a-f]{64}/.exec(sum)?.[0] });
    } catch {
      // A dump the build did not write is simply not listed.
    }
  }
  return out;
}

/** Pages of the site a crawler should know besides the documents. */
const SITE_PAGES = ['', 'search', 'browse', ...ENTITY_KINDS.map((k) => `browse/${k}`), 'dataset', 'ontology', 'sparql'];

/** Pages whose query strings run a query or a search: robots.txt keeps crawlers off those URLs. */
const QUERY_PAGES = ['sparql', 'query', 'search'];

/** Registers /dumps/*, /robots.txt and /sitemap.xml (plus /sitemap-N.xml when split). */
export async function registerFiles(app: FastifyInstance): Promise<void> {
  const { config, iris } = app;
  await app.register(fastifyStatic, {
    root: path.join(config.distDir, 'dumps'),
    prefix: '/dumps/',
    decorateReply: false,
    index: false,
    list: false,
    // Only the dumps and their checksums; nothing else a build might leave in the folder.
    allowedPath: (pathName: string) => DUMP_NAMES.has(pathName.replace(/^\//, '')),
    setHeaders(reply, file) {
      const type = DUMP_NAMES.get(path.basename(file));
      if (type) reply.header('content-type', type);
      // Dumps are public data: browser applications may fetch them from anywhere. Here, not through @fastify/cors's
      // route config: @fastify/static's routes take none, and only a file actually sent gets the header (not a 404).
      reply.header('access-control-allow-origin', '*');
    },
  });

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
    sitemaps ??= app.data.listThings(SITEMAP_KINDS).then((things) => sitemapFiles(sitemapEntries(things, iris, SITE_PAGES), iris.base));
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
