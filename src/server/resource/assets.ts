// Serves src/server/static/* at /static/<name>: read once at start, exact routes only (other plugins may add their own /static/… files).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { etagMatches } from './document.ts';

const STATIC_DIR = fileURLToPath(new URL('../static/', import.meta.url));

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Registers one GET route per file of the static folder, each with a strong ETag and a day of caching. */
export function registerAssets(app: FastifyInstance, dir: string = STATIC_DIR): void {
  for (const name of readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    if (!type) continue;
    const body = readFileSync(path.join(dir, name));
    const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    app.get(`/static/${name}`, async function staticFile(request, reply) {
      reply.header('etag', etag).header('cache-control', 'public, max-age=86400');
      if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return reply.type(type).send(body);
    });
  }
}
