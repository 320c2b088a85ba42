// The site's static files, all from this server: its CSS and script, YASGUI from node_modules, and the favicon.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ASSETS } from './page.ts';

/** Base-relative path of the YASGUI files. */
export const YASGUI_ASSETS = 'assets/yasgui/';
// Only the two built files a page loads: nothing else of the package (sources, maps, package.json) is served.
const YASGUI_FILES = new Set(['yasgui.min.js', 'yasgui.min.css']);
const YASGUI_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('@zazuko/yasgui/package.json')), 'build');
const SITE_ASSETS_DIR = fileURLToPath(new URL('./assets/', import.meta.url));

/** Registers /assets/site/*, /assets/yasgui/* and /favicon.ico. */
export async function registerSiteAssets(app: FastifyInstance): Promise<void> {
  const common = { decorateReply: false, index: false, list: false, maxAge: '1h' } as const;
  await app.register(fastifyStatic, {
    ...common, root: YASGUI_DIR, prefix: `/${YASGUI_ASSETS}`,
    allowedPath: (p: string) => YASGUI_FILES.has(p.replace(/^\//, '')),
  });
  await app.register(fastifyStatic, { ...common, root: SITE_ASSETS_DIR, prefix: `/${ASSETS}` });
  // Browsers ask for /favicon.ico on their own; an SVG answers it (every current browser draws one).
  const favicon = readFileSync(path.join(SITE_ASSETS_DIR, 'favicon.svg'));
  app.get('/favicon.ico', async function faviconFile(_request, reply) {
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(favicon);
  });
}
