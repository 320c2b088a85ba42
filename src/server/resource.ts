// The resource plugin: things answer 303 (or 301/410/404), documents negotiate the format table's formats (a thesis its citations too); also /ontology and /static.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { NamedNode } from 'n3';
import { DOC_EXTENSIONS, isValidId, parsePath, recordOf, type DocExtension, type ThingKind } from '../core/iri.ts';
import { ERR_BAD_REQUEST, ERR_CONFIG, ERR_GONE, ERR_METHOD_NOT_ALLOWED, ERR_NOT_FOUND } from '../core/errors.ts';
import type { Description } from './data/description.ts';
import { sendDocument, type DocumentTarget } from './resource/document.ts';
import { docFormatsFor } from './negotiate.ts';
import { writerFor } from './formats/writers.ts';
import { DOCUMENT_CORS } from './cors-policies.ts';
import { registerAssets } from './resource/assets.ts';
import { sendGone } from './resource/gone.ts';
import { datingIris, lastModified } from './resource/last-modified.ts';
import type { ViewEnv } from './views/terms.ts';
import { displayLabels } from './views/vocab-labels.ts';
import { rowNameStandIns } from './views/property-rows.ts';

const MAX_PAGE = 1_000_000;

/** Reads `?page=N` (1 when absent); anything but a positive integer is a 400 that says so. */
export function pageParam(request: FastifyRequest): number {
  const raw = (request.query as Record<string, unknown>).page;
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || n < 1 || n > MAX_PAGE) throw ERR_BAD_REQUEST(`page must be an integer from 1 to ${MAX_PAGE}, got ${JSON.stringify(raw)}`);
  return n;
}

/**
 * A document target over a description fetched when it is rendered: RDF alone for the serialisations, everything for a
 * page or a citation (which name people and organisations by their labels). Its formats are its kind's (src/core/formats.ts).
 */
function target(env: ViewEnv, kind: string, page: number, docIri: (ext?: DocExtension) => string, fetch: (forPage: boolean) => Promise<Description>, modified?: () => Promise<string | undefined>): DocumentTarget<DocExtension> {
  return {
    docIri,
    page,
    formats: docFormatsFor(kind),
    lastModified: modified,
    async render(ext, parameters) {
      const writer = writerFor(ext);
      const d = await fetch(writer.needsPage);
      // Past the last page of incoming links there is nothing to show: a 404, not an empty page.
      if (page > 1 && d.incoming.length === 0) throw ERR_NOT_FOUND(`page ${page} is past the last page of links to ${d.subject.value}`);
      return { body: await writer.write({ env, d, kind, docIri, parameters }), hasNext: d.hasNext };
    },
  };
}

/**
 * Checks the redirects table for a `kind/id`: a merged id answers 301 (to `space`), a withdrawn one 410 (in RDF when
 * asked for). True when it answered. A boolean and not the reply: a reply is a thenable, so awaiting one that an async
 * function returns yields undefined, and the handler went on past its 301 into a 404 that fastify logged as an error.
 */
async function checkRedirects(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, kind: ThingKind, id: string, space: 'id' | 'doc', ext?: DocExtension): Promise<boolean> {
  const key = `${kind}/${id}`;
  const gone = app.redirects.gone.get(key);
  if (gone !== undefined) {
    await sendGone(request, reply, app.iris, kind, id, gone, ext);
    return true;
  }
  // What a withdrawn record minted (its abstract, annotations, source, record-scoped people…) is gone with it: a published URI never turns 404.
  const record = recordOf(kind, id);
  const recordGone = record === undefined ? undefined : app.redirects.gone.get(`thesis/${record}`);
  if (recordGone !== undefined) {
    await sendGone(request, reply, app.iris, kind, id, `part of thesis ${record}, withdrawn: ${recordGone}`, ext);
    return true;
  }
  const successor = app.redirects.merged.get(key);
  if (successor === undefined) return false;
  const next = parsePath(`id/${successor}`);
  if (!next) throw ERR_CONFIG(`redirects.json merges ${key} into ${JSON.stringify(successor)}, which is not a kind/id`);
  const iri = space === 'id' ? app.iris.thing(next.kind, next.id) : app.iris.doc(next.kind, next.id, ext);
  reply.code(301).header('location', app.urls.absoluteIri(iri.value, request)).send();
  return true;
}

