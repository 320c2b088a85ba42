// The resolver plugin: /resolve?doi=…|handle=…|id=…|url=… answers 303 to the thesis URI, from the index the build wrote.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ERR_BAD_REQUEST, ERR_CONFIG, ERR_GONE, ERR_NOT_FOUND, ERR_NOT_READY } from '../../core/errors.ts';
import { DOCUMENT_CORS } from '../cors-policies.ts';
import { RESOLVE_INDEX_FILE, RESOLVE_INDEX_VERSION, type ResolveIndexFile } from '../../core/resolve-index-format.ts';
import { IDENTIFIER_KINDS, identifierKey, itemIdOfUrl, type IdentifierKind } from '../../core/identifier-keys.ts';

/** The index as the server reads it: a map per identifier kind. */
export interface ResolveIndex {
  tables: Record<IdentifierKind, Map<string, string>>;
}

/** Reads DIST_DIR/resolve/index.json; undefined when the build made none (an older build). */
export async function loadResolveIndex(distDir: string): Promise<ResolveIndex | undefined> {
  const file = path.join(distDir, RESOLVE_INDEX_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ERR_CONFIG(`cannot read the resolver index: ${(err as Error).message}`, { file }, err);
  }
  const json = JSON.parse(text) as ResolveIndexFile;
  if (json.version !== RESOLVE_INDEX_VERSION) throw ERR_CONFIG(`resolve/index.json has version ${json.version}, this server reads ${RESOLVE_INDEX_VERSION}: rebuild the dataset`, { file });
  return {
    tables: {
      doi: new Map(Object.entries(json.doi)),
      handle: new Map(Object.entries(json.handle)),
      url: new Map(Object.entries(json.url)),
      id: new Map(json.id.map((id) => [id, id])),
    },
  };
}

/** The one identifier a request names: exactly one of the kinds, non-empty; anything else is a 400 that says what to send. */
function askedFor(request: FastifyRequest): { kind: IdentifierKind; value: string } {
  const query = request.query as Record<string, unknown>;
  const given = IDENTIFIER_KINDS.filter((k) => query[k] !== undefined);
  const usage = 'give one of doi=, handle=, id= or url= (e.g. /resolve?doi=10.14288/1.0449833)';
  if (given.length === 0) throw ERR_BAD_REQUEST(`no identifier: ${usage}`);
  if (given.length > 1) throw ERR_BAD_REQUEST(`more than one identifier (${given.join(', ')}): ${usage}`);
  const kind = given[0]!;
  const value = query[kind];
  if (typeof value !== 'string') throw ERR_BAD_REQUEST(`${kind} is given more than once: ${usage}`);
  if (value.trim() === '') throw ERR_BAD_REQUEST(`${kind} is empty: ${usage}`);
  return { kind, value };
}

async function resolvePlugin(app: FastifyInstance): Promise<void> {
  const index = await loadResolveIndex(app.config.distDir);
  if (!index) app.log.warn({ distDir: app.config.distDir }, 'no resolve/index.json in DIST_DIR: /resolve answers 503 until a rebuild');

  app.get('/resolve', { config: { cors: DOCUMENT_CORS } }, async function resolve(request, reply) {
    const { kind, value } = askedFor(request);
    const key = identifierKey(kind, value);
    if ('error' in key) throw ERR_BAD_REQUEST(key.error);
    if (!index) throw ERR_NOT_READY('this build has no resolver index (resolve/index.json): rebuild the dataset');
    // An Open Collections URL the records did not write (another collection path) still names its item by id.
    const fromUrl = kind === 'url' ? itemIdOfUrl(value) : undefined;
    const id = index.tables[kind].get(key.key) ?? (fromUrl !== undefined ? index.tables.id.get(fromUrl) : undefined);
    if (id === undefined) {
      const gone = kind === 'id' ? app.redirects.gone.get(`thesis/${key.key}`) : undefined;
      if (gone !== undefined) throw ERR_GONE(`thesis ${key.key} is no longer published (${gone})`);
      throw ERR_NOT_FOUND(`no thesis published here has ${kind} ${JSON.stringify(value.trim())}`);
    }
    reply.header('cache-control', 'public, max-age=300');
    return reply.code(303).header('location', app.urls.absoluteIri(app.iris.thesis(id).value, request)).send();
  });
}

export default fp(resolvePlugin, { name: 'resolve', dependencies: ['store'] });
