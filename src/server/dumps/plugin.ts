// The dumps plugin: /dumps/ lists the dumps (HTML or JSON by negotiation); /dumps/{file} sends each with Range, ETag and Last-Modified.
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { ERR_NOT_ACCEPTABLE } from '../../core/errors.ts';
import { DOCUMENT_CORS } from '../cors-policies.ts';
import { negotiate, type Offer } from '../negotiate.ts';
import { renderPage, sendPage } from '../site/page.ts';
import { DUMP_FILES, listDumps, type DumpInfo } from './dump-list.ts';
import { dumpsBody } from './dumps-page.ts';

const OFFERS: readonly Offer<'html' | 'json'>[] = [
  { key: 'html', mediaType: 'text/html', aliases: ['application/xhtml+xml'], label: 'HTML' },
  { key: 'json', mediaType: 'application/json', label: 'JSON' },
];

/** The JSON listing: every dump with its URL, media type, size and SHA-256, and its gzip variant. */
function listing(app: FastifyInstance, dumps: readonly DumpInfo[]) {
  const url = (name: string) => `${app.iris.dumps().value}${name}`;
  return {
    dataset: app.iris.dataset().value,
    dumps: dumps.map((d) => ({
      name: d.name, url: url(d.name), mediaType: d.mediaType, bytes: d.bytes, sha256: d.sha256, checksum: url(`${d.name}.sha256`),
      ...(d.gzip ? { gzip: { name: d.gzip.name, url: url(d.gzip.name), mediaType: 'application/gzip', bytes: d.gzip.bytes, sha256: d.gzip.sha256, checksum: url(`${d.gzip.name}.sha256`) } } : {}),
    })),
  };
}

async function dumpsPlugin(app: FastifyInstance): Promise<void> {
  const { config, urls } = app;
  // Listed on first request and kept: the files do not change while the server runs.
  let dumps: Promise<DumpInfo[]> | undefined;
  const list = () => (dumps ??= listDumps(config.distDir));

  app.get('/dumps/', { config: { cors: DOCUMENT_CORS } }, async function dumpsIndex(request, reply) {
    const offer = negotiate(OFFERS, request.headers.accept, (request.query as Record<string, string | undefined>).format);
    reply.header('vary', 'Accept');
    if (!offer) throw ERR_NOT_ACCEPTABLE('the dumps index is HTML (text/html) or JSON (application/json)');
    const all = await list();
    if (offer.key === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(listing(app, all), null, 1));
    return sendPage(reply, renderPage(urls, { title: 'Dumps', path: 'dumps/', description: 'The whole dataset in five syntaxes, each with its size, SHA-256 and a gzip variant.', main: dumpsBody(urls, all) }));
  });
  app.get('/dumps', async function dumpsSlash(request, reply) {
    return reply.code(301).header('location', app.urls.absolute('dumps/', request)).send();
  });

  // @fastify/static (send) answers Range, If-Range, ETag/If-None-Match and Last-Modified/If-Modified-Since.
  await app.register(fastifyStatic, {
    root: path.join(config.distDir, 'dumps'),
    prefix: '/dumps/',
    decorateReply: false,
    index: false,
    list: false,
    // Only the dumps, their gzip variants and checksums; nothing else a build might leave in the folder.
    allowedPath: (pathName: string) => DUMP_FILES.has(pathName.replace(/^\//, '')),
    setHeaders(reply, file) {
      const type = DUMP_FILES.get(path.basename(file));
      if (type) reply.header('content-type', type);
      // Dumps are public data: browser applications may fetch them from anywhere. Here, not in the route config:
      // @fastify/static passes none, and only a file actually sent gets the header (a missing dump's 404 does not).
      reply.header('access-control-allow-origin', '*');
    },
  });
}

export default fp(dumpsPlugin, { name: 'dumps', dependencies: ['store'] });