async function resourcePlugin(app: FastifyInstance): Promise<void> {
  const env: ViewEnv = { iris: app.iris, urls: app.urls };
  // Read now, so a broken ontology/display-labels.ttl stops the start with its line instead of failing every page.
  displayLabels();
  const { iris, data } = app;
  // Terms a page names some rows by although the data may not use them: its description labels them as well.
  const alsoLabel = rowNameStandIns(iris.base);
  registerAssets(app);

  // B id/{kind}/{id}: the thing itself never answers 200 (httpRange-14): 303 to its document when the store knows it.
  app.get('/id/:kind/:id', { config: { cors: DOCUMENT_CORS } }, async function dereference(request, reply) {
    const { kind, id } = request.params as { kind: string; id: string };
    const parsed = parsePath(`id/${kind}/${id}`);
    if (!parsed) throw ERR_NOT_FOUND(`no ${kind} with id ${JSON.stringify(id)} is published here`);
    if (await checkRedirects(app, request, reply, parsed.kind, parsed.id, 'id')) return reply;
    if (!(await data.exists(iris.thing(parsed.kind, parsed.id).value))) throw ERR_NOT_FOUND(`no ${parsed.kind} with id ${parsed.id} is published here`);
    return reply.code(303).header('location', app.urls.absoluteIri(iris.doc(parsed.kind, parsed.id).value, request)).send();
  });

  // B doc/{kind}/{id}[.ext]: the document; only known extensions are stripped, since ids contain dots.
  app.get('/doc/:kind/:file', { config: { cors: DOCUMENT_CORS } }, async function document(request, reply) {
    const { kind, file } = request.params as { kind: string; file: string };
    const parsed = parsePath(`doc/${kind}/${file}`);
    if (!parsed) throw ERR_NOT_FOUND(`no document for ${kind}/${file} is published here`);
    if (await checkRedirects(app, request, reply, parsed.kind, parsed.id, 'doc', parsed.ext)) return reply;
    const subject = iris.thing(parsed.kind, parsed.id).value;
    if (!(await data.exists(subject))) throw ERR_NOT_FOUND(`no ${parsed.kind} with id ${parsed.id} is published here`);
    const page = pageParam(request);
    const docIri = (ext?: DocExtension) => iris.doc(parsed.kind, parsed.id, ext).value;
    const modified = () => lastModified(data, datingIris(iris, parsed.kind, parsed.id));
    return sendDocument(request, reply, target(env, parsed.kind, page, docIri, (forPage) => data.describe(subject, { page, forPage, alsoLabel }), modified), parsed.ext);
  });

  // A trailing slash (…/1.0449833/, as links pasted from a browser or a CMS often end) names no other resource: 301 to
  // the IRI without it, query kept; the canonical IRI then answers as it always does (303, 200, 404…).
  for (const space of ['id', 'doc'] as const) {
    app.get(`/${space}/:kind/:file/`, { config: { cors: DOCUMENT_CORS } }, async function trailingSlash(request, reply) {
      const { kind, file } = request.params as { kind: string; file: string };
      const parsed = parsePath(`${space}/${kind}/${file}`);
      if (!parsed) throw ERR_NOT_FOUND(`nothing at ${space}/${kind}/${file} is published here`);
      const iri = space === 'id' ? iris.thing(parsed.kind, parsed.id) : iris.doc(parsed.kind, parsed.id, parsed.ext);
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      return reply.code(301).header('location', app.urls.absoluteIri(iri.value, request) + query).send();
    });
  }

  // Hash-IRI documents: the ontology (B ontology#Term); the dataset description has its own plugin (src/server/dataset).
  const hashDocuments: { path: string; kind: string; doc: (ext?: DocExtension) => NamedNode; graph: NamedNode }[] = [
    { path: 'ontology', kind: 'vocabulary', doc: (ext) => iris.ontologyDoc(ext), graph: iris.graph('ontology') },
  ];
  for (const h of hashDocuments) {
    for (const ext of [undefined, ...DOC_EXTENSIONS]) {
      app.get(`/${h.path}${ext ? `.${ext}` : ''}`, { config: { cors: DOCUMENT_CORS } }, async function hashDocument(request, reply) {
        if (!(await data.exists(h.doc().value))) throw ERR_NOT_FOUND(`this build has no ${h.kind}`);
        const docIri = (e?: DocExtension) => h.doc(e).value;
        const modified = () => lastModified(data, datingIris(iris));
        return sendDocument<DocExtension>(request, reply, target(env, h.kind, 1, docIri, (forPage) => data.describeDocument(h.doc().value, h.graph.value, { forPage, alsoLabel }), modified), ext);
      });
    }
  }

  // Named-graph IRIs resolve too: each answers 303 to the document that presents its content (a record's graph → that
  // thesis's document; the ontology and dataset graphs → their documents; the authority graph → the dataset description).
  app.get('/graph/*', { config: { cors: DOCUMENT_CORS } }, async function namedGraph(request, reply) {
    const rest = (request.params as { '*': string })['*'];
    const record = /^thesis\/([^/]+)$/.exec(rest);
    if (record && !isValidId(record[1]!)) throw ERR_NOT_FOUND(`no named graph graph/${rest} is published here`);
    const gone = record ? app.redirects.gone.get(`thesis/${record[1]!}`) : undefined;
    if (gone !== undefined) throw ERR_GONE(`named graph graph/${rest} is no longer published (the graph of thesis ${record![1]!}, withdrawn: ${gone})`);
    const graphIri = record ? iris.recordGraph(record[1]!) : (['authority', 'ontology', 'dataset'] as const).includes(rest as 'authority') ? iris.graph(rest as 'authority') : undefined;
    if (!graphIri || !(await data.hasGraph(graphIri.value))) throw ERR_NOT_FOUND(`no named graph graph/${rest} is published here`);
    const to = record ? iris.doc('thesis', record[1]!) : rest === 'ontology' ? iris.ontologyDoc() : iris.datasetDoc();
    return reply.code(303).header('location', app.urls.absoluteIri(to.value, request)).send();
  });

  // VoID's well-known location points at the dataset description.
  app.get('/.well-known/void', { config: { cors: DOCUMENT_CORS } }, async function wellKnownVoid(request, reply) {
    return reply.code(302).header('location', app.urls.absolute('dataset', request)).send();
  });

  // Things and documents are read-only: other methods answer 405 with Allow (before any body is read), not 404.
  for (const url of ['/id/*', '/doc/*', '/graph/*', '/dataset', '/ontology']) {
    app.route({
      method: ['POST', 'PUT', 'DELETE', 'PATCH'],
      url,
      config: { cors: DOCUMENT_CORS },
      onRequest: async function readOnly(request, reply) {
        reply.header('allow', 'GET, HEAD, OPTIONS');
        throw ERR_METHOD_NOT_ALLOWED(`${request.method} is not allowed here: linked-data documents are read-only (GET, HEAD, OPTIONS); the data changes only through a new build`);
      },
      handler: async function neverReached() {},
    });
  }

  // CORS preflight for documents: @fastify/cors sets its headers from DOCUMENT_CORS (If-None-Match and If-Modified-Since
  // are not simple headers); this route gives the preflight its route config and its 204.
  for (const path of ['/id/*', '/doc/*', '/dataset', '/ontology']) {
    app.options(path, { config: { cors: DOCUMENT_CORS } }, async function preflight(_request, reply) {
      return reply.code(204).send();
    });
  }
}

export default fp(resourcePlugin, { name: 'resource', dependencies: ['store', 'data'] });
