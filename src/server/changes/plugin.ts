// The changes plugin: GET /changes (the OrderedCollection) and /changes/page/{n}, read from DIST_DIR/changes/activities.json.
import { readTextIfPresent } from '../../core/read-optional.ts';
import path from 'node:path';
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { ERR_CONFIG, ERR_NOT_FOUND } from '../../core/errors.ts';
import { ACTIVITIES_FILE, type ActivitiesFile, type ActivityRow } from '../../core/changes-format.ts';
import { DOCUMENT_CORS } from '../cors-policies.ts';
import { CHANGES_MEDIA_TYPE, CHANGES_PAGE_SIZE, changesCollection, changesPage, pageCount } from './feed.ts';

/** Options: activities per page. */
export interface ChangesOptions {
  pageSize?: number;
}

async function readActivities(distDir: string): Promise<ActivityRow[] | undefined> {
  const file = path.join(distDir, ACTIVITIES_FILE);
  const text = await readTextIfPresent(file);
  if (text === undefined) return undefined;
  const parsed = JSON.parse(text) as ActivitiesFile;
  if (parsed.version !== 1 || !Array.isArray(parsed.activities)) throw ERR_CONFIG(`${file} is not a change feed this server reads (version ${String(parsed.version)})`, { file });
  return parsed.activities;
}

async function changesPlugin(app: FastifyInstance, options: ChangesOptions): Promise<void> {
  const pageSize = options.pageSize ?? CHANGES_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw ERR_CONFIG(`the change feed's pageSize must be a positive integer, got ${String(pageSize)}`);
  const { iris, config } = app;
  // Read on first request and kept: a build replaces DIST_DIR and the server restarts to serve it.
  let rows: Promise<ActivityRow[] | undefined> | undefined;
  const activities = async (): Promise<ActivityRow[]> => {
    rows ??= readActivities(config.distDir);
    const found = await rows.catch((err: unknown) => { rows = undefined; throw err; });
    if (!found) throw ERR_NOT_FOUND(`this build has no change feed (${ACTIVITIES_FILE} in DIST_DIR); rebuild with this version to get one`);
    return found;
  };

  app.get('/changes', { config: { cors: DOCUMENT_CORS } }, async function changes(_request, reply) {
    const all = await activities();
    // A Buffer, so that no charset parameter is added to the media type IIIF names (JSON is UTF-8 anyway).
    return reply.header('content-type', CHANGES_MEDIA_TYPE).send(Buffer.from(JSON.stringify(changesCollection(iris, all.length, pageSize))));
  });

  app.get<{ Params: { n: string } }>('/changes/page/:n', { config: { cors: DOCUMENT_CORS } }, async function changesPageRoute(request, reply) {
    const all = await activities();
    const raw = request.params.n;
    const page = /^[1-9][0-9]{0,8}$/.test(raw) ? changesPage(iris, all, Number(raw), pageSize) : undefined;
    if (!page) throw ERR_NOT_FOUND(`the change feed has pages 1 to ${pageCount(all.length, pageSize)} (1 the oldest, ${iris.changes().value} names the newest as last), not ${JSON.stringify(raw)}`);
    return reply.header('content-type', CHANGES_MEDIA_TYPE).send(Buffer.from(JSON.stringify(page)));
  });
}

export default fp(changesPlugin, { name: 'changes', dependencies: ['store'] });
