// The reconciliation plugin: B reconcile speaks the W3C Entity Reconciliation API 0.2 as OpenRefine does (and 1.0-draft JSON batches).
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERR_BAD_REQUEST, ERR_NOT_FOUND, ERR_NOT_READY } from '../../core/errors.ts';
import type { FastifyCorsOptions } from '@fastify/cors';
import { html } from '../views/html.ts';
import { candidateJson, extend, proposeProperties, suggestEntities, suggestProperties, suggestTypes, typeRef } from './answers.ts';
import { Candidates } from './candidates.ts';
import { manifest } from './manifest.ts';
import { batch02, batch10, jsonParam, query02 } from './queries.ts';

/** Every endpoint MUST allow CORS (0.2 §3): any origin may read the answers and POST a JSON batch (preflighted). */
const RECONCILE_CORS: FastifyCorsOptions = {
  origin: '*', preflightContinue: true, maxAge: 86_400, methods: 'GET, POST, OPTIONS', allowedHeaders: 'Content-Type, Accept', exposedHeaders: ['Content-Type'],
};
// A JSONP callback is a dotted JavaScript name, nothing else, so the answer cannot be made to run other script.
const CALLBACK = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/** Request parameters from the query string and a form or JSON body (a POST may carry either). */
function params(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  const fromBody = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return { ...(request.query as Record<string, unknown>), ...fromBody };
}

function stringParam(p: Record<string, unknown>, name: string): string | undefined {
  const v = p[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw ERR_BAD_REQUEST(`${name} is given more than once`);
  return v;
}

/** Sends JSON, or JSONP (`callback(…)`) for a GET that names a callback: what OpenRefine's older code and browsers without CORS use. */
function sendJson(request: FastifyRequest, reply: FastifyReply, body: unknown): FastifyReply {
  const callback = request.method === 'GET' ? stringParam(request.query as Record<string, unknown>, 'callback') : undefined;
  if (callback === undefined) return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
  if (!CALLBACK.test(callback) || callback.length > 100) throw ERR_BAD_REQUEST(`callback must be a JavaScript name (letters, digits, _ $ and dots), got ${JSON.stringify(callback)}`);
  return reply.type('application/javascript; charset=utf-8').send(`/**/${callback}(${JSON.stringify(body)});`);
}

function positive(p: Record<string, unknown>, name: string, fallback: number): number {
  const v = stringParam(p, name) ?? (typeof p[name] === 'number' ? String(p[name]) : undefined);
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw ERR_BAD_REQUEST(`${name} must be a whole number, got ${JSON.stringify(v)}`);
  return n;
}

async function reconcilePlugin(app: FastifyInstance): Promise<void> {
  // Form bodies (OpenRefine posts queries=…) are parsed in this plugin's scope only; JSON bodies by fastify's own parser.
  await app.register(formbody);
  // Loaded in the background from the build's file, so start-up does not wait for it; a request waits if it comes first.
  const loading = Candidates.load(app.config.distDir);
  loading.then(
    (c) => { if (!c) app.log.warn({ distDir: app.config.distDir }, 'no reconcile/entities.jsonl in DIST_DIR: /reconcile answers 503 until a rebuild'); },
    (err) => app.log.error({ err }, 'reconciliation candidates could not be read'),
  );
  const candidates = async (): Promise<Candidates> => {
    const c = await loading;
    if (!c) throw ERR_NOT_READY('this build has no reconciliation candidates (reconcile/entities.jsonl): rebuild the dataset');
    return c;
  };
  const cors = { cors: RECONCILE_CORS };

  /** The endpoint: a manifest, a batch of queries (0.2 `queries=`, 0.1 `query=`, 1.0 JSON), or a data extension (`extend=`). */
  async function endpoint(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const p = params(request);
    const queries = p.queries;
    if (Array.isArray(queries)) {
      // A 1.0-draft JSON body: {"queries": [...]} answered as {"results": [...]} in the same order.
      const c = await candidates();
      return sendJson(request, reply, { results: batch10(p).map((q) => ({ candidates: c.reconcile(q).map(candidateJson) })) });
    }
    if (queries !== undefined) {
      const batch = batch02(typeof queries === 'string' ? jsonParam('queries', queries) : queries);
      const c = await candidates();
      return sendJson(request, reply, Object.fromEntries(batch.map(([key, q]) => [key, { result: c.reconcile(q).map(candidateJson) }])));
    }
    const single = p.query;
    if (single !== undefined) {
      const text = typeof single === 'string' ? single : JSON.stringify(single);
      const q = query02(text.trim().startsWith('{') ? jsonParam('query', text) : text, 'query');
      return sendJson(request, reply, { result: (await candidates()).reconcile(q).map(candidateJson) });
    }
    const ext = p.extend;
    if (ext !== undefined) return sendJson(request, reply, extend(await candidates(), typeof ext === 'string' ? jsonParam('extend', ext) : ext));
    return sendJson(request, reply, manifest(app, request));
  }

  app.get('/reconcile', { config: cors }, endpoint);
  app.post('/reconcile', { config: cors }, endpoint);

  app.get('/reconcile/suggest/entity', { config: cors }, async function suggestEntity(request, reply) {
    const p = params(request);
    const prefix = stringParam(p, 'prefix') ?? '';
    return sendJson(request, reply, suggestEntities(await candidates(), prefix, stringParam(p, 'type'), positive(p, 'limit', 10) || 10, positive(p, 'cursor', 0)));
  });
  app.get('/reconcile/suggest/type', { config: cors }, async function suggestType(request, reply) {
    return sendJson(request, reply, suggestTypes(stringParam(params(request), 'prefix') ?? ''));
  });
  app.get('/reconcile/suggest/property', { config: cors }, async function suggestProperty(request, reply) {
    const p = params(request);
    return sendJson(request, reply, suggestProperties(stringParam(p, 'prefix') ?? '', stringParam(p, 'type')));
  });
  app.get('/reconcile/propose_properties', { config: cors }, async function propose(request, reply) {
    const p = params(request);
    return sendJson(request, reply, proposeProperties(stringParam(p, 'type'), positive(p, 'limit', 0) || undefined));
  });

  // The view URL of a candidate: its id (kind/id, perhaps encoded as thesis%2F1.0449833) → 303 to the thing's URI.
  app.get('/reconcile/view/*', { config: cors }, async function view(request, reply) {
    const id = decodeURIComponent((request.params as { '*': string })['*']);
    const e = (await candidates()).get(id);
    if (!e) throw ERR_NOT_FOUND(`no candidate ${JSON.stringify(id)} is published here`);
    return reply.code(303).header('location', app.urls.absolute(`id/${e.id}`, request)).send();
  });

  // The preview OpenRefine shows in an iframe beside a candidate: so this one page may be framed by any site.
  app.get('/reconcile/preview', { config: { ...cors, csp: { 'frame-ancestors': '*' } } }, async function preview(request, reply) {
    const id = stringParam(params(request), 'id');
    if (!id) throw ERR_BAD_REQUEST('preview needs ?id=kind/id (as the candidates give it)');
    const e = (await candidates()).get(id);
    if (!e) throw ERR_NOT_FOUND(`no candidate ${JSON.stringify(id)} is published here`);
    reply.removeHeader('x-frame-options');
    // A page of its own, not the site's layout: an iframe of 430×130 has no room for the site's header.
    const page = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${e.name}</title><link rel="stylesheet" href="${app.urls.path('static/style.css')}"></head>
<body class="preview"><p class="kind">${typeRef(e.type).name} · <span class="iri">${e.id}</span></p>
<p><a href="${app.urls.path(`id/${e.id}`)}" target="_blank" rel="noopener"><strong>${e.name}</strong></a></p>
${e.description ? html`<p>${e.description}</p>` : ''}${e.aliases?.length ? html`<p class="aliases">Also: ${e.aliases.join(' · ')}</p>` : ''}
</body></html>
`;
    return reply.type('text/html; charset=utf-8').send(page.value);
  });

  app.get('/reconcile/help', { config: cors }, async function help(request, reply) {
    return reply.code(303).header('location', app.urls.absolute('', request)).send();
  });

  // A JSON POST from a page of another origin is preflighted.
  for (const path of ['/reconcile', '/reconcile/*']) {
    app.options(path, { config: cors }, async function preflight(_request, reply) {
      return reply.code(204).send();
    });
  }
}

// Not wrapped in fastify-plugin: the form-body parser stays in this scope (the SPARQL plugin registers its own).
export default reconcilePlugin;
